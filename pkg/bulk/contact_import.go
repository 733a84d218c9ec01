package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/wootcli/woot/pkg/api"
)

// ContactImport says how rows become contacts.
type ContactImport struct {
	// Match lists the keys rows are looked up by, in order: identifier,
	// email, phone_number; the first that finds a contact wins. Empty
	// means every row creates a contact.
	Match []string
	// OnConflict is what a row that found a contact does: update (the
	// default) sends the row's fields and adds its labels, skip leaves the
	// contact alone, error rejects the row.
	OnConflict string
	// ExtraCustom is recorded for the caller; ReadContacts applies it.
	ExtraCustom bool
	// InboxID, when set, is sent with every create so the new contact can
	// be reached in that inbox.
	InboxID int64
}

// Conflict modes.
const (
	ConflictUpdate = "update"
	ConflictSkip   = "skip"
	ConflictError  = "error"
)

func (imp *ContactImport) check() error {
	if err := ValidateMatch(imp.Match); err != nil {
		return err
	}
	switch imp.OnConflict {
	case "":
		imp.OnConflict = ConflictUpdate
	case ConflictUpdate, ConflictSkip, ConflictError:
	default:
		return fmt.Errorf("--on-conflict %q: use update, skip or error", imp.OnConflict)
	}
	return nil
}

// ImportContacts creates or updates a contact per row. See the package
// documentation for the journal, resume and rejects rules. It returns the
// summary (also when it stops early), the plan of a dry run, and an error
// that stops the job: rows rejected are not errors, they are counted.
func ImportContacts(ctx context.Context, c *api.Client, accountID int64, rows *RowReader, imp ContactImport, opts Options) (Summary, Plan, error) {
	if err := imp.check(); err != nil {
		return Summary{}, Plan{}, err
	}
	header := ""
	if rows.format == "csv" {
		header = csvRejectsHeader(rows.Header(), rows.Delimiter())
	}
	j, err := newJob(c, accountID, opts, "contacts", rows.id, header)
	if err != nil {
		return Summary{}, Plan{}, err
	}
	j.total.Store(rows.total)
	ci := &contactImporter{j: j, imp: imp, rows: rows}
	if err := ci.checkTargetInbox(ctx); err != nil {
		j.close()
		return j.summary(), Plan{}, err
	}
	return j.execute(ctx, ci.plan, ci.next)
}

// checkTargetInbox refuses an --inbox-id the account lacks before any row
// is sent, in a dry run too: Chatwoot would refuse every create (404).
func (ci *contactImporter) checkTargetInbox(ctx context.Context) error {
	if ci.imp.InboxID <= 0 {
		return nil
	}
	_, err := ci.j.inboxKind(ctx, &ci.facts, ci.imp.InboxID)
	if reason, fatal := planned(err); reason != "" {
		return inputErrorf("--inbox-id %d: %s; nothing was sent", ci.imp.InboxID, reason)
	} else if fatal != nil {
		return fmt.Errorf("check --inbox-id %d: %w", ci.imp.InboxID, fatal)
	}
	return nil
}

type contactImporter struct {
	j     *job
	imp   ContactImport
	rows  *RowReader
	facts accountFacts
}

func (ci *contactImporter) render(rec *record) func(string) string {
	if ci.rows.format == "csv" {
		header := ci.rows.Header()
		comma := ci.rows.Delimiter()
		return func(reason string) string { return csvReject(header, rec.fields, reason, comma) }
	}
	return func(reason string) string { return jsonReject(rec.raw, reason) }
}

// next reads a row and decides whether it needs a worker.
func (ci *contactImporter) next() (*task, error) {
	row, err := ci.rows.next()
	if err != nil {
		return nil, err
	}
	rec := row.rec
	return ci.j.rowTask(rec.num, rec.key, ci.render(rec), func() ([]string, rowRun) {
		if rec.oversize {
			return []string{ci.j.keepOversize(rec, ci.rows.in.path, ci.rows.headerLine())}, nil
		}
		return row.problems, func(ctx context.Context, st *rowState) (outcome, error) { return ci.importRow(ctx, row, st) }
	})
}

func (ci *contactImporter) importRow(ctx context.Context, row *contactRow, st *rowState) (outcome, error) {
	d := &row.data
	if err := ci.j.checkLabels(ctx, &ci.facts, d.labels); err != nil {
		return outcome{}, err
	}
	unlock := ci.j.locks.lock(d.lockKeys())
	defer unlock()
	if st.hasIntent("create") {
		if o, ok, err := ci.reconcile(ctx, row); err != nil || ok {
			return o, err
		}
	}
	found, by, err := ci.j.findContact(ctx, d, ci.imp.Match)
	if err != nil {
		return outcome{}, err
	}
	if found != nil {
		return ci.conflict(ctx, d, found, by)
	}
	return ci.create(ctx, row)
}

// reconcile settles a row an earlier run was creating when it stopped: if
// the contact exists with the row's identities, that run created it.
func (ci *contactImporter) reconcile(ctx context.Context, row *contactRow) (outcome, bool, error) {
	d := &row.data
	if !hasMatchKey(d) {
		// The residual case: nothing to look the contact up by.
		return reject("an earlier run stopped while creating this contact, and " + nameOnlyUncertain(d.name)), true, nil
	}
	c, _, err := ci.j.findContact(ctx, d, matchKeys)
	if err != nil || c == nil || !isSameContact(c, d) {
		return outcome{}, false, err
	}
	ci.j.retried.Add(1)
	if err := ci.setLabels(ctx, c.ID, d.labels); err != nil {
		return outcome{}, false, err
	}
	return outcome{kind: outCreated, id: c.ID}, true, nil
}

func (ci *contactImporter) conflict(ctx context.Context, d *contactData, found *apiContact, by string) (outcome, error) {
	switch ci.imp.OnConflict {
	case ConflictSkip:
		return outcome{kind: outSkipped, id: found.ID, reason: fmt.Sprintf("matches contact %d by %s", found.ID, by)}, nil
	case ConflictError:
		return reject(fmt.Sprintf("matches existing contact %d by %s=%q (--on-conflict error)", found.ID, by, d.keyValue(by))), nil
	}
	if _, err := ci.j.send(ctx, http.MethodPut, ci.j.path("/contacts/%d", found.ID), nil, d.body(0)); err != nil {
		return outcome{}, err
	}
	if err := ci.addLabels(ctx, found.ID, d.labels); err != nil {
		return outcome{}, err
	}
	return outcome{kind: outUpdated, id: found.ID}, nil
}

// create journals its intent durably before the request: if the process
// dies after Chatwoot acted, the next run finds the intent and reconciles.
func (ci *contactImporter) create(ctx context.Context, row *contactRow) (outcome, error) {
	rec, d := row.rec, &row.data
	if err := ci.j.jr.intent(rec.num, rec.key, "create"); err != nil {
		return outcome{}, err
	}
	body, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/contacts"), nil, d.body(ci.imp.InboxID))
	if err != nil {
		if !hasMatchKey(d) {
			// Nothing to look it up by: trying again could create it twice.
			return outcome{}, &unrepeatable{err: err, uncertain: "the connection broke after this contact's create was sent, and " + nameOnlyUncertain(d.name)}
		}
		return outcome{}, err
	}
	c, _, err := decodeCreatedContact(body)
	if err != nil {
		return outcome{}, err
	}
	if err := ci.setLabels(ctx, c.ID, d.labels); err != nil {
		return outcome{}, err
	}
	return outcome{kind: outCreated, id: c.ID}, nil
}

// nameOnlyUncertain explains a create of a name-only row that may or may
// not have happened, and how the user finds out.
func nameOnlyUncertain(name string) string {
	return fmt.Sprintf("with no identifier, email or phone_number there is no way to tell whether Chatwoot created it: look for a contact named %q (woot contacts search --q %q) before importing this row again", name, name)
}

// setLabels gives a contact exactly these labels: Chatwoot's label POST
// replaces the contact's whole set, which is right for a new contact.
func (ci *contactImporter) setLabels(ctx context.Context, id int64, labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	_, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/contacts/%d/labels", id), nil, map[string]any{"labels": labels})
	return err
}

// addLabels adds labels to an existing contact, keeping the ones it has:
// because the POST replaces the set, the current set is read first.
func (ci *contactImporter) addLabels(ctx context.Context, id int64, labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	body, err := ci.j.send(ctx, http.MethodGet, ci.j.path("/contacts/%d/labels", id), nil, nil)
	if err != nil {
		return err
	}
	var v struct {
		Payload []string `json:"payload"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("read labels of contact %d: %w", id, err)
	}
	merged := cleanLabels(append(v.Payload, labels...))
	if len(merged) == len(cleanLabels(v.Payload)) {
		return nil // nothing new
	}
	return ci.setLabels(ctx, id, merged)
}

// plan walks the rows, checking them as the real run would, without
// sending anything but the reads of the account's labels.
func (ci *contactImporter) plan(ctx context.Context) (Plan, error) {
	var p Plan
	for {
		row, err := ci.rows.next()
		if err != nil {
			if isEOF(err) {
				return p, nil
			}
			return p, err
		}
		rec := row.rec
		if err := ci.j.checkKey(rec.num, rec.key); err != nil {
			return p, err
		}
		if st := ci.j.jr.state(rec.num); st != nil && st.outcome != "" {
			p.Done++
			continue
		}
		it, err := ci.planRow(ctx, row)
		if err != nil {
			return p, err
		}
		p.add(it)
	}
}

func (ci *contactImporter) planRow(ctx context.Context, row *contactRow) (PlanItem, error) {
	it := PlanItem{Row: row.rec.num}
	rejected, err := planChecks(&it, row.problems, func() error { return ci.j.checkLabels(ctx, &ci.facts, row.data.labels) })
	if rejected || err != nil {
		return it, err
	}
	d := &row.data
	it.Action = actionCreate
	it.Requests = []PlannedRequest{{Method: http.MethodPost, Path: ci.j.path("/contacts"), Body: mustJSON(d.body(ci.imp.InboxID))}}
	if len(d.labels) > 0 {
		it.Requests = append(it.Requests, PlannedRequest{Method: http.MethodPost, Path: ci.j.path("/contacts/{contact_id}/labels"), Body: mustJSON(map[string]any{"labels": d.labels})})
	}
	if m := describeMatch(d, ci.imp.Match); m != "" {
		it.Action = actionMatch
		it.Match = m + "; create if none, else " + map[string]string{
			ConflictUpdate: "update it and add the labels",
			ConflictSkip:   "skip the row",
			ConflictError:  "reject the row",
		}[ci.imp.OnConflict]
	}
	return it, nil
}
