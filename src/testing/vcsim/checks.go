package main

import (
	"crypto/sha1"
	"fmt"
	"strings"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// vcenterCheck refuses what vCenter refuses and vcsim 0.24 lets through, when a task's operation
// is applied: a name already taken in the target folder, and a host certificate that does not
// match the thumbprint the request pins. Nil when the operation may go ahead.
func vcenterCheck(r *taskRun) *types.LocalizedMethodFault {
	switch req := r.request.(type) {
	case *types.CloneVM_Task:
		return uniqueName(req.Folder, req.Name, nil)
	case *types.CreateVM_Task:
		return uniqueName(req.This, req.Config.Name, nil)
	case *types.Rename_Task:
		if e, ok := vcsim.Map.Get(req.This).(mo.Entity); ok && e.Entity().Parent != nil {
			return uniqueName(*e.Entity().Parent, req.NewName, &req.This)
		}
	case *types.AddHost_Task:
		return pinnedHost(req.Spec)
	case *types.AddStandaloneHost_Task:
		return pinnedHost(req.Spec)
	}
	return nil
}

// uniqueName fails with DuplicateName when another entity in the folder has the name, as vCenter
// does (vcsim 0.24 would create a second VM of that name beside the first).
func uniqueName(folder types.ManagedObjectReference, name string, self *types.ManagedObjectReference) *types.LocalizedMethodFault {
	f, ok := vcsim.Map.Get(folder).(*vcsim.Folder)
	if !ok {
		return nil
	}
	var children []types.ManagedObjectReference
	vcsim.Map.WithLock(f, func() { children = append(children, f.ChildEntity...) })
	for _, child := range children {
		if self != nil && child == *self {
			continue
		}
		e, ok := vcsim.Map.Get(child).(mo.Entity)
		if ok && e.Entity().Name == name {
			return &types.LocalizedMethodFault{
				Fault:            &types.DuplicateName{Name: name, Object: child},
				LocalizedMessage: fmt.Sprintf(defaultFaultMessages["DuplicateName"], name),
			}
		}
	}
	return nil
}

// pinnedHost fails with SSLVerifyFault, carrying the host's real thumbprint, when the request
// pins another one. Without a pinned thumbprint the simulated host is trusted.
func pinnedHost(spec types.HostConnectSpec) *types.LocalizedMethodFault {
	if spec.SslThumbprint == "" {
		return nil
	}
	actual := hostThumbprint(spec.HostName)
	if normalizeThumbprint(spec.SslThumbprint) == normalizeThumbprint(actual) {
		return nil
	}
	return &types.LocalizedMethodFault{
		Fault:            &types.SSLVerifyFault{SelfSigned: true, Thumbprint: actual},
		LocalizedMessage: defaultFaultMessages["SSLVerifyFault"],
	}
}

// hostThumbprint is the SHA-1 thumbprint of the certificate a simulated ESXi host presents: the
// same for the same host name, different for every other.
func hostThumbprint(hostName string) string {
	sum := sha1.Sum([]byte("vcsim esxi certificate of " + strings.ToLower(hostName)))
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

func normalizeThumbprint(t string) string {
	return strings.ToLower(strings.NewReplacer(":", "", " ", "").Replace(t))
}
