package io.vspheretemporal.workflows.provision;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.progress.VSphereProgressListener;
import io.vspheretemporal.workflows.progress.WorkflowProgress;

/**
 * Clone a template, size it, power it on and wait for its IP address. If a step fails or the
 * workflow is cancelled, what was done is undone (powered off, destroyed) and the failure, or the
 * progress query of a cancelled run, says what was undone.
 */
@WorkflowInterface
public interface ProvisionVmWorkflow extends VSphereProgressListener {
  @WorkflowMethod(name = "ProvisionVm")
  ProvisionVmResult provision(ProvisionVmRequest request);

  @QueryMethod
  WorkflowProgress progress();
}
