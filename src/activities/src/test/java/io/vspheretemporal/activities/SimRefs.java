package io.vspheretemporal.activities;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.control.SimObject;
import io.vspheretemporal.testing.control.SimVm;

/** Refs into the simulator's inventory, found by name through its control API. */
public record SimRefs(Simulator sim) {
  public static final String CLUSTER_VM = "DC0_C0_RP0_VM0";

  public MoRef vm(String name) {
    SimVm vm = sim.control().vm(name).orElseThrow(() -> new IllegalStateException("no VM " + name));
    return SimVCenter.ref(MoRef.VIRTUAL_MACHINE, vm.ref(), vm.name());
  }

  public MoRef template(String name) {
    return vm(name);
  }

  public MoRef vmFolder() {
    return object("Folder", "vm");
  }

  public MoRef hostFolder() {
    return object("Folder", "host");
  }

  /** The cluster's root resource pool (where the model's cluster VMs run). */
  public MoRef clusterPool() {
    SimVm vm = sim.control().vm(CLUSTER_VM).orElseThrow();
    return SimVCenter.ref("ResourcePool", vm.resourcePool(), "Resources");
  }

  public MoRef cluster() {
    return object("ClusterComputeResource", "DC0_C0");
  }

  public MoRef datastore() {
    return object("Datastore", "LocalDS_0");
  }

  public MoRef host(String name) {
    return object("HostSystem", name);
  }

  public MoRef object(String type, String name) {
    SimObject o = sim.control().object(type, name);
    return SimVCenter.ref(o.type(), o.ref(), o.name());
  }
}
