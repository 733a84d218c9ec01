package bulk

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
)

// benchCSV is 10,000 contact rows, a few with quoted fields, one with a
// quoted value over two lines.
func benchCSV() string {
	var b strings.Builder
	b.WriteString("name,email,phone_number,labels,custom_attributes.plan,city\n")
	for i := range 10000 {
		if i%100 == 0 {
			fmt.Fprintf(&b, "\"Lee, Ann %d\",ann%d@example.com,+1415555%04d,vip,\"gold\nplus\",Lisbon\n", i, i, i)
			continue
		}
		fmt.Fprintf(&b, "Person %d,p%d@example.com,+1415555%04d,vip;billing,silver,Porto\n", i, i, i)
	}
	return b.String()
}

// BenchmarkCSVRead compares the record reader (its scanner also tracks
// lines, offsets, stray quotes and the row limit) with what it replaced,
// encoding/csv with LazyQuotes plus the same row keys, on the same input,
// side by side: go test -run '^$' -bench CSVRead -benchmem ./pkg/bulk
func BenchmarkCSVRead(b *testing.B) {
	data := benchCSV()
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(strings.NewReader(data))
			r.FieldsPerRecord, r.LazyQuotes = -1, true
			for n := int64(1); ; n++ {
				fields, err := r.Read()
				if err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
				r.FieldPos(0)
				_ = rowKey(n, []byte(strings.Join(fields, "\x1f")))
			}
		}
	})
	b.Run("woot-scanner", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			rr, err := newRecordReader(bufio.NewReader(strings.NewReader(data)), readConfig{format: "csv"})
			if err != nil {
				b.Fatal(err)
			}
			for {
				if _, err := rr.next(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
