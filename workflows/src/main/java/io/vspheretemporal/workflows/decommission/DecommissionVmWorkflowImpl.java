package io.vspheretemporal.workflows.decommission;

import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.inventory.VmState;
import io.vspheretemporal.workflows.common.Requests;
import io.vspheretemporal.workflows.progress.Failures;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepTracker;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.List;

public class DecommissionVmWorkflowImpl implements DecommissionVmWorkflow {
  static final String FIND = "Find VM";
  static final String POWER_OFF = "Power off";
  static final String DESTROY = "Destroy";
  private static final String NO_SUCH_VM = "no such VM";

  private final VSphereSteps vsphere = VSphereSteps.withDefaults();
  private StepTracker steps;

  @Override
  public DecommissionVmResult decommission(DecommissionVmRequest r) {
    new Requests("DecommissionVm").required("vcenter", r.vcenter()).required("vm", r.vm()).orFail();
    steps = new StepTracker("DecommissionVm " + r.vm() + " on " + r.vcenter(), List.of(FIND, POWER_OFF, DESTROY));
    VmState state = find(r);
    if (state == null || !state.present()) {
      steps.skip(POWER_OFF, NO_SUCH_VM);
      steps.skip(DESTROY, NO_SUCH_VM);
      steps.outcome("already gone");
      return new DecommissionVmResult(r.vm(), true, false, false, steps.timings());
    }
    MoRef vm = state.vm();
    boolean poweredOff = state.poweredOn();
    if (poweredOff) {
      steps.run(POWER_OFF, () -> vsphere.powerOffVm(vm));
    } else {
      steps.skip(POWER_OFF, "already " + state.powerState());
    }
    steps.run(DESTROY, () -> vsphere.destroy(vm));
    steps.outcome("destroyed");
    return new DecommissionVmResult(r.vm(), false, poweredOff, true, steps.timings());
  }

  /**
   * The VM's state, or null when there is no such VM. Not finding it is this workflow's success,
   * so the step is done, not failed.
   */
  private VmState find(DecommissionVmRequest r) {
    steps.start(FIND);
    try {
      MoRef vm = vsphere.findVm(InventoryLookup.of(r.vcenter(), r.vm()));
      VmState state = vsphere.getVmState(vm);
      steps.finish(FIND, StepState.DONE, state.present() ? null : NO_SUCH_VM);
      return state;
    } catch (RuntimeException e) {
      if (FailureTypes.NOT_FOUND.equals(Failures.faultType(e))) {
        steps.finish(FIND, StepState.DONE, NO_SUCH_VM);
        return null;
      }
      steps.finish(FIND, StepState.FAILED, Failures.describe(e));
      throw e;
    }
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
