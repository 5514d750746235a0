package io.vspheretemporal.workflows.host;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.workflows.common.Cancellation;
import io.vspheretemporal.workflows.common.Requests;
import io.vspheretemporal.workflows.progress.Failures;
import io.vspheretemporal.workflows.progress.StepTracker;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.List;

public class OnboardHostWorkflowImpl implements OnboardHostWorkflow {
  static final String FIND = "Find cluster";
  static final String ADD = "Add host";
  static final String ENTER = "Enter maintenance mode";
  static final String EXIT = "Exit maintenance mode";

  private final VSphereSteps vsphere = VSphereSteps.withDefaults();
  private StepTracker steps;

  @Override
  public OnboardHostResult onboard(OnboardHostRequest r) {
    new Requests("OnboardHost").required("vcenter", r.vcenter()).required("cluster", r.cluster())
        .required("hostName", r.hostName()).required("username", r.username())
        .required("passwordSecret", r.passwordSecret()).orFail();
    steps = new StepTracker("OnboardHost " + r.hostName() + " to " + r.cluster(), List.of(FIND, ADD, ENTER, EXIT));
    MoRef host = null;
    try {
      MoRef cluster = steps.run(FIND, () -> vsphere.findCluster(InventoryLookup.of(r.vcenter(), r.cluster())));
      host = steps.run(ADD, () -> vsphere.addHost(
          new AddHostRequest(cluster, r.hostName(), r.username(), r.passwordSecret(), r.sslThumbprint(), true)));
      MoRef added = host;
      steps.run(ENTER, () -> vsphere.enterMaintenanceMode(MaintenanceModeRequest.of(added)));
      steps.run(EXIT, () -> vsphere.exitMaintenanceMode(MaintenanceModeRequest.of(added)));
      // vSphere cannot cancel an exit from maintenance mode: the step waits it out and succeeds.
      // The run still closes as cancelled (the SDK cancels a cancel-requested run however it
      // ends), so the host must go as for any other cancel.
      if (CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("OnboardHost cancelled while leaving maintenance mode");
      }
      steps.outcome("onboarded");
      return new OnboardHostResult(host, steps.timings());
    } catch (RuntimeException e) {
      String removed = host == null ? "nothing to undo" : remove(host);
      if (Cancellation.isCancellation(e)) {
        steps.outcome("cancelled; " + removed);
        throw e;
      }
      steps.outcome("failed; " + removed);
      String fault = Failures.faultType(e);
      throw ApplicationFailure.newBuilder()
          .setType(fault == null ? "OnboardFailed" : fault)
          .setMessage("OnboardHost " + r.hostName() + " failed: " + Failures.describe(e) + "; " + removed)
          .setNonRetryable(true)
          .setCause(e)
          .build();
    }
  }

  /** Takes the host out again (vCenter removes only hosts in maintenance mode). */
  private String remove(MoRef host) {
    String[] outcome = new String[1];
    Workflow.newDetachedCancellationScope(() -> {
      try {
        if (!steps.isDone(ENTER) || steps.isDone(EXIT)) {
          vsphere.enterMaintenanceMode(MaintenanceModeRequest.of(host));
        }
        vsphere.destroy(host);
        steps.undone(ADD, "removed " + host.label());
        outcome[0] = "undone: removed " + host.label();
      } catch (RuntimeException e) {
        outcome[0] = "NOT undone: could not remove " + host.label() + " (" + Failures.describe(e) + ")";
      }
    }).run();
    return outcome[0];
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
