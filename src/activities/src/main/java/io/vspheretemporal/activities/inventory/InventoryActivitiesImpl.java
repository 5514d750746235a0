package io.vspheretemporal.activities.inventory;

import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.runner.Failures;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.inventory.InventoryActivities;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.inventory.VmState;
import java.rmi.RemoteException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inventory look-ups: plain property reads, no tasks, so no heartbeats. */
public final class InventoryActivitiesImpl implements InventoryActivities {
  private static final String[] VM_STATE = {
      "name", "runtime.powerState", "config.hardware.numCPU", "config.hardware.memoryMB", "config.template",
      "guest.toolsRunningStatus", "guest.ipAddress"};

  private final VCenters vcenters;
  private final Resolver resolver;

  public InventoryActivitiesImpl(VCenters vcenters) {
    this.vcenters = vcenters;
    this.resolver = new Resolver(vcenters);
  }

  @Override
  public MoRef findVm(InventoryLookup lookup) {
    return resolver.find(Kind.VM, lookup);
  }

  @Override
  public MoRef findTemplate(InventoryLookup lookup) {
    return resolver.find(Kind.TEMPLATE, lookup);
  }

  @Override
  public MoRef findFolder(InventoryLookup lookup) {
    return resolver.find(Kind.FOLDER, lookup);
  }

  @Override
  public MoRef findResourcePool(InventoryLookup lookup) {
    return resolver.find(Kind.RESOURCE_POOL, lookup);
  }

  @Override
  public MoRef findDatastore(InventoryLookup lookup) {
    return resolver.find(Kind.DATASTORE, lookup);
  }

  @Override
  public MoRef findNetwork(InventoryLookup lookup) {
    return resolver.find(Kind.NETWORK, lookup);
  }

  @Override
  public MoRef findHost(InventoryLookup lookup) {
    return resolver.find(Kind.HOST, lookup);
  }

  @Override
  public MoRef findCluster(InventoryLookup lookup) {
    return resolver.find(Kind.CLUSTER, lookup);
  }

  @Override
  public VmState getVmState(MoRef vm) {
    List<String> problems = new Checks().ref("vm", vm, MoRef.VIRTUAL_MACHINE).problems();
    if (!problems.isEmpty()) {
      throw Failures.invalidRequest("GetVmState", problems);
    }
    VCenterSession session;
    try {
      session = vcenters.session(vm.vcenter());
    } catch (VCenterException e) {
      throw Failures.fromSession(e);
    }
    try {
      Optional<Map<String, Object>> props = Properties.read(session, Refs.vim(vm), VM_STATE);
      return props.map(p -> state(vm, p)).orElseGet(() -> VmState.gone(vm));
    } catch (RemoteException e) {
      throw Failures.fromCall("GetVmState", vm.label(), session, e);
    }
  }

  private static VmState state(MoRef vm, Map<String, Object> p) {
    String name = text(p.get("name"));
    return new VmState(vm.withName(name), true, name, text(p.get("runtime.powerState")),
        p.get("config.hardware.numCPU") instanceof Number n ? n.intValue() : null,
        p.get("config.hardware.memoryMB") instanceof Number n ? n.longValue() : null,
        p.get("config.template") instanceof Boolean b ? b : null,
        text(p.get("guest.toolsRunningStatus")),
        text(p.get("guest.ipAddress")));
  }

  /** Enums (power state) come back as binding enums, strings as strings; an empty string means unset. */
  private static String text(Object value) {
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }
}
