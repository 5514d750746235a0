package io.vspheretemporal.activities.snapshot;

import static io.vspheretemporal.activities.vim.Refs.vim;
import static io.vspheretemporal.api.MoRef.SNAPSHOT;
import static io.vspheretemporal.api.MoRef.VIRTUAL_MACHINE;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.catalog.ResultType;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import java.rmi.RemoteException;
import java.util.Map;
import java.util.Optional;

/** The snapshot operations of the catalog. */
public final class SnapshotOperations {
  private SnapshotOperations() {}

  public static final Operation<CreateSnapshotRequest, MoRef> CREATE = new Operation<>(
      "CreateSnapshot_Task", VIRTUAL_MACHINE, true,
      ResultType.moRef(SNAPSHOT, CreateSnapshotRequest::name),
      CreateSnapshotRequest::vm,
      r -> new Checks().ref("vm", r.vm(), VIRTUAL_MACHINE).notBlank("name", r.name()).problems(),
      (ctx, r) -> {
        String description = new SnapshotMark(ctx.operationKey()).stamp(r.description());
        return (p, c) -> p.createSnapshot_Task(vim(r.vm()), r.name(), description, r.memory(), r.quiesce());
      },
      SnapshotOperations::probeCreate);

  public static final Operation<MoRef, Void> REVERT = new Operation<>(
      "RevertToSnapshot_Task", SNAPSHOT, false, ResultType.none(), s -> s,
      s -> new Checks().ref("snapshot", s, SNAPSHOT).problems(),
      // No host (the VM stays where it is) and vSphere's default about powering the VM on.
      (ctx, s) -> (p, c) -> p.revertToSnapshot_Task(vim(s), null, null),
      (ctx, s) -> ProbeResult.unknown("a revert leaves no trace"));

  public static final Operation<RemoveSnapshotRequest, Void> REMOVE = new Operation<>(
      "RemoveSnapshot_Task", SNAPSHOT, false, ResultType.none(),
      RemoveSnapshotRequest::snapshot,
      r -> new Checks().ref("snapshot", r.snapshot(), SNAPSHOT).problems(),
      (ctx, r) -> (p, c) -> p.removeSnapshot_Task(vim(r.snapshot()), r.removeChildren(), r.consolidate()),
      (ctx, r) -> Properties.read(ctx.session(), vim(r.snapshot()), "vm").isEmpty()
          ? ProbeResult.done(null) : ProbeResult.notDone());

  public static final Operation<MoRef, Void> REMOVE_ALL = new Operation<>(
      "RemoveAllSnapshots_Task", VIRTUAL_MACHINE, false, ResultType.none(), vm -> vm,
      vm -> new Checks().ref("vm", vm, VIRTUAL_MACHINE).problems(),
      // consolidate unset: vSphere's default, which consolidates the disks.
      (ctx, vm) -> (p, c) -> p.removeAllSnapshots_Task(vim(vm), null),
      (ctx, vm) -> {
        Optional<Map<String, Object>> props = Properties.read(ctx.session(), vim(vm), "snapshot");
        if (props.isEmpty()) {
          return ProbeResult.notDone(); // the VM is gone: submitting reports vSphere's own fault
        }
        return props.get().get("snapshot") == null ? ProbeResult.done(null) : ProbeResult.notDone();
      });

  /** Done when the VM has a snapshot of that name carrying this step's mark. */
  static ProbeResult probeCreate(OperationContext ctx, CreateSnapshotRequest r) throws RemoteException {
    Object info = Properties.read(ctx.session(), vim(r.vm()), "snapshot").orElse(Map.of()).get("snapshot");
    SnapshotMark mark = new SnapshotMark(ctx.operationKey());
    Optional<ManagedObjectReference> made = SnapshotTree.find(info,
        node -> r.name().equals(node.getName()) && mark.isOn(node.getDescription()));
    return made.<ProbeResult>map(ProbeResult::done).orElseGet(ProbeResult::notDone);
  }
}
