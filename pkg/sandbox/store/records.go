package store

func (st *State) AddRecord(kind string, r *Record, now int64) *Record {
	r.ID = st.Next(kind)
	r.CreatedAt, r.UpdatedAt = now, now
	if r.Attrs == nil {
		r.Attrs = obj{}
	}
	st.Records[kind] = append(st.Records[kind], r)
	return r
}

func (st *State) DropRecords(kind string, drop func(*Record) bool) {
	rows := st.Records[kind]
	kept := rows[:0]
	for _, r := range rows {
		if !drop(r) {
			kept = append(kept, r)
		}
	}
	clear(rows[len(kept):])
	st.Records[kind] = kept
}
