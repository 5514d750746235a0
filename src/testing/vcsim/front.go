package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/vmware/govmomi/vim25/soap"
)

// serveSDK is the front door for SOAP: it counts, injects faults, turns *_Task calls into
// asynchronous tasks, and hands everything else to vcsim, normalising its wire format.
func (s *sim) serveSDK(w http.ResponseWriter, r *http.Request) {
	if s.listener.dropping() {
		dropConnection(w)
		return
	}
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	s.counters.markSOAPConn(r)
	name := methodName(body)
	s.counters.call(name)
	if name == "WaitForUpdatesEx" || name == "WaitForUpdates" {
		s.counters.longPollStarted()
		defer s.counters.longPollEnded()
	}

	if isTaskMethod(name) {
		if s.tasks.submit(w, r, name, body) {
			return
		}
	} else if rule := s.faults.take(name); rule != nil {
		writeResponse(w, http.StatusInternalServerError, faultEnvelope(rule.newFault(nil), rule.message(nil)))
		return
	}

	rec := httptest.NewRecorder()
	r.Body = io.NopCloser(bytes.NewReader(body))
	s.inner.ServeHTTP(rec, r)
	res := rec.Result()
	for _, c := range res.Cookies() {
		if c.Name == soap.SessionCookieName && name == "Login" {
			s.sessions.add(c.Value)
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	writeResponse(w, rec.Code, normalizeWire(rec.Body.Bytes()))
	if rec.Code == http.StatusOK && mutates(name) {
		if this, ok := thisRef(body); ok {
			s.changes.touch(this)
		}
	}
}

func writeResponse(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// dropConnection closes the client's connection without an HTTP response, as a vCenter
// behind a failing load balancer would.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0)
			}
			_ = conn.Close()
			return
		}
	}
	w.WriteHeader(http.StatusServiceUnavailable)
}

func isTaskMethod(name string) bool { return strings.HasSuffix(name, "_Task") }

// mutates says whether a successful call may have changed the object it was called on
// without vcsim announcing the change to property collectors.
func mutates(name string) bool {
	switch {
	case strings.HasPrefix(name, "Retrieve"), strings.HasPrefix(name, "WaitForUpdates"),
		strings.HasPrefix(name, "Find"), strings.HasPrefix(name, "Query"),
		name == "CurrentTime", name == "Login", name == "Logout", name == "RetrieveServiceContent":
		return false
	}
	return true
}

// methodName finds the first element inside the SOAP Body without decoding the whole request.
func methodName(body []byte) string {
	i := bytes.Index(body, []byte("Body"))
	if i < 0 {
		return ""
	}
	rest := body[i:]
	j := bytes.IndexByte(rest, '>')
	if j < 0 {
		return ""
	}
	rest = rest[j+1:]
	for {
		k := bytes.IndexByte(rest, '<')
		if k < 0 || k+1 >= len(rest) {
			return ""
		}
		rest = rest[k+1:]
		if rest[0] != '?' && rest[0] != '!' && rest[0] != '/' {
			break
		}
	}
	end := bytes.IndexAny(rest, " \t\r\n/>")
	if end < 0 {
		return ""
	}
	tag := string(rest[:end])
	if c := strings.IndexByte(tag, ':'); c >= 0 {
		tag = tag[c+1:]
	}
	return tag
}
