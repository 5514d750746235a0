package io.vspheretemporal.activities.flows;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.host.AddHostRequest;

public class AddHostWorkflowImpl implements AddHostWorkflow {
  @Override
  public MoRef addHost(AddHostRequest request) {
    return VSphereSteps.with(TestStepOptions.tasks()).addHost(request);
  }
}
