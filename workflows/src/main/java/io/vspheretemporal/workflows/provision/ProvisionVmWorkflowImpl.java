package io.vspheretemporal.workflows.provision;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.workflows.common.Cancellation;
import io.vspheretemporal.workflows.common.Requests;
import io.vspheretemporal.workflows.progress.Failures;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.StepTracker;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public class ProvisionVmWorkflowImpl implements ProvisionVmWorkflow {
  static final String FIND = "Find template and placement";
  static final String CLONE = "Clone";
  static final String RECONFIGURE = "Reconfigure";
  static final String POWER_ON = "Power on";
  static final String WAIT_FOR_IP = "Wait for IP address";
  /** vSphere's limit for an inventory name. */
  static final int MAX_NAME = 80;

  private final VSphereSteps vsphere = VSphereSteps.withDefaults();
  private StepTracker steps;

  @Override
  public ProvisionVmResult provision(ProvisionVmRequest r) {
    validate(r);
    steps = new StepTracker("ProvisionVm " + r.name() + " on " + r.vcenter(),
        List.of(FIND, CLONE, RECONFIGURE, POWER_ON, WAIT_FOR_IP));
    MoRef vm = null;
    try {
      Placement placement = steps.run(FIND, () -> Placement.find(vsphere, r));
      vm = steps.run(CLONE, () -> vsphere.cloneVm(placement.clone(r)));
      Workflow.upsertMemo(Map.of("vm", vm.value()));
      MoRef created = vm;
      ReconfigureVmRequest size = placement.reconfigure(vm, r);
      if (size == null) {
        steps.skip(RECONFIGURE, "size and network as in the template");
      } else {
        steps.run(RECONFIGURE, () -> vsphere.reconfigureVm(size));
      }
      steps.run(POWER_ON, () -> vsphere.powerOnVm(created));
      String ip = steps.run(WAIT_FOR_IP, () -> vsphere.waitForGuestIp(created, Duration.ofSeconds(r.ipTimeout())));
      steps.outcome("provisioned at " + ip);
      return new ProvisionVmResult(vm, ip, steps.timings());
    } catch (RuntimeException e) {
      throw undo(r, vm, e);
    }
  }

  /** Undoes what was done, then returns what to throw: the cancellation, or a failure saying what was undone. */
  private RuntimeException undo(ProvisionVmRequest r, MoRef vm, RuntimeException cause) {
    boolean cancelled = Cancellation.isCancellation(cause);
    String failedStep = steps.progress().steps().stream()
        .filter(s -> s.state() == StepState.FAILED).map(StepStatus::name).findFirst().orElse("?");
    VmUndo undo = vm == null ? null : VmUndo.remove(vsphere, vm);
    if (undo != null) {
      if (undo.poweredOff() && steps.isDone(POWER_ON)) {
        steps.undone(POWER_ON, "powered off");
      }
      if (undo.destroyed()) {
        steps.undone(CLONE, "destroyed " + r.name());
      }
    }
    String undone = undo == null ? "nothing to undo" : undo.summary();
    if (cancelled) {
      steps.outcome("cancelled; " + undone);
      return cause;
    }
    String fault = Failures.faultType(cause);
    String message = "ProvisionVm " + r.name() + ": step '" + failedStep + "' failed: " + sentence(Failures.describe(cause))
        + " " + (undo == null ? "Nothing was created." : capitalize(undone) + ".");
    steps.outcome("failed at '" + failedStep + "'; " + undone);
    return ApplicationFailure.newBuilder()
        .setType(fault == null ? "ProvisionFailed" : fault)
        .setMessage(message)
        .setNonRetryable(true)
        .setCause(cause)
        .setDetails(new ProvisionFailure(failedStep, fault, Failures.describe(cause),
            undo == null ? List.of() : undo.undone(), undo == null ? List.of() : undo.problems()))
        .build();
  }

  /** Ends the text with one period: most of vSphere's messages already end with one. */
  private static String sentence(String s) {
    return s.endsWith(".") ? s : s + ".";
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static void validate(ProvisionVmRequest r) {
    check(r).orFail();
  }

  /** The request's problems, for this workflow and for fleets that check all their VMs first. */
  public static Requests check(ProvisionVmRequest r) {
    return new Requests("ProvisionVm")
        .required("vcenter", r.vcenter())
        .required("name", r.name())
        .check(r.name() == null || r.name().length() <= MAX_NAME,
            "name '" + r.name() + "' is longer than vSphere's " + MAX_NAME + " characters")
        .check(r.name() == null || !(r.name().contains("/") || r.name().contains("\\")),
            "name '" + r.name() + "' must not contain / or \\")
        .required("template", r.template())
        .required("folder", r.folder())
        .check(r.resourcePool() != null ^ r.cluster() != null, "give exactly one of resourcePool and cluster")
        .check(r.cluster() == null || r.cluster().contains("/"),
            "cluster must be an inventory path such as DC0/host/DC0_C0, got '" + r.cluster() + "'")
        .positive("numCpus", r.numCpus())
        .positive("memoryMb", r.memoryMb())
        .positive("diskGb", r.diskGb())
        .positive("ipTimeoutSeconds", r.ipTimeoutSeconds())
        .check(r.memoryMb() == null || r.memoryMb() % 4 == 0,
            "memoryMb " + r.memoryMb() + " is not a multiple of 4 MB");
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
