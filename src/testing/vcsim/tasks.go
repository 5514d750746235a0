package main

import (
	"fmt"
	"net/http"
	"os"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// Tasks vCenter lets a user cancel while they run. Everything else answers CancelTask with
// NotSupported and runs to its end.
var cancelableTasks = map[string]bool{
	"CloneVM_Task":              true,
	"RelocateVM_Task":           true,
	"MigrateVM_Task":            true,
	"CreateSnapshot_Task":       true,
	"EnterMaintenanceMode_Task": true,
	"AddHost_Task":              true,
	"AddStandaloneHost_Task":    true,
}

// vCenter's descriptionId for the common operations; others are derived from the method name.
var descriptionIDs = map[string]string{
	"CloneVM_Task":              "VirtualMachine.clone",
	"CreateVM_Task":             "Folder.createVm",
	"ReconfigVM_Task":           "VirtualMachine.reconfigure",
	"RelocateVM_Task":           "VirtualMachine.relocate",
	"PowerOnVM_Task":            "VirtualMachine.powerOn",
	"PowerOffVM_Task":           "VirtualMachine.powerOff",
	"ResetVM_Task":              "VirtualMachine.reset",
	"SuspendVM_Task":            "VirtualMachine.suspend",
	"CreateSnapshot_Task":       "VirtualMachine.createSnapshot",
	"RevertToSnapshot_Task":     "vm.Snapshot.revert",
	"RemoveSnapshot_Task":       "vm.Snapshot.remove",
	"RemoveAllSnapshots_Task":   "VirtualMachine.removeAllSnapshots",
	"AddHost_Task":              "ClusterComputeResource.addHost",
	"AddStandaloneHost_Task":    "Folder.addStandaloneHost",
	"EnterMaintenanceMode_Task": "HostSystem.enterMaintenanceMode",
	"ExitMaintenanceMode_Task":  "HostSystem.exitMaintenanceMode",
	"DisconnectHost_Task":       "HostSystem.disconnect",
	"ReconnectHost_Task":        "HostSystem.reconnect",
	"MoveInto_Task":             "ClusterComputeResource.moveInto",
}

// What a running task says it is doing (TaskInfo.description), as vCenter's task pane shows.
var progressMessages = map[string]string{
	"CloneVM_Task":              "Copying virtual machine files",
	"CreateVM_Task":             "Creating virtual machine",
	"ReconfigVM_Task":           "Reconfiguring virtual machine",
	"RelocateVM_Task":           "Migrating virtual machine",
	"PowerOnVM_Task":            "Powering on virtual machine",
	"PowerOffVM_Task":           "Powering off virtual machine",
	"CreateSnapshot_Task":       "Saving virtual machine state",
	"AddHost_Task":              "Installing agent on host",
	"AddStandaloneHost_Task":    "Installing agent on host",
	"EnterMaintenanceMode_Task": "Evacuating virtual machines",
}

const progressSteps = 10

type phase int

const (
	phaseQueued phase = iota
	phaseRunning
	phaseExecuting // the operation's effect is being applied: too late to cancel
	phaseDone
)

// asyncTask is a Task managed object whose life we drive; it is what clients see.
type asyncTask struct {
	mo.Task
	run *taskRun
}

// taskRun is the life of one asynchronous task. Its fields after creation are guarded by the
// task's registry lock (vcsim.Map.WithLock), which vcsim also holds while dispatching CancelTask.
type taskRun struct {
	table    *taskTable
	task     *asyncTask
	method   string
	this     types.ManagedObjectReference
	request  interface{}
	envelope []byte
	fault    *faultRule
	native   nativeOp

	phase           phase
	cancelRequested bool
	forgotten       bool
	interrupt       chan struct{} // closed on cancel or when the simulator forgets the task
	interruptOnce   sync.Once
}

func (r *taskRun) interruptNow() { r.interruptOnce.Do(func() { close(r.interrupt) }) }

type taskTable struct {
	s      *sim
	nextID int64
	chain  int32

	mu          sync.Mutex
	runs        map[types.ManagedObjectReference]*taskRun
	created     map[string]int64
	inFlight    int
	peakPending int
	byMethod    map[string]int // in flight now, per method
	peakMethod  map[string]int // most in flight at once, per method
}

func newTaskTable(s *sim) *taskTable {
	return &taskTable{s: s, nextID: 1000000, runs: map[types.ManagedObjectReference]*taskRun{}, created: map[string]int64{},
		byMethod: map[string]int{}, peakMethod: map[string]int{}}
}

// submit answers a *_Task call with a queued task and runs it in the background. It returns
// false, leaving the call to vcsim, when vcsim should answer it (bad session, unknown object or
// method, undecodable request): those answers are faults that need no task.
func (t *taskTable) submit(w http.ResponseWriter, r *http.Request, name string, body []byte) bool {
	method, err := vcsim.UnmarshalBody(types.TypeFunc(), body)
	if err != nil || !t.s.internal.sessionValid(r) {
		return false
	}
	obj := vcsim.Map.Get(method.This)
	if obj == nil {
		return false
	}
	native := nativeOps[name]
	if native == nil && !hasMethod(obj, name) {
		return false
	}
	run := t.create(name, method, obj, body, native)
	run.fault = t.s.faults.take(name)
	writeResponse(w, http.StatusOK, []byte(fmt.Sprintf(`%s<%sResponse xmlns="urn:vim25"><returnval type="Task">%s</returnval></%sResponse>%s`,
		envelopeOpen, name, run.task.Self.Value, name, envelopeClose)))
	go run.run()
	return true
}

func hasMethod(obj mo.Reference, name string) bool {
	goName := strings.TrimSuffix(name, "_Task") + "Task"
	return reflect.ValueOf(obj).MethodByName(goName).IsValid()
}

func (t *taskTable) create(name string, method *vcsim.Method, obj mo.Reference, body []byte, native nativeOp) *taskRun {
	id := atomic.AddInt64(&t.nextID, 1)
	task := &asyncTask{}
	task.Self = types.ManagedObjectReference{Type: "Task", Value: fmt.Sprintf("task-%d", id)}
	entity := method.This
	task.Info = types.TaskInfo{
		Key:           task.Self.Value,
		Task:          task.Self,
		Name:          name,
		DescriptionId: descriptionID(entity.Type, name),
		Entity:        &entity,
		EntityName:    entityName(obj),
		State:         types.TaskInfoStateQueued,
		Cancelable:    cancelableTasks[name],
		Reason:        &types.TaskReasonUser{UserName: t.s.cfg.Username},
		QueueTime:     time.Now(),
		EventChainId:  atomic.AddInt32(&t.chain, 1),
		ActivationId:  method.Header.ID,
	}
	run := &taskRun{
		table: t, task: task, method: name, this: method.This, request: method.Body,
		envelope: body, native: native, interrupt: make(chan struct{}),
	}
	task.run = run
	t.mu.Lock()
	t.runs[task.Self] = run
	t.created[name]++
	t.inFlight++
	if t.inFlight > t.peakPending {
		t.peakPending = t.inFlight
	}
	t.byMethod[name]++
	if t.byMethod[name] > t.peakMethod[name] {
		t.peakMethod[name] = t.byMethod[name]
	}
	t.mu.Unlock()
	vcsim.Map.Put(task)
	return run
}

func descriptionID(entityType, method string) string {
	if id, ok := descriptionIDs[method]; ok {
		return id
	}
	op := strings.TrimSuffix(method, "_Task")
	return entityType + "." + strings.ToLower(op[:1]) + op[1:]
}

func entityName(obj mo.Reference) string {
	if e, ok := obj.(mo.Entity); ok {
		return e.Entity().Name
	}
	return obj.Reference().Value
}

func (r *taskRun) run() {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "vcsim: task %s (%s) crashed: %v\n%s", r.task.Self.Value, r.method, p, debug.Stack())
			// End it as vCenter ends a task on an internal error, rather than leave it running forever.
			r.finish(nil, localized(&types.SystemError{Reason: fmt.Sprint(p)}, fmt.Sprintf("simulator error: %v", p)))
		}
	}()
	tm := r.table.s.timings
	duration := tm.durationOf(r.method)
	if !r.sleep(tm.get().QueueDelay) {
		r.interrupted()
		return
	}
	r.update(func() []types.PropertyChange {
		r.phase = phaseRunning
		return []types.PropertyChange{
			{Name: "info.state", Val: types.TaskInfoStateRunning},
			{Name: "info.startTime", Val: time.Now()},
			{Name: "info.progress", Val: int32(0)},
			{Name: "info.description", Val: r.description()},
		}
	})
	failAt := progressSteps + 1
	if r.fault != nil {
		failAt = progressSteps / 2
	}
	for step := 1; step <= progressSteps; step++ {
		if !r.sleep(duration / progressSteps) {
			r.interrupted()
			return
		}
		if step == failAt {
			f := r.fault.newFault(r.request)
			r.finish(nil, &types.LocalizedMethodFault{Fault: f, LocalizedMessage: r.fault.message(r.request)})
			return
		}
		if step < progressSteps {
			progress := int32(step * 100 / progressSteps)
			r.update(func() []types.PropertyChange {
				return []types.PropertyChange{{Name: "info.progress", Val: progress}}
			})
		}
	}
	if !r.beginExecute() {
		r.interrupted()
		return
	}
	result, fault := r.execute()
	r.finish(result, fault)
}

// sleep waits d, or returns false at once when the task is cancelled or forgotten.
func (r *taskRun) sleep(d time.Duration) bool {
	if d <= 0 {
		select {
		case <-r.interrupt:
			return false
		default:
			return true
		}
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.interrupt:
		return false
	}
}

func (r *taskRun) description() *types.LocalizableMessage {
	msg, ok := progressMessages[r.method]
	if !ok {
		msg = strings.TrimSuffix(r.method, "_Task")
	}
	return &types.LocalizableMessage{Key: "vcsim.task." + r.method, Message: msg}
}

// update applies property changes computed under the task's lock, so collectors see them.
func (r *taskRun) update(changes func() []types.PropertyChange) {
	vcsim.Map.WithLock(r.task, func() {
		if r.forgotten {
			return
		}
		if c := changes(); len(c) > 0 {
			vcsim.Map.Update(r.task, c)
		}
	})
}

func (r *taskRun) beginExecute() bool {
	ok := false
	vcsim.Map.WithLock(r.task, func() {
		if !r.cancelRequested && !r.forgotten && r.phase < phaseExecuting {
			r.phase = phaseExecuting
			ok = true
		}
	})
	return ok
}

// interrupted ends a cancelled task the way vCenter does: after a short roll-back, in error
// with RequestCanceled. A forgotten task (simulator restart) just stops.
func (r *taskRun) interrupted() {
	forgotten := false
	vcsim.Map.WithLock(r.task, func() { forgotten = r.forgotten })
	if forgotten {
		r.table.ended(r.method)
		return
	}
	rollback := r.table.s.timings.durationOf(r.method) / progressSteps
	if rollback > 200*time.Millisecond {
		rollback = 200 * time.Millisecond
	}
	time.Sleep(rollback)
	r.finish(nil, &types.LocalizedMethodFault{
		Fault:            &types.RequestCanceled{},
		LocalizedMessage: defaultFaultMessages["RequestCanceled"],
	})
}

func (r *taskRun) finish(result types.AnyType, fault *types.LocalizedMethodFault) {
	state := types.TaskInfoStateSuccess
	if fault != nil {
		state = types.TaskInfoStateError
	}
	r.update(func() []types.PropertyChange {
		r.phase = phaseDone
		changes := []types.PropertyChange{
			{Name: "info.completeTime", Val: time.Now()},
			{Name: "info.state", Val: state},
		}
		// vcsim's registry cannot assign a typed nil, so unset values are left out.
		if result != nil {
			changes = append(changes, types.PropertyChange{Name: "info.result", Val: result})
		}
		if fault != nil {
			changes = append(changes, types.PropertyChange{Name: "info.error", Val: fault})
		} else {
			changes = append(changes, types.PropertyChange{Name: "info.progress", Val: int32(100)})
		}
		return changes
	})
	t := r.table
	t.ended(r.method)
	if fault == nil {
		t.s.guest.afterTask(r.method, r.this, r.request, result)
	}
	t.s.changes.touch(r.this)
	if ref, ok := result.(types.ManagedObjectReference); ok {
		t.s.changes.touch(ref)
	}
	time.AfterFunc(t.s.timings.get().TaskRetention, func() { t.forget(r.task.Self) })
}

// execute applies the operation: our own implementation for methods vcsim lacks, otherwise
// vcsim's, replayed with the simulator's session (vcsim runs it synchronously).
func (r *taskRun) execute() (types.AnyType, *types.LocalizedMethodFault) {
	if r.method == "CloneVM_Task" {
		// vcsim 0.24's clone writes the source's disk device in place (backing file name), and every
		// VM cloned from one source shares that device object: both templates and all their clones.
		// Clones of different templates hold different locks, so two running at once raced on it and
		// one failed with FileAlreadyExists (or hung). A clone applies in well under a millisecond.
		cloneMu.Lock()
		defer cloneMu.Unlock()
	}
	// Under the clone lock too, so two clones of one name cannot both pass the check.
	if fault := vcenterCheck(r); fault != nil {
		return nil, fault
	}
	if r.native != nil {
		res, fault := r.native(r)
		if fault != nil {
			return nil, localized(fault, "")
		}
		return res, nil
	}
	// vcsim 0.24's HostSystem.Destroy_Task leaves the host in its cluster's host list (and its
	// standalone ComputeResource behind), which breaks later placements; vCenter removes both.
	host, destroyingHost := vcsim.Map.Get(r.this).(*vcsim.HostSystem)
	var hostParent types.ManagedObjectReference
	if destroyingHost && r.method == "Destroy_Task" && host.Parent != nil {
		hostParent = *host.Parent
	}
	result, fault := r.table.runSync(r.envelope)
	if fault == nil && hostParent.Value != "" {
		leaveComputeResource(hostParent, host)
	}
	if req, ok := r.request.(*types.CloneVM_Task); ok && fault == nil && req.Spec.PowerOn {
		// vcsim 0.24 ignores spec.powerOn; vCenter powers the clone on as the task's last step.
		vm := result.(types.ManagedObjectReference)
		_, fault = r.table.runSync([]byte(fmt.Sprintf(`%s<PowerOnVM_Task xmlns="urn:vim25"><_this type="VirtualMachine">%s</_this></PowerOnVM_Task>%s`,
			envelopeOpen, vm.Value, envelopeClose)))
	}
	return result, fault
}

// runSync runs a *_Task request envelope through vcsim, which completes it inside the call,
// and returns the outcome of vcsim's task, which is then forgotten.
func (t *taskTable) runSync(envelope []byte) (types.AnyType, *types.LocalizedMethodFault) {
	rec := t.s.internal.replay(envelope)
	resp, err := decodeTaskResponse(rec.Body.Bytes())
	if err != nil {
		return nil, localized(&types.SystemError{Reason: err.Error()}, "")
	}
	if resp.Fault != nil {
		if f, ok := resp.Fault.VimFault().(types.BaseMethodFault); ok {
			return nil, localized(f, resp.Fault.String)
		}
		return nil, localized(&types.SystemError{Reason: resp.Fault.String}, resp.Fault.String)
	}
	if resp.Res == nil || resp.Res.Returnval == nil {
		return nil, localized(&types.SystemError{Reason: "no task returned"}, "")
	}
	inner, ok := vcsim.Map.Get(*resp.Res.Returnval).(*vcsim.Task)
	if !ok {
		return nil, localized(&types.SystemError{Reason: "task vanished"}, "")
	}
	var info types.TaskInfo
	vcsim.Map.WithLock(inner, func() { info = inner.Info })
	t.forget(inner.Self)
	if info.Error != nil {
		return nil, localized(info.Error.Fault, "")
	}
	return info.Result, nil
}

// localized wraps a fault with vCenter-like wording; vcsim's own messages are Go type names.
func localized(fault types.BaseMethodFault, msg string) *types.LocalizedMethodFault {
	name := reflect.TypeOf(fault).Elem().Name()
	if msg == "" || strings.HasPrefix(msg, "*types.") {
		if m, ok := defaultFaultMessages[name]; ok && !strings.Contains(m, "%s") {
			msg = m
		} else {
			msg = name
		}
	}
	return &types.LocalizedMethodFault{Fault: fault, LocalizedMessage: msg}
}

// CancelTask is dispatched by vcsim to our task object, under the task's lock.
func (t *asyncTask) CancelTask(ctx *vcsim.Context, req *types.CancelTask) soap.HasFault {
	body := &methods.CancelTaskBody{}
	r := t.run
	switch {
	case r.phase >= phaseExecuting:
		body.Fault_ = vcsim.Fault("The operation is not allowed in the current state.", &types.InvalidState{})
	case !t.Info.Cancelable:
		body.Fault_ = vcsim.Fault("The operation is not supported on the object.", &types.NotSupported{})
	default:
		if !r.cancelRequested {
			r.cancelRequested = true
			r.interruptNow()
			vcsim.Map.Update(t, []types.PropertyChange{{Name: "info.cancelled", Val: true}})
		}
		body.Res = &types.CancelTaskResponse{}
	}
	return body
}

// forget removes a task from the inventory and from TaskManager.recentTask.
func (t *taskTable) forget(ref types.ManagedObjectReference) {
	t.mu.Lock()
	delete(t.runs, ref)
	t.mu.Unlock()
	vcsim.Map.Remove(ref)
	tm, ok := vcsim.Map.Get(types.ManagedObjectReference{Type: "TaskManager", Value: "TaskManager"}).(*vcsim.TaskManager)
	if !ok {
		return
	}
	vcsim.Map.WithLock(tm, func() {
		recent := make([]types.ManagedObjectReference, 0, len(tm.RecentTask))
		for _, r := range tm.RecentTask {
			if r != ref {
				recent = append(recent, r)
			}
		}
		vcsim.Map.Update(tm, []types.PropertyChange{{Name: "recentTask", Val: recent}})
	})
}

// cloneMu serialises the application of clones (see execute).
var cloneMu sync.Mutex

// restart forgets every task, as a vCenter restart does. With finishInFlight the operations
// of running tasks are applied first (they had reached their point of no return); otherwise
// they never happen. Each task's runner still ends once, so in-flight counts stay right.
// It returns how many tasks it forgot and, per method, those whose operation will now never
// happen (queued or running, not applied), which a client may rightly submit again.
func (t *taskTable) restart(finishInFlight bool) (int, map[string]int) {
	lost := map[string]int{}
	t.mu.Lock()
	runs := make([]*taskRun, 0, len(t.runs))
	for _, r := range t.runs {
		runs = append(runs, r)
	}
	t.mu.Unlock()
	for _, r := range runs {
		claimed := false
		vcsim.Map.WithLock(r.task, func() {
			claimed = finishInFlight && r.phase < phaseExecuting && !r.cancelRequested
			if claimed {
				r.phase = phaseExecuting
			} else if r.phase < phaseExecuting && !r.cancelRequested {
				lost[r.method]++
			}
			r.forgotten = true
			r.interruptNow()
		})
		if claimed {
			if result, fault := r.execute(); fault == nil {
				t.s.guest.afterTask(r.method, r.this, r.request, result)
			}
		}
		t.forget(r.task.Self)
	}
	return len(runs), lost
}

// ended records that a task's runner is done.
func (t *taskTable) ended(method string) {
	t.mu.Lock()
	t.inFlight--
	t.byMethod[method]--
	t.mu.Unlock()
}

type taskStats struct {
	Created       map[string]int64 `json:"created"`
	InFlight      int              `json:"inFlight"`
	PeakPending   int              `json:"peakInFlight"`
	PeakPerMethod map[string]int   `json:"peakInFlightByMethod"`
	Known         int              `json:"known"`
}

func (t *taskTable) stats() taskStats {
	t.mu.Lock()
	defer t.mu.Unlock()
	created := make(map[string]int64, len(t.created))
	for k, v := range t.created {
		created[k] = v
	}
	peaks := make(map[string]int, len(t.peakMethod))
	for k, v := range t.peakMethod {
		peaks[k] = v
	}
	return taskStats{Created: created, InFlight: t.inFlight, PeakPending: t.peakPending, PeakPerMethod: peaks, Known: len(t.runs)}
}

func (t *taskTable) resetStats() {
	t.mu.Lock()
	t.created = map[string]int64{}
	t.peakPending = t.inFlight
	t.peakMethod = map[string]int{}
	for k, v := range t.byMethod {
		t.peakMethod[k] = v
	}
	t.mu.Unlock()
}

// taskView is the control API's view of a task.
type taskView struct {
	Ref          string `json:"ref"`
	Name         string `json:"name"`
	Entity       string `json:"entity"`
	EntityName   string `json:"entityName"`
	State        string `json:"state"`
	Progress     int32  `json:"progress"`
	Cancelable   bool   `json:"cancelable"`
	Cancelled    bool   `json:"cancelled"`
	ActivationID string `json:"activationId,omitempty"`
	Error        string `json:"error,omitempty"`
	Result       string `json:"result,omitempty"`
	StartTime    string `json:"startTime,omitempty"`
	CompleteTime string `json:"completeTime,omitempty"`
}

func (t *taskTable) list() []taskView {
	t.mu.Lock()
	runs := make([]*taskRun, 0, len(t.runs))
	for _, r := range t.runs {
		runs = append(runs, r)
	}
	t.mu.Unlock()
	out := make([]taskView, 0, len(runs))
	for _, r := range runs {
		vcsim.Map.WithLock(r.task, func() {
			info := r.task.Info
			v := taskView{
				Ref: info.Key, Name: info.Name, Entity: info.Entity.Value, EntityName: info.EntityName,
				State: string(info.State), Progress: info.Progress, Cancelable: info.Cancelable,
				Cancelled: info.Cancelled, ActivationID: info.ActivationId,
			}
			if info.StartTime != nil {
				v.StartTime = info.StartTime.Format(time.RFC3339Nano)
			}
			if info.CompleteTime != nil {
				v.CompleteTime = info.CompleteTime.Format(time.RFC3339Nano)
			}
			if info.Error != nil {
				v.Error = reflect.TypeOf(info.Error.Fault).Elem().Name() + ": " + info.Error.LocalizedMessage
			}
			if ref, ok := info.Result.(types.ManagedObjectReference); ok {
				v.Result = ref.Type + ":" + ref.Value
			}
			out = append(out, v)
		})
	}
	return out
}

// forgetModelTasks removes the tasks vcsim ran while building its inventory, so the simulator
// starts with an empty task list, like a freshly started vCenter.
func (t *taskTable) forgetModelTasks() {
	tm, ok := vcsim.Map.Get(types.ManagedObjectReference{Type: "TaskManager", Value: "TaskManager"}).(*vcsim.TaskManager)
	if !ok {
		return
	}
	var refs []types.ManagedObjectReference
	vcsim.Map.WithLock(tm, func() { refs = append(refs, tm.RecentTask...) })
	for _, ref := range refs {
		t.forget(ref)
	}
}
