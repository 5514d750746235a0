package io.vspheretemporal.activities.flows;

import io.temporal.failure.ActivityFailure;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;

public class PowerOnWorkflowImpl implements PowerOnWorkflow {
  private String outcome = "running";

  @Override
  public String powerOn(MoRef vm) {
    try {
      VSphereSteps.with(TestStepOptions.tasks()).powerOnVm(vm);
      outcome = "powered on";
    } catch (ActivityFailure e) {
      outcome = "step failed: " + e.getCause();
    }
    return outcome;
  }

  @Override
  public String outcome() {
    return outcome;
  }
}
