package io.vspheretemporal.workflows;

import com.vmware.vim25.VirtualMachineSnapshotInfo;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import java.util.Map;

/**
 * What a test sets up or reads in the simulator beside the workflow under test: VMs cloned
 * through the activities directly, and vSphere properties the control API does not show.
 */
final class SimFixtures implements AutoCloseable {
  private final SimWorker worker;
  private final TestActivityEnvironment env;
  private final VmActivities vms;
  private final SimRefs refs;

  SimFixtures(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
    env = worker.environment();
    vms = SimWorker.stub(env, VmActivities.class);
    refs = new SimRefs(sim);
  }

  /** Clones tmpl-ubuntu as {@code name} into DC0_C0's root pool, powered on or left off. */
  MoRef cloneVm(String name, boolean poweredOn) {
    CloneVmRequest clone = CloneVmRequest.of(refs.template("tmpl-ubuntu"), refs.vmFolder(), name, refs.clusterPool());
    return vms.cloneVm(poweredOn ? clone.poweredOn() : clone);
  }

  MoRef vm(String name) {
    return refs.vm(name);
  }

  /** The VM's {@code snapshot} property as vSphere reports it: null when the VM has no snapshot. */
  VirtualMachineSnapshotInfo snapshots(MoRef vm) throws Exception {
    Map<String, Object> props = Properties.read(worker.session(), Refs.vim(vm), "snapshot").orElseThrow();
    return (VirtualMachineSnapshotInfo) props.get("snapshot");
  }

  @Override
  public void close() {
    env.close();
    worker.close();
  }
}
