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
// state lock (shared for reads), authenticate, run, release, answer, then
// deliver the events the handler queued so no request waits on a receiver.
func (s *Sandbox) endpoint(rt route, h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &ctx{s: s, r: r, route: rt}
		if err := c.parseParams(); err != nil {
			c.fail(http.StatusBadRequest, err.Error())
			c.write(w)
			return
		}
		reads := r.Method == http.MethodGet || r.Method == http.MethodHead
		if reads {
			s.mu.RLock()
		} else {
			s.mu.Lock()
		}
		c.st = s.st
		if c.authenticate() {
			h(c)
		}
		if !reads && !rt.readOnly && !c.failed() {
			s.dirty = true
			s.cache.reset()
		}
		if reads {
			s.mu.RUnlock()
		} else {
			s.mu.Unlock()
		}
		c.write(w)
		s.dispatch(c.events)
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
