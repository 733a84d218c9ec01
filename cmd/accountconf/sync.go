package accountconf

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/accountconf"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func newSyncCmd(f *cmdutil.Factory, runF func(*applyOptions, string) error) *cobra.Command {
	o := &applyOptions{f: f}
	var portal string
	c := &cobra.Command{
		Use:   "sync DIR --portal SLUG",
		Short: "Create and update a portal's articles from a folder of Markdown",
		Long: `Make a portal's articles match a folder of Markdown files, for docs kept in
git: one file per article, YAML front matter (title, slug, category, locale,
status, position, author by email) and the article's body. The slug defaults
to the file's name. Articles are matched by slug: new ones are created,
changed ones updated, and with --prune the portal's other articles deleted.

It is ` + "`woot config apply`" + ` on articles alone, with the same checks, journal and
exit codes.`,
		Example: `  $ woot config export --dir acme --only articles
  $ woot portals articles sync acme/articles/acme-help --portal acme-help
  $ woot portals articles sync acme/articles/acme-help --portal acme-help --prune --dry-run`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.FlagErrorf("%s takes one argument, the folder of Markdown articles", c.CommandPath())
			}
			if portal == "" {
				return cmdutil.FlagErrorf("--portal SLUG is required: the portal the articles belong to (`woot portals list`)")
			}
			o.file = args[0]
			if runF != nil {
				return runF(o, portal)
			}
			load := func() (*accountconf.Desired, error) { return accountconf.LoadArticles(o.file, portal, o.f.Getenv) }
			return applyRun(c.Context(), o, load)
		},
	}
	c.Flags().StringVar(&portal, "portal", "", "The portal's `SLUG`")
	addApplyFlags(c, o)
	cmdutil.CompleteFlag(c, f, "portal", cmdutil.KindPortals)
	return c
}
