package io.vspheretemporal.activities.flows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.host.AddHostRequest;

/** A one-step workflow: add a host to a cluster. */
@WorkflowInterface
public interface AddHostWorkflow {
  @WorkflowMethod
  MoRef addHost(AddHostRequest request);
}
