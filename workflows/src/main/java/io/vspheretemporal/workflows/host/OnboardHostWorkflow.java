package io.vspheretemporal.workflows.host;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.progress.VSphereProgressListener;
import io.vspheretemporal.workflows.progress.WorkflowProgress;

/**
 * Add a host to a cluster, take it through maintenance mode and out of it. If a later step fails
 * or the run is cancelled, the host is removed again.
 */
@WorkflowInterface
public interface OnboardHostWorkflow extends VSphereProgressListener {
  @WorkflowMethod(name = "OnboardHost")
  OnboardHostResult onboard(OnboardHostRequest request);

  @QueryMethod
  WorkflowProgress progress();
}
