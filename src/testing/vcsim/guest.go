package main

import (
	"fmt"
	"sync"
	"time"

	vcsim "github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// guestAgent plays VMware Tools: a guest that was powered on reports tools running, its host
// name and an IP address after the configured guest delay (the customized address when guest
// customization gave one, else a DHCP-style lease); powering off clears them.
type guestAgent struct {
	s *sim

	mu      sync.Mutex
	custom  map[types.ManagedObjectReference]guestIdentity
	pending map[types.ManagedObjectReference]*time.Timer
	leases  int
}

type guestIdentity struct {
	hostName string
	ip       string
}

func newGuestAgent(s *sim) *guestAgent {
	return &guestAgent{s: s, custom: map[types.ManagedObjectReference]guestIdentity{},
		pending: map[types.ManagedObjectReference]*time.Timer{}}
}

// afterTask reacts to a successfully finished task.
func (g *guestAgent) afterTask(method string, this types.ManagedObjectReference, request interface{}, result types.AnyType) {
	switch req := request.(type) {
	case *types.CloneVM_Task:
		vm, ok := result.(types.ManagedObjectReference)
		if !ok {
			return
		}
		if req.Spec.Customization != nil {
			g.remember(vm, identityOf(req.Spec.Customization))
		}
		if req.Spec.PowerOn {
			g.boot(vm)
		}
	case *types.CustomizeVM_Task:
		g.remember(this, identityOf(&req.Spec))
	case *types.PowerOnVM_Task, *types.ResetVM_Task:
		g.boot(this)
	case *types.PowerOffVM_Task, *types.SuspendVM_Task:
		g.halt(this)
	case *types.Destroy_Task:
		g.mu.Lock()
		delete(g.custom, this)
		if t := g.pending[this]; t != nil {
			t.Stop()
			delete(g.pending, this)
		}
		g.mu.Unlock()
	}
}

func identityOf(spec *types.CustomizationSpec) guestIdentity {
	var id guestIdentity
	switch ident := spec.Identity.(type) {
	case *types.CustomizationLinuxPrep:
		if n, ok := ident.HostName.(*types.CustomizationFixedName); ok {
			id.hostName = n.Name
		}
	case *types.CustomizationSysprep:
		if n, ok := ident.UserData.ComputerName.(*types.CustomizationFixedName); ok {
			id.hostName = n.Name
		}
	}
	for _, nic := range spec.NicSettingMap {
		if fixed, ok := nic.Adapter.Ip.(*types.CustomizationFixedIp); ok {
			id.ip = fixed.IpAddress
			break
		}
	}
	return id
}

func (g *guestAgent) remember(vm types.ManagedObjectReference, id guestIdentity) {
	g.mu.Lock()
	g.custom[vm] = id
	g.mu.Unlock()
}

func (g *guestAgent) boot(ref types.ManagedObjectReference) {
	delay := g.s.timings.get().GuestDelay
	g.mu.Lock()
	defer g.mu.Unlock()
	if t := g.pending[ref]; t != nil {
		t.Stop()
	}
	g.pending[ref] = time.AfterFunc(delay, func() { g.report(ref) })
}

func (g *guestAgent) report(ref types.ManagedObjectReference) {
	vm, ok := vcsim.Map.Get(ref).(*vcsim.VirtualMachine)
	if !ok {
		return
	}
	g.mu.Lock()
	delete(g.pending, ref)
	id := g.custom[ref]
	if id.ip == "" {
		g.leases++
		id.ip = fmt.Sprintf("10.0.%d.%d", 1+g.leases/250, 1+g.leases%250)
		g.custom[ref] = guestIdentity{hostName: id.hostName, ip: id.ip}
	}
	g.mu.Unlock()
	vcsim.Map.WithLock(vm, func() {
		if vm.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn {
			return
		}
		hostName := id.hostName
		if hostName == "" {
			hostName = vm.Name
		}
		g.setGuest(vm, string(types.VirtualMachineToolsRunningStatusGuestToolsRunning), types.VirtualMachineToolsStatusToolsOk, "running", hostName, id.ip)
	})
}

func (g *guestAgent) halt(ref types.ManagedObjectReference) {
	g.mu.Lock()
	if t := g.pending[ref]; t != nil {
		t.Stop()
		delete(g.pending, ref)
	}
	g.mu.Unlock()
	vm, ok := vcsim.Map.Get(ref).(*vcsim.VirtualMachine)
	if !ok {
		return
	}
	vcsim.Map.WithLock(vm, func() {
		g.setGuest(vm, string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning), types.VirtualMachineToolsStatusToolsNotRunning, "notRunning", "", "")
	})
}

func (g *guestAgent) setGuest(vm *vcsim.VirtualMachine, running string, status types.VirtualMachineToolsStatus, state, hostName, ip string) {
	var ips []string
	if ip != "" {
		ips = []string{ip}
	}
	nets := make([]types.GuestNicInfo, len(vm.Guest.Net))
	copy(nets, vm.Guest.Net)
	if len(nets) > 0 {
		nets[0].IpAddress = ips
	}
	vcsim.Map.Update(vm, []types.PropertyChange{
		{Name: "guest.toolsRunningStatus", Val: running},
		{Name: "guest.toolsStatus", Val: status},
		{Name: "guest.guestState", Val: state},
		{Name: "guest.hostName", Val: hostName},
		{Name: "guest.ipAddress", Val: ip},
		{Name: "guest.net", Val: nets},
		{Name: "summary.guest.toolsRunningStatus", Val: running},
		{Name: "summary.guest.toolsStatus", Val: status},
		{Name: "summary.guest.hostName", Val: hostName},
		{Name: "summary.guest.ipAddress", Val: ip},
	})
}

// guestOf reads the guest facts the control API shows.
func guestOf(vm *vcsim.VirtualMachine) (running, ip string) {
	if vm.Guest == nil {
		return "", ""
	}
	return vm.Guest.ToolsRunningStatus, vm.Guest.IpAddress
}
