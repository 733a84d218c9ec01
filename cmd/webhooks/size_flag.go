package webhooks

import (
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/webhook"
)

// sizeValue is a byte count flag that reads 1MiB, 512KiB or plain bytes,
// parsed as --max-row-size of the bulk commands is.
type sizeValue int64

func (s *sizeValue) String() string { return webhook.FormatSize(int64(*s)) }
func (s *sizeValue) Type() string   { return "SIZE" }

func (s *sizeValue) Set(v string) error {
	n, err := bulk.ParseSize(v)
	if err != nil {
		return err
	}
	*s = sizeValue(n)
	return nil
}
