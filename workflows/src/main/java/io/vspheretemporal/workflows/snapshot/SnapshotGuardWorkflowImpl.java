package io.vspheretemporal.workflows.snapshot;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.workflows.common.Cancellation;
import io.vspheretemporal.workflows.common.Requests;
import io.vspheretemporal.workflows.progress.Failures;
import io.vspheretemporal.workflows.progress.StepTracker;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public class SnapshotGuardWorkflowImpl implements SnapshotGuardWorkflow {
  static final String FIND = "Find VM";
  static final String SNAPSHOT = "Snapshot";
  static final String REVERT = "Revert to snapshot";
  static final String REMOVE = "Remove snapshot";
  private static final Set<String> KINDS = Set.of("reconfigure", "powerCycle", "powerOff", "powerOn");

  private final VSphereSteps vsphere = VSphereSteps.withDefaults();
  private StepTracker steps;

  @Override
  public SnapshotGuardResult guard(SnapshotGuardRequest r) {
    validate(r);
    List<String> names = new ArrayList<>(List.of(FIND, SNAPSHOT));
    for (int i = 0; i < r.changes().size(); i++) {
      names.add(stepName(i, r.changes().get(i)));
    }
    names.add(REVERT);
    names.add(REMOVE);
    steps = new StepTracker("SnapshotGuard " + r.vm() + " on " + r.vcenter(), names);

    MoRef vm = steps.run(FIND, () -> vsphere.findVm(InventoryLookup.of(r.vcenter(), r.vm())));
    MoRef snapshot = steps.run(SNAPSHOT, () -> vsphere.createSnapshot(
        CreateSnapshotRequest.of(vm, r.snapshotName(), "taken by SnapshotGuard before changes")));
    List<String> applied = new ArrayList<>();
    try {
      for (int i = 0; i < r.changes().size(); i++) {
        GuardedChange change = r.changes().get(i);
        steps.run(stepName(i, change), () -> apply(vm, change));
        applied.add(change.label());
      }
      // vSphere cannot cancel a reconfigure or power task: the step waits it out and succeeds.
      // A cancel that came meanwhile still asks for the VM as it was, and would otherwise only
      // surface at the snapshot's removal, leaving the changes and the snapshot behind.
      if (CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("SnapshotGuard cancelled during its last change");
      }
    } catch (RuntimeException e) {
      throw revert(vm, snapshot, e);
    }
    steps.skip(REVERT, "all changes succeeded");
    steps.run(REMOVE, () -> vsphere.removeSnapshot(RemoveSnapshotRequest.of(snapshot)));
    steps.outcome("changes applied, snapshot removed");
    return new SnapshotGuardResult(vm, applied, steps.timings());
  }

  private void apply(MoRef vm, GuardedChange change) {
    switch (change.kind()) {
      case "reconfigure" -> vsphere.reconfigureVm(new ReconfigureVmRequest(vm, change.numCpus(), change.memoryMb(), null, null));
      case "powerCycle" -> {
        vsphere.powerOffVm(vm);
        vsphere.powerOnVm(vm);
      }
      case "powerOff" -> vsphere.powerOffVm(vm);
      case "powerOn" -> vsphere.powerOnVm(vm);
      default -> throw new IllegalStateException("validated: " + change.kind());
    }
  }

  /** Reverts and removes the snapshot in a scope the cancellation cannot cut short. */
  private RuntimeException revert(MoRef vm, MoRef snapshot, RuntimeException cause) {
    String[] undone = new String[1];
    Workflow.newDetachedCancellationScope(() -> {
      try {
        steps.run(REVERT, () -> vsphere.revertToSnapshot(snapshot));
        steps.run(REMOVE, () -> vsphere.removeSnapshot(RemoveSnapshotRequest.of(snapshot)));
        undone[0] = "reverted to snapshot " + snapshot.label() + " and removed it";
      } catch (RuntimeException e) {
        undone[0] = "NOT reverted: " + Failures.describe(e) + "; snapshot " + snapshot.label() + " is kept";
      }
    }).run();
    if (Cancellation.isCancellation(cause)) {
      steps.outcome("cancelled; " + undone[0]);
      return cause;
    }
    steps.outcome("failed; " + undone[0]);
    String fault = Failures.faultType(cause);
    return ApplicationFailure.newBuilder()
        .setType(fault == null ? "GuardedChangeFailed" : fault)
        .setMessage("SnapshotGuard " + vm.label() + ": a change failed (" + Failures.describe(cause) + "); " + undone[0])
        .setNonRetryable(true)
        .setCause(cause)
        .build();
  }

  private static String stepName(int i, GuardedChange change) {
    return (i + 1) + ". " + change.label();
  }

  static void validate(SnapshotGuardRequest r) {
    Requests checks = new Requests("SnapshotGuard").required("vcenter", r.vcenter()).required("vm", r.vm())
        .required("snapshotName", r.snapshotName()).check(!r.changes().isEmpty(), "changes must list at least one change");
    for (int i = 0; i < r.changes().size(); i++) {
      GuardedChange c = r.changes().get(i);
      checks.check(c != null && KINDS.contains(c.kind()), "changes[" + i + "].kind must be one of " + KINDS);
      if (c != null && "reconfigure".equals(c.kind())) {
        checks.check(c.numCpus() != null || c.memoryMb() != null, "changes[" + i + "] (reconfigure) needs numCpus or memoryMb")
            .positive("changes[" + i + "].numCpus", c.numCpus()).positive("changes[" + i + "].memoryMb", c.memoryMb())
            // checked here, not only by the reconfigure step: by then the snapshot would be taken
            .check(c.memoryMb() == null || c.memoryMb() % 4 == 0,
                "changes[" + i + "].memoryMb " + c.memoryMb() + " is not a multiple of 4 MB");
      }
    }
    checks.orFail();
  }

  @Override
  public WorkflowProgress progress() {
    return steps == null ? null : steps.progress();
  }

  @Override
  public void vsphereProgress(TaskProgress progress) {
    if (steps != null) {
      steps.onProgress(progress);
    }
  }
}
