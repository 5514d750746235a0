package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/vpx"
)

// sim is one running simulator: vcsim's model and SOAP handler behind our front handler.
type sim struct {
	cfg        config
	timings    *timings
	model      *vcsim.Model
	inner      http.Handler // vcsim's own mux: /sdk, /about, ...
	internal   *internalClient
	counters   *counters
	faults     *faultRules
	tasks      *taskTable
	guest      *guestAgent
	sessions   *sessionTracker
	changes    *changeIndex
	listener   *switchableListener
	server     *http.Server
	thumbprint string
	addr       string
	scheme     string
}

// current is the running simulator. vcsim itself keeps its inventory in package globals
// (simulator.Map), so one process serves one simulator.
var current *sim

func start(cfg config) (*sim, error) {
	s := &sim{
		cfg:      cfg,
		timings:  &timings{t: cfg.Timing},
		counters: newCounters(),
		faults:   newFaultRules(),
		sessions: newSessionTracker(),
		changes:  newChangeIndex(),
	}
	current = s

	// Managers newer than API 6.0 make yavijava's parser fail on RetrieveServiceContent.
	content := vpx.ServiceContent
	content.VStorageObjectManager = nil
	content.HostSpecManager = nil
	content.CryptoManager = nil
	content.HealthUpdateManager = nil
	content.FailoverClusterConfigurator = nil
	content.FailoverClusterManager = nil

	model := vcsim.VPX()
	model.ServiceContent = content
	model.Machine = cfg.VMsPerPool
	model.ClusterHost = cfg.ClusterHosts
	if err := model.Create(); err != nil {
		return nil, fmt.Errorf("creating the inventory: %w", err)
	}
	s.model = model

	ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Listen, strconv.Itoa(cfg.Port)))
	if err != nil {
		return nil, fmt.Errorf("listening on %s:%d: %w", cfg.Listen, cfg.Port, err)
	}
	s.addr = ln.Addr().String()
	s.scheme = "http"

	// vcsim's NewServer registers the SOAP handlers and starts its own listener; we only want
	// its mux, served behind our front handler on our listener, so its server is closed again.
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(cfg.Username, cfg.Password)}
	vs := model.Service.NewServer()
	vs.Close()
	s.inner = model.Service.ServeMux
	vcsim.Map.SessionManager().ServiceHostName = s.addr

	s.internal = &internalClient{handler: s.inner, username: cfg.Username, password: cfg.Password}
	if err := s.internal.login(); err != nil {
		return nil, fmt.Errorf("internal login: %w", err)
	}
	s.tasks = newTaskTable(s)
	s.guest = newGuestAgent(s)
	vcsim.Map.AddHandler(s.changes)
	installCollector()
	if err := createTemplates(); err != nil {
		return nil, fmt.Errorf("creating templates: %w", err)
	}
	s.tasks.forgetModelTasks()

	mux := http.NewServeMux()
	mux.Handle("/_sim/", newControlAPI(s))
	mux.Handle("/sdk", http.HandlerFunc(s.serveSDK))
	mux.Handle("/", s.inner)

	s.listener = newSwitchableListener(ln)
	s.server = &http.Server{
		Handler:     mux,
		ConnState:   s.counters.connState,
		ConnContext: withConn,
		ErrorLog:    nil,
	}
	if cfg.TLS {
		cert, thumb, err := selfSignedCertificate(cfg.Listen)
		if err != nil {
			return nil, err
		}
		s.thumbprint = thumb
		s.scheme = "https"
		s.server.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		go func() { _ = s.server.ServeTLS(s.listener, "", "") }()
	} else {
		go func() { _ = s.server.Serve(s.listener) }()
	}
	return s, nil
}

func (s *sim) sdkURL() string     { return fmt.Sprintf("%s://%s/sdk", s.scheme, s.addr) }
func (s *sim) controlURL() string { return fmt.Sprintf("%s://%s/_sim/", s.scheme, s.addr) }

func (s *sim) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.server.Shutdown(ctx)
	s.model.Remove()
}

type connKey struct{}

// withConn puts the connection into each request's context so counters can tell which
// connections carried SOAP traffic.
func withConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// sessionTracker remembers the session keys handed out by Login so they can be expired.
type sessionTracker struct {
	mu   sync.Mutex
	keys map[string]struct{}
}

func newSessionTracker() *sessionTracker {
	return &sessionTracker{keys: map[string]struct{}{}}
}

func (t *sessionTracker) add(key string) {
	t.mu.Lock()
	t.keys[key] = struct{}{}
	t.mu.Unlock()
}

func (t *sessionTracker) takeAll() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]string, 0, len(t.keys))
	for k := range t.keys {
		out = append(out, k)
	}
	t.keys = map[string]struct{}{}
	return out
}
