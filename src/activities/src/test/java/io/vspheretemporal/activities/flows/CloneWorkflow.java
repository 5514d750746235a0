package io.vspheretemporal.activities.flows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;

/** A one-step workflow: clone. */
@WorkflowInterface
public interface CloneWorkflow {
  @WorkflowMethod
  MoRef clone(CloneVmRequest request);
}
