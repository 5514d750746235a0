package main

import (
	"context"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/vpx"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// vcsim 0.24's PropertyCollector re-collects every filter for every change on a 250 ms tick and
// holds the collector's lock for a whole WaitForUpdatesEx, so a few thousand filters make it the
// bottleneck and detection takes up to 250 ms. This collector keeps vcsim's RetrieveProperties
// but answers WaitForUpdatesEx itself: each filter remembers what it last reported, a change to
// an object marks only the filters that cover it, and a waiting call wakes at once and reports
// the difference.

// propertyCollector replaces vcsim's type for the root collector (per-session instances are made
// by reflection from it) and for CreatePropertyCollector.
type propertyCollector struct {
	vcsim.PropertyCollector
}

func installCollector() {
	pc := &propertyCollector{}
	pc.Self = vpx.ServiceContent.PropertyCollector
	vcsim.Map.Put(pc)
}

// filterState is what one PropertyFilter has reported and which objects it covers.
type filterState struct {
	ref     types.ManagedObjectReference
	spec    types.PropertyFilterSpec
	owner   *collectorState
	dirty   atomic.Bool
	sent    map[types.ManagedObjectReference]map[string]types.AnyType
	covered []types.ManagedObjectReference
}

// collectorState is the update stream of one collector in one session.
type collectorState struct {
	key     string
	session string
	wake    chan struct{}

	mu      sync.Mutex
	filters map[types.ManagedObjectReference]*filterState
	order   []*filterState
	version int64
	cancel  context.CancelFunc
	reason  types.BaseMethodFault
	closed  bool
}

var collectors = struct {
	sync.Mutex
	byKey map[string]*collectorState
}{byKey: map[string]*collectorState{}}

func stateOf(ctx *vcsim.Context, self types.ManagedObjectReference) *collectorState {
	session := ""
	if ctx.Session != nil {
		session = ctx.Session.Key
	}
	key := session + "/" + self.Value
	collectors.Lock()
	defer collectors.Unlock()
	st, ok := collectors.byKey[key]
	if !ok {
		st = &collectorState{key: key, session: session, wake: make(chan struct{}, 1),
			filters: map[types.ManagedObjectReference]*filterState{}}
		collectors.byKey[key] = st
	}
	return st
}

func (st *collectorState) signal() {
	select {
	case st.wake <- struct{}{}:
	default:
	}
}

// endSessions stops the waits of every collector of the given sessions with NotAuthenticated,
// as vCenter does when a session is terminated.
func endSessions(keys map[string]bool) {
	collectors.Lock()
	var ended []*collectorState
	for k, st := range collectors.byKey {
		if keys[st.session] {
			ended = append(ended, st)
			delete(collectors.byKey, k)
		}
	}
	collectors.Unlock()
	for _, st := range ended {
		st.close(&types.NotAuthenticated{})
	}
}

func (st *collectorState) close(reason types.BaseMethodFault) {
	st.mu.Lock()
	st.closed = true
	st.reason = reason
	if st.cancel != nil {
		st.cancel()
	}
	filters := st.order
	st.filters = map[types.ManagedObjectReference]*filterState{}
	st.order = nil
	st.mu.Unlock()
	for _, f := range filters {
		current.changes.unwatch(f)
	}
}

func (pc *propertyCollector) CreatePropertyCollector(ctx *vcsim.Context, req *types.CreatePropertyCollector) soap.HasFault {
	created := &propertyCollector{}
	created.Self = types.ManagedObjectReference{Type: "PropertyCollector"}
	ref := ctx.Session.Put(created).Reference()
	return &methods.CreatePropertyCollectorBody{Res: &types.CreatePropertyCollectorResponse{Returnval: ref}}
}

func (pc *propertyCollector) DestroyPropertyCollector(ctx *vcsim.Context, req *types.DestroyPropertyCollector) soap.HasFault {
	st := stateOf(ctx, pc.Self)
	collectors.Lock()
	delete(collectors.byKey, st.key)
	collectors.Unlock()
	st.close(&types.RequestCanceled{})
	st.mu.Lock()
	st.mu.Unlock()
	for _, ref := range pc.Filter {
		ctx.Session.Remove(ref)
	}
	ctx.Session.Remove(req.This)
	return &methods.DestroyPropertyCollectorBody{Res: &types.DestroyPropertyCollectorResponse{}}
}

func (pc *propertyCollector) CreateFilter(ctx *vcsim.Context, req *types.CreateFilter) soap.HasFault {
	body := &methods.CreateFilterBody{}
	st := stateOf(ctx, pc.Self)
	f := &filterState{spec: req.Spec, owner: st}
	// vCenter validates the spec when the filter is created: an unknown property is
	// InvalidProperty, an object that does not exist is ManagedObjectNotFound.
	if _, fault := f.retrieve(ctx, true); fault != nil {
		body.Fault_ = vcsim.Fault("", fault)
		return body
	}
	obj := &propertyFilter{state: f}
	obj.Self = types.ManagedObjectReference{Type: "PropertyFilter"}
	obj.Spec = req.Spec
	obj.PartialUpdates = req.PartialUpdates
	f.ref = ctx.Session.Put(obj).Reference()
	pc.Filter = append(pc.Filter, f.ref)

	st.mu.Lock()
	st.filters[f.ref] = f
	st.order = append(st.order, f)
	st.mu.Unlock()
	f.covered = specRoots(f.spec)
	current.changes.watch(f)
	f.dirty.Store(true)
	st.signal()

	body.Res = &types.CreateFilterResponse{Returnval: f.ref}
	return body
}

type propertyFilter struct {
	mo.PropertyFilter
	state *filterState
}

func (f *propertyFilter) DestroyPropertyFilter(ctx *vcsim.Context, req *types.DestroyPropertyFilter) soap.HasFault {
	st := f.state.owner
	st.mu.Lock()
	delete(st.filters, f.Self)
	for i, x := range st.order {
		if x == f.state {
			st.order = append(st.order[:i], st.order[i+1:]...)
			break
		}
	}
	st.mu.Unlock()
	current.changes.unwatch(f.state)
	if pc, ok := ctx.Session.Get(f.state.collectorRef(ctx)).(*propertyCollector); ok {
		vcsim.RemoveReference(&pc.Filter, f.Self)
	}
	ctx.Session.Remove(f.Self)
	return &methods.DestroyPropertyFilterBody{Res: &types.DestroyPropertyFilterResponse{}}
}

func (f *filterState) collectorRef(ctx *vcsim.Context) types.ManagedObjectReference {
	// The collector's ref is the part of the state key after the session.
	key := f.owner.key[len(f.owner.session)+1:]
	return types.ManagedObjectReference{Type: "PropertyCollector", Value: key}
}

func (pc *propertyCollector) CancelWaitForUpdates(ctx *vcsim.Context, req *types.CancelWaitForUpdates) soap.HasFault {
	st := stateOf(ctx, pc.Self)
	st.mu.Lock()
	if st.cancel != nil {
		st.cancel()
	}
	st.mu.Unlock()
	return &methods.CancelWaitForUpdatesBody{Res: &types.CancelWaitForUpdatesResponse{}}
}

func (pc *propertyCollector) WaitForUpdates(ctx *vcsim.Context, req *types.WaitForUpdates) soap.HasFault {
	body := &methods.WaitForUpdatesBody{}
	set, fault := pc.wait(ctx, req.Version, nil, 0)
	if fault != nil {
		body.Fault_ = fault
		return body
	}
	if set == nil {
		set = &types.UpdateSet{Version: req.Version}
	}
	body.Res = &types.WaitForUpdatesResponse{Returnval: *set}
	return body
}

func (pc *propertyCollector) WaitForUpdatesEx(ctx *vcsim.Context, req *types.WaitForUpdatesEx) soap.HasFault {
	body := &methods.WaitForUpdatesExBody{}
	var maxWait *int32
	var maxObjects int32
	if req.Options != nil {
		maxWait = req.Options.MaxWaitSeconds
		maxObjects = req.Options.MaxObjectUpdates
	}
	set, fault := pc.wait(ctx, req.Version, maxWait, maxObjects)
	if fault != nil {
		body.Fault_ = fault
		return body
	}
	body.Res = &types.WaitForUpdatesExResponse{Returnval: set}
	return body
}

// wait blocks until some filter has something to report, the wait times out (nil set), or it
// is cancelled. A version other than the last one returned restarts the stream from scratch.
func (pc *propertyCollector) wait(ctx *vcsim.Context, version string, maxWait *int32, maxObjects int32) (*types.UpdateSet, *soap.Fault) {
	st := stateOf(ctx, pc.Self)
	waitCtx, cancel := context.WithCancel(context.Background())
	if maxWait != nil && *maxWait > 0 {
		waitCtx, cancel = context.WithTimeout(context.Background(), time.Duration(*maxWait)*time.Second)
	}
	defer cancel()

	st.mu.Lock()
	if st.cancel != nil {
		st.cancel() // a newer wait replaces an older one on the same collector
	}
	st.cancel = cancel
	if version == "" || version != strconv.FormatInt(st.version, 10) {
		for _, f := range st.order {
			f.sent = nil
			f.dirty.Store(true)
		}
	}
	st.mu.Unlock()

	for {
		set, fault := st.collect(ctx, maxObjects)
		if fault != nil {
			return nil, vcsim.Fault("", fault)
		}
		if set != nil {
			return set, nil
		}
		if maxWait != nil && *maxWait == 0 {
			return nil, nil
		}
		select {
		case <-st.wake:
		case <-waitCtx.Done():
			st.mu.Lock()
			reason := st.reason
			st.mu.Unlock()
			if reason != nil {
				return nil, vcsim.Fault("", reason)
			}
			if waitCtx.Err() == context.DeadlineExceeded {
				return nil, nil
			}
			return nil, vcsim.Fault("", &types.RequestCanceled{})
		}
	}
}

// collect reports the changes of dirty filters, at most maxObjects object updates at a time
// (then truncated is set and the rest stays dirty for the next call).
func (st *collectorState) collect(ctx *vcsim.Context, maxObjects int32) (*types.UpdateSet, types.BaseMethodFault) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.closed {
		return nil, st.reason
	}
	var set types.UpdateSet
	count := 0
	truncated := false
	for _, f := range st.order {
		if !f.dirty.Load() {
			continue
		}
		if maxObjects > 0 && count >= int(maxObjects) {
			truncated = true
			break
		}
		f.dirty.Store(false)
		updates, fault := f.evaluate(ctx)
		if fault != nil {
			return nil, fault
		}
		if len(updates) > 0 {
			set.FilterSet = append(set.FilterSet, types.PropertyFilterUpdate{Filter: f.ref, ObjectSet: updates})
			count += len(updates)
		}
	}
	if len(set.FilterSet) == 0 {
		return nil, nil
	}
	st.version++
	set.Version = strconv.FormatInt(st.version, 10)
	if truncated {
		set.Truncated = types.NewBool(true)
		st.signal()
	}
	return &set, nil
}

// retrieve reads the filter's current properties, object spec by object spec, so one deleted
// object does not hide the others.
func (f *filterState) retrieve(ctx *vcsim.Context, strict bool) (map[types.ManagedObjectReference]map[string]types.AnyType, types.BaseMethodFault) {
	out := map[types.ManagedObjectReference]map[string]types.AnyType{}
	collector := &vcsim.PropertyCollector{}
	for _, os := range f.spec.ObjectSet {
		res := collector.RetrievePropertiesEx(ctx, &types.RetrievePropertiesEx{
			SpecSet: []types.PropertyFilterSpec{{PropSet: f.spec.PropSet, ObjectSet: []types.ObjectSpec{os}}},
		})
		if fault := res.Fault(); fault != nil {
			vf, _ := fault.VimFault().(types.BaseMethodFault)
			if _, gone := vf.(*types.ManagedObjectNotFound); gone && !strict {
				continue
			}
			return nil, vf
		}
		result := res.(*methods.RetrievePropertiesExBody).Res.Returnval
		if result == nil {
			continue
		}
		for _, oc := range result.Objects {
			props := out[oc.Obj]
			if props == nil {
				props = map[string]types.AnyType{}
				out[oc.Obj] = props
			}
			for _, p := range oc.PropSet {
				props[p.Name] = p.Val
			}
		}
	}
	return out, nil
}

// evaluate diffs the current state against what was last reported.
func (f *filterState) evaluate(ctx *vcsim.Context) ([]types.ObjectUpdate, types.BaseMethodFault) {
	now, fault := f.retrieve(ctx, false)
	if fault != nil {
		return nil, fault
	}
	var updates []types.ObjectUpdate
	for ref, props := range now {
		before, known := f.sent[ref]
		kind := types.ObjectUpdateKindModify
		if !known {
			kind = types.ObjectUpdateKindEnter
		}
		var changes []types.PropertyChange
		for name, val := range props {
			if old, ok := before[name]; known && ok && reflect.DeepEqual(old, val) {
				continue
			}
			changes = append(changes, types.PropertyChange{Name: name, Op: types.PropertyChangeOpAssign, Val: val})
		}
		for name := range before {
			if _, still := props[name]; !still {
				changes = append(changes, types.PropertyChange{Name: name, Op: types.PropertyChangeOpAssign})
			}
		}
		if !known || len(changes) > 0 {
			updates = append(updates, types.ObjectUpdate{Kind: kind, Obj: ref, ChangeSet: changes})
		}
	}
	for ref := range f.sent {
		if _, still := now[ref]; !still {
			updates = append(updates, types.ObjectUpdate{Kind: types.ObjectUpdateKindLeave, Obj: ref})
		}
	}
	f.sent = now
	covered := specRoots(f.spec)
	for ref := range now {
		covered = append(covered, ref)
	}
	current.changes.recover(f, covered)
	return updates, nil
}

func specRoots(spec types.PropertyFilterSpec) []types.ManagedObjectReference {
	out := make([]types.ManagedObjectReference, 0, len(spec.ObjectSet))
	for _, os := range spec.ObjectSet {
		out = append(out, os.Obj)
	}
	return out
}

func hasTraversal(spec types.PropertyFilterSpec) bool {
	for _, os := range spec.ObjectSet {
		if len(os.SelectSet) > 0 {
			return true
		}
	}
	return false
}

// changeIndex maps objects to the filters that cover them. It is registered with vcsim's
// registry, so every Put/Update/Remove marks the right filters dirty and wakes their waits.
// It never takes a collector's lock: updates arrive while object locks are held.
type changeIndex struct {
	mu    sync.RWMutex
	byObj map[types.ManagedObjectReference]map[*filterState]struct{}
	wide  map[*filterState]struct{} // filters with traversal specs: new objects may enter them
}

func newChangeIndex() *changeIndex {
	return &changeIndex{byObj: map[types.ManagedObjectReference]map[*filterState]struct{}{},
		wide: map[*filterState]struct{}{}}
}

func (c *changeIndex) Reference() types.ManagedObjectReference {
	return types.ManagedObjectReference{Type: "vcsimChangeIndex", Value: "changes"}
}

func (c *changeIndex) watch(f *filterState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ref := range f.covered {
		c.add(ref, f)
	}
	if hasTraversal(f.spec) {
		c.wide[f] = struct{}{}
	}
}

func (c *changeIndex) add(ref types.ManagedObjectReference, f *filterState) {
	m := c.byObj[ref]
	if m == nil {
		m = map[*filterState]struct{}{}
		c.byObj[ref] = m
	}
	m[f] = struct{}{}
}

func (c *changeIndex) remove(ref types.ManagedObjectReference, f *filterState) {
	if m := c.byObj[ref]; m != nil {
		delete(m, f)
		if len(m) == 0 {
			delete(c.byObj, ref)
		}
	}
}

func (c *changeIndex) unwatch(f *filterState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ref := range f.covered {
		c.remove(ref, f)
	}
	delete(c.wide, f)
	f.covered = nil
}

// recover replaces the set of objects a filter covers after it was evaluated.
func (c *changeIndex) recover(f *filterState, covered []types.ManagedObjectReference) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ref := range f.covered {
		c.remove(ref, f)
	}
	f.covered = covered
	for _, ref := range covered {
		c.add(ref, f)
	}
}

func (c *changeIndex) touch(ref types.ManagedObjectReference) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for f := range c.byObj[ref] {
		f.dirty.Store(true)
		f.owner.signal()
	}
	for f := range c.wide {
		f.dirty.Store(true)
		f.owner.signal()
	}
}

func (c *changeIndex) PutObject(obj mo.Reference) { c.touch(obj.Reference()) }

func (c *changeIndex) UpdateObject(obj mo.Reference, _ []types.PropertyChange) {
	c.touch(obj.Reference())
}

func (c *changeIndex) RemoveObject(ref types.ManagedObjectReference) { c.touch(ref) }
