package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// controlAPI is the simulator's JSON control interface under /_sim/ (documented in README).
type controlAPI struct {
	s   *sim
	mux *http.ServeMux
}

func newControlAPI(s *sim) http.Handler {
	c := &controlAPI{s: s, mux: http.NewServeMux()}
	c.route("/_sim/health", c.health)
	c.route("/_sim/counters", c.counters)
	c.route("/_sim/counters/reset", c.resetCounters)
	c.route("/_sim/faults", c.faults)
	c.route("/_sim/sessions/expire", c.expireSessions)
	c.route("/_sim/outage", c.outage)
	c.route("/_sim/restart", c.restart)
	c.route("/_sim/config", c.config)
	c.route("/_sim/tasks", c.tasks)
	c.route("/_sim/vms", c.vms)
	c.route("/_sim/hosts", c.hosts)
	c.route("/_sim/objects", c.objects)
	return c.mux
}

type apiError struct {
	status int
	msg    string
}

func (c *controlAPI) route(path string, h func(r *http.Request) (interface{}, *apiError)) {
	c.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		out, err := h(r)
		w.Header().Set("Content-Type", "application/json")
		if err != nil {
			w.WriteHeader(err.status)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": err.msg})
			return
		}
		_ = json.NewEncoder(w).Encode(out)
	})
}

func methodNotAllowed(r *http.Request) *apiError {
	return &apiError{http.StatusMethodNotAllowed, fmt.Sprintf("%s is not supported on %s", r.Method, r.URL.Path)}
}

func decode(r *http.Request, into interface{}) *apiError {
	if r.Body == nil {
		return nil
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil && err.Error() != "EOF" {
		return &apiError{http.StatusBadRequest, "bad JSON body: " + err.Error()}
	}
	return nil
}

func (c *controlAPI) health(r *http.Request) (interface{}, *apiError) {
	return map[string]string{"status": "ok", "sdk": c.s.sdkURL()}, nil
}

func (c *controlAPI) counters(r *http.Request) (interface{}, *apiError) {
	return c.s.counters.view(c.s.tasks.stats()), nil
}

func (c *controlAPI) resetCounters(r *http.Request) (interface{}, *apiError) {
	if r.Method != http.MethodPost {
		return nil, methodNotAllowed(r)
	}
	c.s.counters.reset()
	c.s.tasks.resetStats()
	return c.s.counters.view(c.s.tasks.stats()), nil
}

func (c *controlAPI) faults(r *http.Request) (interface{}, *apiError) {
	switch r.Method {
	case http.MethodGet:
		return c.s.faults.list(), nil
	case http.MethodPost:
		var rule faultRule
		if err := decode(r, &rule); err != nil {
			return nil, err
		}
		if err := c.s.faults.add(rule); err != nil {
			return nil, &apiError{http.StatusBadRequest, err.Error()}
		}
		return c.s.faults.list(), nil
	case http.MethodDelete:
		c.s.faults.clear()
		return c.s.faults.list(), nil
	}
	return nil, methodNotAllowed(r)
}

// expireAll ends every client session: the next call of each gets NotAuthenticated.
func (s *sim) expireAll() int {
	keys := s.sessions.takeAll()
	ended := map[string]bool{}
	for _, k := range keys {
		if s.internal.terminate(k) {
			ended[k] = true
		}
	}
	endSessions(ended)
	return len(ended)
}

func (c *controlAPI) expireSessions(r *http.Request) (interface{}, *apiError) {
	if r.Method != http.MethodPost {
		return nil, methodNotAllowed(r)
	}
	return map[string]int{"expired": c.s.expireAll()}, nil
}

type outageRequest struct {
	Mode    string  `json:"mode"`
	Seconds float64 `json:"seconds"`
}

func (c *controlAPI) outage(r *http.Request) (interface{}, *apiError) {
	switch r.Method {
	case http.MethodGet:
		return c.s.listener.view(), nil
	case http.MethodDelete:
		c.s.listener.endOutage()
		return c.s.listener.view(), nil
	case http.MethodPost:
		var req outageRequest
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		if req.Seconds <= 0 {
			return nil, &apiError{http.StatusBadRequest, "seconds must be positive"}
		}
		d := time.Duration(req.Seconds * float64(time.Second))
		switch req.Mode {
		case "refuse":
			c.s.listener.refuse(d)
		case "drop", "":
			c.s.listener.drop(d)
		default:
			return nil, &apiError{http.StatusBadRequest, `mode must be "refuse" or "drop"`}
		}
		c.s.counters.closeSOAPConns()
		return c.s.listener.view(), nil
	}
	return nil, methodNotAllowed(r)
}

type restartRequest struct {
	FinishInFlight bool    `json:"finishInFlight"`
	DownSeconds    float64 `json:"downSeconds"`
}

func (c *controlAPI) restart(r *http.Request) (interface{}, *apiError) {
	if r.Method != http.MethodPost {
		return nil, methodNotAllowed(r)
	}
	var req restartRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	forgotten, lost := c.s.tasks.restart(req.FinishInFlight)
	expired := c.s.expireAll()
	if req.DownSeconds > 0 {
		c.s.listener.refuse(time.Duration(req.DownSeconds * float64(time.Second)))
	}
	c.s.counters.closeSOAPConns()
	out := map[string]int{"forgottenTasks": forgotten, "expiredSessions": expired}
	for method, n := range lost {
		out["workLost."+method] = n
	}
	return out, nil
}

type configView struct {
	TaskDuration  string            `json:"taskDuration,omitempty"`
	TaskDurations map[string]string `json:"taskDurations,omitempty"`
	QueueDelay    string            `json:"queueDelay,omitempty"`
	GuestDelay    string            `json:"guestDelay,omitempty"`
	TaskRetention string            `json:"taskRetention,omitempty"`
}

func (c *controlAPI) config(r *http.Request) (interface{}, *apiError) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		var req configView
		if err := decode(r, &req); err != nil {
			return nil, err
		}
		parsed := map[string]time.Duration{}
		for name, v := range map[string]string{"taskDuration": req.TaskDuration, "queueDelay": req.QueueDelay,
			"guestDelay": req.GuestDelay, "taskRetention": req.TaskRetention} {
			if v == "" {
				continue
			}
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				return nil, &apiError{http.StatusBadRequest, fmt.Sprintf("%s: %q is not a duration like 2s or 150ms", name, v)}
			}
			parsed[name] = d
		}
		methodDurations := map[string]time.Duration{}
		for m, v := range req.TaskDurations {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				return nil, &apiError{http.StatusBadRequest, fmt.Sprintf("taskDurations.%s: %q is not a duration like 2s", m, v)}
			}
			methodDurations[m] = d
		}
		c.s.timings.update(func(t *timing) {
			if d, ok := parsed["taskDuration"]; ok {
				t.TaskDuration = d
			}
			if d, ok := parsed["queueDelay"]; ok {
				t.QueueDelay = d
			}
			if d, ok := parsed["guestDelay"]; ok {
				t.GuestDelay = d
			}
			if d, ok := parsed["taskRetention"]; ok {
				t.TaskRetention = d
			}
			for m, d := range methodDurations {
				t.MethodDuration[m] = d
			}
		})
	default:
		return nil, methodNotAllowed(r)
	}
	t := c.s.timings.get()
	view := configView{TaskDuration: t.TaskDuration.String(), QueueDelay: t.QueueDelay.String(),
		GuestDelay: t.GuestDelay.String(), TaskRetention: t.TaskRetention.String(), TaskDurations: map[string]string{}}
	for m, d := range t.MethodDuration {
		view.TaskDurations[m] = d.String()
	}
	return view, nil
}

func (c *controlAPI) tasks(r *http.Request) (interface{}, *apiError) {
	list := c.s.tasks.list()
	sort.Slice(list, func(i, j int) bool { return list[i].Ref < list[j].Ref })
	return list, nil
}

type vmView struct {
	Ref                string `json:"ref"`
	Name               string `json:"name"`
	Template           bool   `json:"template"`
	PowerState         string `json:"powerState"`
	NumCPU             int32  `json:"numCpu"`
	MemoryMB           int32  `json:"memoryMB"`
	ToolsRunningStatus string `json:"toolsRunningStatus,omitempty"`
	IPAddress          string `json:"ipAddress,omitempty"`
	Host               string `json:"host,omitempty"`
	ResourcePool       string `json:"resourcePool,omitempty"`
	Folder             string `json:"folder,omitempty"`
}

func (c *controlAPI) vms(r *http.Request) (interface{}, *apiError) {
	var out []vmView
	for _, e := range vcsim.Map.All("VirtualMachine") {
		vm := e.(*vcsim.VirtualMachine)
		vcsim.Map.WithLock(vm, func() {
			v := vmView{Ref: vm.Self.Value, Name: vm.Name, PowerState: string(vm.Runtime.PowerState)}
			if vm.Config != nil {
				v.Template = vm.Config.Template
				v.NumCPU = vm.Config.Hardware.NumCPU
				v.MemoryMB = vm.Config.Hardware.MemoryMB
			}
			v.ToolsRunningStatus, v.IPAddress = guestOf(vm)
			v.Host = refValue(vm.Runtime.Host)
			v.ResourcePool = refValue(vm.ResourcePool)
			v.Folder = refValue(vm.Parent)
			out = append(out, v)
		})
	}
	if prefix := r.URL.Query().Get("name"); prefix != "" {
		filtered := out[:0]
		for _, v := range out {
			if strings.HasPrefix(v.Name, prefix) {
				filtered = append(filtered, v)
			}
		}
		out = filtered
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	if out == nil {
		out = []vmView{}
	}
	return out, nil
}

type hostView struct {
	Ref               string `json:"ref"`
	Name              string `json:"name"`
	Parent            string `json:"parent"`
	ConnectionState   string `json:"connectionState"`
	InMaintenanceMode bool   `json:"inMaintenanceMode"`
}

func (c *controlAPI) hosts(r *http.Request) (interface{}, *apiError) {
	out := []hostView{}
	for _, e := range vcsim.Map.All("HostSystem") {
		h := e.(*vcsim.HostSystem)
		vcsim.Map.WithLock(h, func() {
			out = append(out, hostView{Ref: h.Self.Value, Name: h.Name, Parent: refValue(h.Parent),
				ConnectionState: string(h.Runtime.ConnectionState), InMaintenanceMode: h.Runtime.InMaintenanceMode})
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func refValue(ref *types.ManagedObjectReference) string {
	if ref == nil {
		return ""
	}
	return ref.Value
}

type objectView struct {
	Ref    string `json:"ref"`
	Type   string `json:"type"`
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"`
}

// objects lists the managed entities of one type (?type=Folder), for tests that need refs.
func (c *controlAPI) objects(r *http.Request) (interface{}, *apiError) {
	kind := r.URL.Query().Get("type")
	if kind == "" {
		return nil, &apiError{http.StatusBadRequest, "type is required, e.g. ?type=Folder"}
	}
	out := []objectView{}
	for _, e := range vcsim.Map.All(kind) {
		vcsim.Map.WithLock(e, func() {
			ent := e.Entity()
			out = append(out, objectView{Ref: ent.Self.Value, Type: ent.Self.Type, Name: ent.Name, Parent: refValue(ent.Parent)})
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
