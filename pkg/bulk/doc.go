// Package bulk is woot's engine for jobs over many records: contact and
// conversation imports, bulk actions on conversations and contacts, and
// the helpers exports need (shards, flattening to CSV columns). It is
// built for jobs that must not lose or repeat work: resumable after any
// interruption, paced to the server's rate limit, and keeping every row it
// could not import.
//
// # Contact rows
//
// A contact import reads CSV with a header row, or NDJSON (one object per
// line); "-" reads stdin. The columns (or fields) are those of Chatwoot's
// contact: name, email, phone_number, identifier, company_name (or
// company), city, country, avatar_url, blocked, labels (";"-separated in
// CSV, a list or a ";"-separated string in NDJSON), plus
// custom_attributes.<key> and additional_attributes.<key>. company_name,
// city and country are stored in additional_attributes, where Chatwoot's
// contact model keeps them. An unknown column stops the import before
// anything is sent, naming it; with ExtraCustom (--extra custom) unknown
// columns become custom attributes instead. So is a first line that is a
// row rather than a header (it holds an email address, a phone number, a
// URL or a number and names no known column), and a header with none of
// name, email, phone_number, identifier, whose every row would be
// rejected. The CSV delimiter is a comma, semicolon or tab, whichever
// splits the header into the most known columns (ReadOptions.Delimiter
// sets another). An "error" column (CSV) or "_error" field (NDJSON) is
// ignored, so a rejects file, once fixed, imports as it is.
//
// A row longer than ReadOptions.MaxRowBytes (DefaultMaxRowBytes, 1 MiB;
// conversation lines: Options.MaxRowBytes, 16 MiB) is rejected without
// being held in memory: its rejects record and its journal entry carry the
// reason, with its lines and size, not the row, which is copied whole from
// the input (a regular file) into a file of its own beside the rejects
// file; see keepOversize. A quote that opens a field
// and does not close on its line, so that the record it starts spans lines
// and then comes out wrong (not the header's width, a quote closing
// mid-field, the end of the file or the row limit reached inside it), is a
// stray quote: that line alone is rejected, naming the quote, and the
// lines it swallowed are read again as rows. A quoted value spanning lines
// in a row of the header's width is a value.
//
// Empty cells are left out of the request: an import never blanks a
// field the contact already has. Custom attribute values from CSV are
// strings; NDJSON keeps JSON types.
//
// Each row is checked before anything is sent: at least one of name,
// email, phone_number, identifier; an email's shape; a phone number in
// E.164 form (a missing leading + is added, as Chatwoot's import does);
// blocked as true/false; avatar_url as an http(s) URL. Labels must exist
// in the account (checked against the account's labels once per job),
// because Chatwoot silently drops unknown labels. A failing row is
// rejected with its reasons and the job goes on.
//
// # Matching and conflicts
//
// With ContactImport.Match set (identifier, email, phone_number in the
// order given), each row is looked up with one POST contacts/filter of
// equal_to conditions, and the first key that matches exactly wins. A
// row that matches is updated (its fields sent with PUT, its labels added
// to the contact's), skipped, or rejected, as OnConflict says; a row that
// matches nothing is created (POST contacts, with InboxID when set) and
// given its labels. Rows about the same identity never run side by side,
// so concurrency cannot create a duplicate.
//
// # Conversations
//
// A conversation import reads NDJSON lines described by
// ConversationRecord: each line becomes a conversation in an API inbox,
// with its contact found or created, its messages in order (original
// author and time kept in content_attributes), its labels, assignee and
// final status.
//
// # Bulk actions
//
// BulkAction sends ids (from arguments, or one per line on stdin; see
// ReadIDs and ParseIDs) to Chatwoot's bulk_actions endpoint in batches of
// 100; each batch is one unit of the journal.
//
// # Dry run
//
// Options.DryRun plans the job and changes nothing. It checks every row as
// the real run does, including against the account: labels, inboxes and
// assignees are read once each (GET labels, inboxes, agents, only when a
// row needs them), so a row the real run would reject for them is a
// planned reject with the same reason. Lookups of existing records are not
// sent: a matched row is reported as "would match by …". The Plan lists,
// per row, the action and the requests a real run would send, and in Read
// the reads the checks made.
//
// # Journal and resume
//
// Every job keeps a journal (Options.Journal): JSON lines, append-only,
// starting with a header that records the job and its input (path, size,
// and a hash of the first 64 KiB). Running the same command again resumes:
// rows the journal records as finished are not touched, and are counted
// apart from this run's work (Summary.AlreadyDone and Earlier); the
// rest are worked on. A journal written for another input, or for another
// job, is refused with a message saying what to do; Options.Restart
// starts over. A row is identified by its number and a hash of its bytes,
// so an input that changed further down is noticed too. A torn last line
// (the process died while writing it) is dropped.
//
// Creating is the one thing that cannot safely be repeated. Before each
// create (a contact, a conversation, each message) the job writes an
// intent to the journal and fsyncs it; the outcome follows once Chatwoot
// answers. Killed in between, the next run finds an intent without an
// outcome and looks the object up before creating anything: contacts by
// identifier, email and phone number (and name), conversations by the key
// stored in their additional_attributes, messages by kind and content
// after the previous imported message. Other records are fsynced in
// batches; losing them only means repeating idempotent work.
//
// The residual case: a contact row with a name and nothing else to look
// it up by, interrupted during its create. The job cannot tell whether
// Chatwoot created it, so it rejects the row with that explanation rather
// than risk a duplicate; the user checks and imports the row again.
//
// # Rejects
//
// Every row that failed validation, or that Chatwoot refused (400, 404 or
// 422, with the server's message), is written to the rejects file
// (Options.Rejects) in the input's own format: CSV with the input's header
// plus an "error" column, NDJSON with an "_error" field added. Each reject
// is journaled before it is written to the file, and a resumed job
// completes the file from the journal, so no reject is lost or written
// twice. Summary.HasRejects tells the command to exit 5.
//
// A failure that says nothing about the row (a 5xx, a dropped connection)
// is tried again, with backoff: lookups at once, the row as a whole after
// that, and a retried row reconciles its intents exactly as a resumed run
// does, so a flaky server costs time, never a duplicate or a rejected row.
// A contact with only a name is the exception: its create cannot be looked
// up, so it is not repeated (see the residual case above). When its answer
// is lost (the connection broke after the request went out), the row is
// rejected as uncertain, saying how to check, and the job goes on; five
// such rows in a row mean the server is not answering, and the job stops.
//
// Other failures stop the job, leaving the journal consistent: an
// authentication error, a network failure or a server failing that
// persists through the retries, a server failing five rows in a row.
// Running the command again resumes.
//
// # Pace
//
// Options.Concurrency rows are worked on at once. The client's rate
// governor (api.Governor) paces the requests: it finds the server's
// per-minute allowance from its 429s (which Chatwoot sends without
// Retry-After), holds every worker until the window reopens and keeps to
// the allowance after that. A 429 the transport gave up on is waited out
// and repeated by the job itself (rack-attack refuses before Chatwoot
// runs, so this is safe for creates too). Context cancellation (Ctrl-C)
// stops the feed; rows in flight finish or stay behind as intents.
package bulk
