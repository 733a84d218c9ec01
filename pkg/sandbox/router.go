package sandbox

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"strings"
)

type handler func(c *ctx)

// mux wraps http.ServeMux with Chatwoot's method conventions: a pattern
// "PATCH|PUT /path" registers both methods, as Rails routes an update.
type mux struct {
	s *Sandbox
	m *http.ServeMux
}

func (x *mux) handle(pattern string, rt route, h handler) {
	methods, path, _ := strings.Cut(pattern, " ")
	hf := x.s.endpoint(rt, h)
	if x.s.lacks(path) {
		hf = withoutFeature(hf)
	}
	for _, m := range strings.Split(methods, "|") {
		x.m.HandleFunc(m+" "+path, hf)
	}
}

func (x *mux) public(p string, h handler)   { x.handle(p, route{auth: authPublic}, h) }
func (x *mux) user(p string, h handler)     { x.handle(p, route{auth: authUser}, h) }
func (x *mux) admin(p string, h handler)    { x.handle(p, route{auth: authUser, admin: true}, h) }
func (x *mux) bot(p string, h handler)      { x.handle(p, route{auth: authUserBot}, h) }
func (x *mux) profile(p string, h handler)  { x.handle(p, route{auth: authProfile}, h) }
func (x *mux) platform(p string, h handler) { x.handle(p, route{auth: authPlatform}, h) }
func (x *mux) query(p string, h handler)    { x.handle(p, route{auth: authUser, readOnly: true}, h) }

// endpoint turns a handler into an http.HandlerFunc: parse params, take the
// state lock (shared for reads), authenticate, run, commit a change, release,
// answer, then deliver the events the handler queued so no request waits on
// a receiver. A request replayed from the journal runs the same handler
// with its recorded clock and seed, under the caller's locks, and sends
// nothing (a following sandbox keeps its cable events for Follow).
func (s *Sandbox) endpoint(rt route, h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &ctx{s: s, r: r, route: rt}
		if e, ok := r.Context().Value(replayKey{}).(*entry); ok {
			s.replayed(c, h, e)
			c.write(w)
			s.follow.keep(c.events)
			return
		}
		body, err := readBody(r)
		if err == nil {
			err = c.parseParams()
		}
		if err != nil {
			c.fail(http.StatusBadRequest, err.Error())
			c.write(w)
			return
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			s.read(c, h)
		} else {
			s.change(c, h, body)
		}
		c.write(w)
		s.dispatch(c.events)
	}
}

func (s *Sandbox) read(c *ctx, h handler) {
	if err := s.catchUp(); err != nil {
		c.stateFailure(err)
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c.st, c.at = s.st, s.now().Unix()
	if c.authenticate() {
		h(c)
	}
}

// change runs a write: the change is journaled before the answer leaves.
func (s *Sandbox) change(c *ctx, h handler, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file != nil {
		if err := s.file.Lock(); err != nil {
			c.stateFailure(err)
			return
		}
		defer s.file.Unlock()
		if err := s.syncLocked(); err != nil {
			c.stateFailure(err)
			return
		}
	}
	seed := newSeed()
	s.st.Reseed(seed)
	c.st, c.at = s.st, s.now().Unix()
	if c.authenticate() {
		h(c)
	}
	if c.route.readOnly || c.failed() {
		return
	}
	s.cache.reset()
	if s.file == nil {
		return
	}
	if err := s.commit(c, body, seed); err != nil {
		c.events = nil
		c.stateFailure(err)
		// Memory is ahead of the disk: go back to what is committed.
		if rerr := s.loadLocked(); rerr != nil {
			s.logf("sandbox: reload the state: %v", rerr)
		}
	}
}

func (s *Sandbox) replayed(c *ctx, h handler, e *entry) {
	if err := c.parseParams(); err != nil {
		c.fail(http.StatusBadRequest, err.Error())
		return
	}
	s.st.Reseed(e.Seed)
	c.st, c.at = s.st, e.At
	if c.authenticate() {
		h(c)
	}
}

func (s *Sandbox) notFoundHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(`{"error":"Resource could not be found"}`))
}

// statusRecorder remembers the status for the request log and passes
// hijacking and flushing through for /cable and dropped connections.
type statusRecorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("sandbox: the connection cannot be hijacked")
	}
	r.hijacked = true
	return h.Hijack()
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
