package accountconf

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/wootcli/woot/pkg/accountconf"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// remote connects to the account of the profile.
func remote(f *cmdutil.Factory) (*accountconf.Remote, error) {
	account, err := f.AccountID()
	if err != nil {
		return nil, err
	}
	client, err := f.APIClient()
	if err != nil {
		return nil, err
	}
	errOut := f.IOStreams.ErrOut
	return &accountconf.Remote{Client: client, Account: account, Notice: func(s string) { fmt.Fprintln(errOut, "notice: "+s) }}, nil
}

// selectKinds resolves --only (every kind when empty).
func selectKinds(only []string) ([]*accountconf.Kind, error) {
	if len(only) == 0 {
		return accountconf.Kinds, nil
	}
	want := map[string]bool{}
	for _, name := range only {
		if accountconf.KindNamed(name) == nil {
			return nil, cmdutil.FlagErrorf("--only: unknown kind %q: use one of %s", name, strings.Join(accountconf.KindNames(), ", "))
		}
		want[name] = true
	}
	var out []*accountconf.Kind
	for _, k := range accountconf.Kinds {
		if want[k.Name] {
			out = append(out, k)
		}
	}
	return out, nil
}

// restrict keeps the desired kinds --only names.
func restrict(d *accountconf.Desired, only []*accountconf.Kind) {
	keep := map[string]bool{}
	for _, k := range only {
		keep[k.Name] = true
	}
	var kinds []*accountconf.Kind
	for _, k := range d.Kinds {
		if keep[k.Name] {
			kinds = append(kinds, k)
		}
	}
	d.Kinds = kinds
}

// usageError makes a bad file exit 2, its message naming file and line.
func usageError(err error) error {
	var in *accountconf.InputError
	if errors.As(err, &in) {
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
	}
	return err
}

// planFor loads the files, reads the account and compares them. Every
// check of the files happens before the first request.
func planFor(ctx context.Context, f *cmdutil.Factory, load func() (*accountconf.Desired, error), only []string, prune bool) (*accountconf.Remote, *accountconf.Desired, *accountconf.State, *accountconf.Plan, error) {
	kinds, err := selectKinds(only)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	d, err := load()
	if err != nil {
		return nil, nil, nil, nil, usageError(err)
	}
	if len(only) > 0 {
		restrict(d, kinds)
	}
	r, err := remote(f)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	// The account is always read: wrong credentials or account fail here,
	// clearly, even for files that hold nothing.
	live, err := r.Fetch(ctx, append([]*accountconf.Kind{accountconf.KindNamed("account")}, d.Kinds...))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if err := d.CheckRefs(live); err != nil {
		return nil, nil, nil, nil, usageError(err)
	}
	p := accountconf.Diff(d, live, prune)
	for _, k := range p.Skipped {
		fmt.Fprintf(f.IOStreams.ErrOut, "notice: the files have %s, which this server does not have: skipped\n", k)
	}
	return r, d, live, p, nil
}
