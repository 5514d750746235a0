package io.vspheretemporal.workflows.fleet;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.workflows.progress.WorkflowProgress;

/**
 * Provision many VMs as ProvisionVm child workflows with a parallelism limit and a failure policy.
 * Cancelling the fleet cancels its children (and their vSphere tasks) and removes the VMs already
 * provisioned.
 */
@WorkflowInterface
public interface ProvisionFleetWorkflow {
  @WorkflowMethod(name = "ProvisionFleet")
  FleetResult provision(ProvisionFleetRequest request);

  @QueryMethod
  WorkflowProgress progress();
}
