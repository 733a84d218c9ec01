package accountconf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/accountconf"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

type exportOptions struct {
	f      *cmdutil.Factory
	dir    string
	only   []string
	format string
}

func newExportCmd(f *cmdutil.Factory, runF func(*exportOptions) error) *cobra.Command {
	o := &exportOptions{f: f}
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the account's configuration as YAML files",
		Long: `Write the account's configuration: one YAML file per kind in --dir, help
center articles as Markdown with front matter under articles/PORTAL/, or
everything as one YAML stream on stdout (-o yaml, the default without --dir).

Kinds, objects (by natural key) and fields are always in the same order, so
two exports of the same account are byte-identical and a change reads well in
review. Kinds: ` + strings.Join(accountconf.KindNames(), ", ") + `. Enterprise kinds the
server does not have are skipped with a notice. Inboxes are those the API can
create (API channel, website widget, email); WhatsApp, Facebook and other
channels need their provider's sign-up and are left out. No secret is ever
written.`,
		Example: `  $ woot config export --dir acme
  $ woot config export --only labels,teams
  $ woot config export --dir acme --only articles`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if o.format != "" && o.format != "yaml" {
				return cmdutil.FlagErrorf("-o %s: config export writes yaml (one stream on stdout) or files with --dir", o.format)
			}
			if runF != nil {
				return runF(o)
			}
			return exportRun(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.dir, "dir", "", "Write one file per kind into `DIR` (created if missing)")
	cmdutil.StringListVar(c.Flags(), &o.only, "only", "Only these kinds (comma-separated)")
	c.Flags().StringVarP(&o.format, "output", "o", "", "Format on stdout: yaml")
	return c
}

func exportRun(ctx context.Context, o *exportOptions) error {
	kinds, err := selectKinds(o.only)
	if err != nil {
		return err
	}
	r, err := remote(o.f)
	if err != nil {
		return err
	}
	st, err := r.Fetch(ctx, kinds)
	if err != nil {
		return err
	}
	if o.dir == "" {
		data, err := accountconf.RenderStream(st, kinds)
		if err != nil {
			return err
		}
		_, err = o.f.IOStreams.Out.Write(data)
		return err
	}
	files, err := accountconf.Render(st, kinds)
	if err != nil {
		return err
	}
	if err := writeFiles(o.dir, files, kinds); err != nil {
		return err
	}
	fmt.Fprintf(o.f.IOStreams.ErrOut, "Wrote %d files to %s.\n", len(files), o.dir)
	return nil
}

// writeFiles writes each file atomically and removes article files of an
// earlier export that the account no longer has, so the directory is the
// export and nothing else.
func writeFiles(dir string, files []accountconf.File, kinds []*accountconf.Kind) error {
	written := map[string]bool{}
	for _, file := range files {
		path := filepath.Join(dir, filepath.FromSlash(file.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
		}
		a, err := output.CreateAtomic(path)
		if err != nil {
			return err
		}
		if _, err := a.Write(file.Data); err != nil {
			a.Abort()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := a.Commit(); err != nil {
			return err
		}
		written[path] = true
	}
	for _, k := range kinds {
		if !k.Markdown {
			continue
		}
		// The folder marks the kind as managed even with no article in it.
		if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
			return err
		}
		stale, _ := filepath.Glob(filepath.Join(dir, "articles", "*", "*.md"))
		for _, p := range stale {
			if !written[p] {
				os.Remove(p)
			}
		}
	}
	return nil
}
