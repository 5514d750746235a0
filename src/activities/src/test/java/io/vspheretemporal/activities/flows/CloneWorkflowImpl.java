package io.vspheretemporal.activities.flows;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.vm.CloneVmRequest;

public class CloneWorkflowImpl implements CloneWorkflow {
  @Override
  public MoRef clone(CloneVmRequest request) {
    return VSphereSteps.with(TestStepOptions.tasks()).cloneVm(request);
  }
}
