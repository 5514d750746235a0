package main

import (
	"context"
	"fmt"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Templates every simulator offers, cloned from the model's first cluster VM at start-up.
var templateNames = []string{"tmpl-ubuntu", "tmpl-windows"}

func createTemplates() error {
	ctx := context.Background()
	c, err := vim25.NewClient(ctx, current.model.Service)
	if err != nil {
		return err
	}
	source, ok := vcsim.Map.Any("VirtualMachine").(*vcsim.VirtualMachine)
	if !ok {
		return fmt.Errorf("the model has no virtual machine to make templates from")
	}
	folder := vcsim.Map.Get(*source.Parent).Reference()
	for _, name := range templateNames {
		res, err := methods.CloneVM_Task(ctx, c, &types.CloneVM_Task{
			This:   source.Self,
			Folder: folder,
			Name:   name,
			Spec:   types.VirtualMachineCloneSpec{Template: true},
		})
		if err != nil {
			return err
		}
		task := vcsim.Map.Get(res.Returnval).(*vcsim.Task)
		if task.Info.Error != nil {
			return fmt.Errorf("cloning %s: %T", name, task.Info.Error.Fault)
		}
		current.tasks.forget(task.Self)
	}
	return nil
}

// nativeOp implements a *_Task method that vcsim 0.24 does not have.
type nativeOp func(r *taskRun) (types.AnyType, types.BaseMethodFault)

var nativeOps = map[string]nativeOp{
	"DisconnectHost_Task": connectionState(types.HostSystemConnectionStateDisconnected),
	"ReconnectHost_Task":  connectionState(types.HostSystemConnectionStateConnected),
	"MoveInto_Task":       moveInto,
}

func connectionState(state types.HostSystemConnectionState) nativeOp {
	return func(r *taskRun) (types.AnyType, types.BaseMethodFault) {
		host, ok := vcsim.Map.Get(r.this).(*vcsim.HostSystem)
		if !ok {
			return nil, &types.ManagedObjectNotFound{Obj: r.this}
		}
		vcsim.Map.WithLock(host, func() {
			host.Summary.Runtime = &host.Runtime
			vcsim.Map.Update(host, []types.PropertyChange{{Name: "runtime.connectionState", Val: state}})
		})
		return nil, nil
	}
}

// moveInto moves hosts into a cluster: a standalone host leaves its ComputeResource (removed
// when empty), and its virtual machines join the cluster's root resource pool.
func moveInto(r *taskRun) (types.AnyType, types.BaseMethodFault) {
	req, ok := r.request.(*types.MoveInto_Task)
	if !ok {
		return nil, &types.InvalidArgument{InvalidProperty: "host"}
	}
	cluster, ok := vcsim.Map.Get(r.this).(*vcsim.ClusterComputeResource)
	if !ok {
		return nil, &types.ManagedObjectNotFound{Obj: r.this}
	}
	for _, ref := range req.Host {
		host, ok := vcsim.Map.Get(ref).(*vcsim.HostSystem)
		if !ok {
			return nil, &types.ManagedObjectNotFound{Obj: ref}
		}
		parent := *host.Parent
		if parent == cluster.Self {
			continue
		}
		if parent.Type == "ClusterComputeResource" && !host.Runtime.InMaintenanceMode {
			return nil, &types.InvalidState{}
		}
		leaveComputeResource(parent, host)
		vcsim.Map.WithLock(host, func() {
			vcsim.Map.Update(host, []types.PropertyChange{{Name: "parent", Val: &cluster.Self}})
		})
		vcsim.Map.WithLock(cluster, func() {
			hosts := append(append([]types.ManagedObjectReference{}, cluster.Host...), ref)
			vcsim.Map.Update(cluster, []types.PropertyChange{{Name: "host", Val: hosts}})
		})
		for _, vm := range host.Vm {
			if v, ok := vcsim.Map.Get(vm).(*vcsim.VirtualMachine); ok {
				vcsim.Map.WithLock(v, func() {
					vcsim.Map.Update(v, []types.PropertyChange{{Name: "resourcePool", Val: cluster.ResourcePool}})
				})
			}
		}
	}
	return nil, nil
}

func leaveComputeResource(parent types.ManagedObjectReference, host *vcsim.HostSystem) {
	switch cr := vcsim.Map.Get(parent).(type) {
	case *mo.ComputeResource:
		remaining := []types.ManagedObjectReference{}
		for _, h := range cr.Host {
			if h != host.Self {
				remaining = append(remaining, h)
			}
		}
		vcsim.Map.WithLock(cr, func() {
			vcsim.Map.Update(cr, []types.PropertyChange{{Name: "host", Val: remaining}})
		})
		if len(remaining) > 0 || cr.Parent == nil {
			return
		}
		if folder, ok := vcsim.Map.Get(*cr.Parent).(*vcsim.Folder); ok {
			vcsim.Map.RemoveReference(folder, &folder.ChildEntity, cr.Self)
			vcsim.Map.WithLock(folder, func() {
				vcsim.Map.Update(folder, []types.PropertyChange{{Name: "childEntity", Val: folder.ChildEntity}})
			})
		}
		if cr.ResourcePool != nil {
			vcsim.Map.Remove(*cr.ResourcePool)
		}
		vcsim.Map.Remove(cr.Self)
	case *vcsim.ClusterComputeResource:
		remaining := []types.ManagedObjectReference{}
		for _, h := range cr.Host {
			if h != host.Self {
				remaining = append(remaining, h)
			}
		}
		vcsim.Map.WithLock(cr, func() {
			vcsim.Map.Update(cr, []types.PropertyChange{{Name: "host", Val: remaining}})
		})
	}
}
