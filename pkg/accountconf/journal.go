package accountconf

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// Journal records an apply as it goes, one JSON line per record, like the
// bulk jobs' journal: an intent, fsynced before each change is sent, and
// its outcome after the server answered.
//
//	{"t":"header","v":1,"files":"<sha256 of the desired configuration>"}
//	{"t":"intent","step":"create teams sales"}
//	{"t":"done","step":"create teams sales","id":7}
//
// A re-run over the same files reads it back. Nothing is done twice
// because the plan is recomputed from what the server holds, keyed by
// natural keys: a create whose answer was lost (an intent without its
// outcome) finds its object by key instead of creating it again. The
// journal tells the user what the killed run got through, and is removed
// once an apply finishes cleanly.
type Journal struct {
	path string
	f    *os.File

	// Resumed is what an earlier run over the same files recorded.
	Resumed struct {
		Done     int
		InFlight []string // intents without an outcome: checked by natural key
	}
}

type journalRecord struct {
	T     string `json:"t"`
	V     int    `json:"v,omitempty"`
	Files string `json:"files,omitempty"`
	Step  string `json:"step,omitempty"`
	ID    int64  `json:"id,omitempty"`
}

// Fingerprint identifies the desired configuration, so a journal is only
// resumed by a run over the same files.
func (d *Desired) Fingerprint() string {
	h := sha256.New()
	for _, k := range d.Kinds {
		fmt.Fprintf(h, "kind %s\n", k.Name)
		items := append([]*Item(nil), d.Items[k.Name]...)
		sort.SliceStable(items, func(i, j int) bool { return items[i].Key() < items[j].Key() })
		for _, it := range items {
			h.Write(canonical(it.Values))
			h.Write([]byte("\n"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// OpenJournal opens path for the files with the given fingerprint. A
// journal of other files is replaced (its run is over: the server holds
// whatever it did).
func OpenJournal(path, fingerprint string) (*Journal, error) {
	j := &Journal{path: path}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read journal %s: %w", path, err)
	}
	same := j.load(data, fingerprint)
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if !same {
		flags |= os.O_TRUNC
		j.Resumed.Done, j.Resumed.InFlight = 0, nil
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w (pass --journal with a writable path)", path, err)
	}
	j.f = f
	if same {
		// A torn last line from a kill mid-write ends here; start a fresh line.
		if len(data) > 0 && data[len(data)-1] != '\n' {
			f.Write([]byte("\n"))
		}
		return j, nil
	}
	return j, j.write(journalRecord{T: "header", V: 1, Files: fingerprint}, true)
}

// load reads an earlier journal; it reports whether it was for these files.
func (j *Journal) load(data []byte, fingerprint string) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	first, same := true, false
	open := map[string]bool{}
	var order []string
	for sc.Scan() {
		var r journalRecord
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue // a torn line
		}
		if first {
			first = false
			same = r.T == "header" && r.Files == fingerprint
			if !same {
				return false
			}
			continue
		}
		switch r.T {
		case "intent":
			if !open[r.Step] {
				order = append(order, r.Step)
			}
			open[r.Step] = true
		case "done":
			delete(open, r.Step)
			j.Resumed.Done++
		}
	}
	for _, s := range order {
		if open[s] {
			j.Resumed.InFlight = append(j.Resumed.InFlight, s)
		}
	}
	return same
}

func (j *Journal) write(r journalRecord, sync bool) error {
	b, _ := json.Marshal(r)
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write journal %s: %w", j.path, err)
	}
	if sync {
		if err := j.f.Sync(); err != nil {
			return fmt.Errorf("sync journal %s: %w", j.path, err)
		}
	}
	return nil
}

// Intent records, durably, that step is about to be sent.
func (j *Journal) Intent(step string) error {
	if j == nil {
		return nil
	}
	return j.write(journalRecord{T: "intent", Step: step}, true)
}

// Done records that the server answered step.
func (j *Journal) Done(step string, id int64) error {
	if j == nil {
		return nil
	}
	return j.write(journalRecord{T: "done", Step: step, ID: id}, false)
}

// Close closes the journal; finished removes it (the apply completed).
func (j *Journal) Close(finished bool) error {
	if j == nil {
		return nil
	}
	err := j.f.Close()
	if finished {
		if rmErr := os.Remove(j.path); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			return rmErr
		}
	}
	return err
}
