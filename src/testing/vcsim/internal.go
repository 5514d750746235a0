package main

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"sync"

	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

const (
	envelopeOpen = `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" ` +
		`xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ` +
		`xmlns:xsd="http://www.w3.org/2001/XMLSchema" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>`
	envelopeClose = `</soapenv:Body></soapenv:Envelope>`
)

// internalClient calls vcsim's SOAP handler in-process with a session of its own, for work the
// simulator does on its own behalf (running deferred tasks, expiring sessions). These calls
// bypass the front handler, so they are never counted as client traffic.
type internalClient struct {
	handler  http.Handler
	username string
	password string

	mu     sync.Mutex
	cookie string
}

func (c *internalClient) login() error {
	body := fmt.Sprintf(`<Login xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this>`+
		`<userName>%s</userName><password>%s</password></Login>`,
		html.EscapeString(c.username), html.EscapeString(c.password))
	rec := c.post(envelopeOpen+body+envelopeClose, "")
	if rec.Code != http.StatusOK {
		return fmt.Errorf("login answered %d: %s", rec.Code, rec.Body.String())
	}
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == soap.SessionCookieName {
			c.mu.Lock()
			c.cookie = ck.Value
			c.mu.Unlock()
			return nil
		}
	}
	return fmt.Errorf("login set no session cookie")
}

func (c *internalClient) sessionKey() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cookie
}

// callAs posts a SOAP body (without envelope) with the given session cookie.
func (c *internalClient) callAs(cookie, body string) *httptest.ResponseRecorder {
	return c.post(envelopeOpen+body+envelopeClose, cookie)
}

// replay posts a complete request envelope with the simulator's own session.
func (c *internalClient) replay(envelope []byte) *httptest.ResponseRecorder {
	return c.post(string(envelope), c.sessionKey())
}

func (c *internalClient) post(envelope, cookie string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/sdk", bytes.NewReader([]byte(envelope)))
	req.Header.Set("Content-Type", "text/xml")
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: soap.SessionCookieName, Value: cookie})
	}
	rec := httptest.NewRecorder()
	c.handler.ServeHTTP(rec, req)
	return rec
}

// sessionValid asks vcsim whether a client's cookie names a live session.
func (c *internalClient) sessionValid(r *http.Request) bool {
	ck, err := r.Cookie(soap.SessionCookieName)
	if err != nil {
		return false
	}
	rec := c.callAs(ck.Value, `<CurrentTime xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></CurrentTime>`)
	return rec.Code == http.StatusOK
}

// terminate ends a client session; false when vcsim no longer had it (logged out).
func (c *internalClient) terminate(key string) bool {
	return c.callAs(c.sessionKey(), fmt.Sprintf(`<TerminateSession xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this>`+
		`<sessionId>%s</sessionId></TerminateSession>`, html.EscapeString(key))).Code == http.StatusOK
}

// taskResponse decodes any "<Method>Response" whose returnval is a MoRef, or a SOAP fault.
type taskResponse struct {
	Fault *soap.Fault `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault,omitempty"`
	Res   *struct {
		Returnval *types.ManagedObjectReference `xml:"returnval"`
	} `xml:",any"`
}

func decodeTaskResponse(b []byte) (*taskResponse, error) {
	var body taskResponse
	env := soap.Envelope{Body: &body}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.TypeFunc = types.TypeFunc()
	if err := dec.Decode(&env); err != nil {
		return nil, err
	}
	return &body, nil
}

var thisPattern = regexp.MustCompile(`<_this[^>]*\btype="([^"]+)"[^>]*>([^<]+)</_this>`)

func thisRef(body []byte) (types.ManagedObjectReference, bool) {
	m := thisPattern.FindSubmatch(body)
	if m == nil {
		return types.ManagedObjectReference{}, false
	}
	return types.ManagedObjectReference{Type: string(m[1]), Value: string(m[2])}, true
}

// faultEnvelope renders a SOAP fault the way vCenter does: <XFault xsi:type="X"> under detail.
func faultEnvelope(fault types.BaseMethodFault, msg string) []byte {
	var buf bytes.Buffer
	buf.WriteString(envelopeOpen)
	buf.WriteString(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>`)
	buf.WriteString(html.EscapeString(msg))
	buf.WriteString(`</faultstring><detail>`)
	kind := reflect.TypeOf(fault).Elem().Name()
	enc := xml.NewEncoder(&buf)
	_ = enc.EncodeElement(fault, xml.StartElement{
		Name: xml.Name{Local: kind + "Fault"},
		Attr: []xml.Attr{
			{Name: xml.Name{Local: "xmlns"}, Value: "urn:vim25"},
			{Name: xml.Name{Local: "xsi:type"}, Value: kind},
		},
	})
	_ = enc.Flush()
	buf.WriteString(`</detail></soapenv:Fault>`)
	buf.WriteString(envelopeClose)
	return normalizeWire(buf.Bytes())
}
