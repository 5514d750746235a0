package io.vspheretemporal.activities.flows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.MoRef;

/**
 * A one-step workflow: power on. {@link #outcome} says how the step ended, also when the workflow
 * was cancelled (Temporal then reports the run as cancelled and drops its return value).
 */
@WorkflowInterface
public interface PowerOnWorkflow {
  @WorkflowMethod
  String powerOn(MoRef vm);

  @QueryMethod
  String outcome();
}
