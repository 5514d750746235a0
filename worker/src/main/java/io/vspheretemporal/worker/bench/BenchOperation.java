package io.vspheretemporal.worker.bench;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VimPortType;
import com.vmware.vim25.VirtualMachineConfigSpec;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.catalog.ResultType;
import io.vspheretemporal.api.MoRef;
import java.rmi.RemoteException;
import java.time.Instant;
import java.util.List;

/** The benchmark's vSphere task: an empty ReconfigVM_Task, cheap for the simulator to run. */
final class BenchOperation {
  private BenchOperation() {}

  static ManagedObjectReference vm(BenchTask.BenchRequest r) {
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType(MoRef.VIRTUAL_MACHINE);
    ref.setVal(r.vm());
    return ref;
  }

  static final Operation<BenchTask.BenchRequest, Void> EMPTY_RECONFIGURE = new Operation<>(
      "ReconfigVM_Task", MoRef.VIRTUAL_MACHINE, false, ResultType.none(),
      r -> MoRef.of(r.vcenter(), MoRef.VIRTUAL_MACHINE, r.vm()),
      r -> List.of(),
      (ctx, r) -> (p, c) -> submit(p, r),
      (ctx, r) -> ProbeResult.unknown("benchmark tasks are not probed"));

  /** The empty reconfigure itself; the baselines call it directly, ours through the runner. */
  static ManagedObjectReference submit(VimPortType port, BenchTask.BenchRequest r) throws RemoteException {
    return port.reconfigVM_Task(vm(r), new VirtualMachineConfigSpec());
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
