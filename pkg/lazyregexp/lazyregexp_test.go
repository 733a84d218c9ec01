package lazyregexp_test

import (
	"sync"
	"testing"

	"github.com/wootcli/woot/pkg/lazyregexp"
)

func TestCompiledOnceAndShared(t *testing.T) {
	re := &lazyregexp.Regexp{Expr: `^/accounts/(\d+)$`}
	const n = 8
	got := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() { // run under -race: first uses may come from many goroutines
			defer wg.Done()
			got[i] = re.Compiled()
		}()
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if got[i] != got[0] {
			t.Fatalf("Compiled returned two patterns (%p, %p): it compiled more than once", got[0], got[i])
		}
	}
	if m := re.FindStringSubmatch("/accounts/42"); len(m) != 2 || m[1] != "42" {
		t.Errorf("FindStringSubmatch = %q, want the account id 42", m)
	}
	if re.MatchString("/accounts/x") {
		t.Error("MatchString matched a path with no account id")
	}
}

func TestBadPatternPanicsOnFirstUse(t *testing.T) {
	re := &lazyregexp.Regexp{Expr: `(`} // declaring it is fine: nothing is compiled yet
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern compiled without a panic")
		}
	}()
	re.MatchString("x")
}
