package io.vspheretemporal.workflows.snapshot;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.progress.VSphereProgressListener;
import io.vspheretemporal.workflows.progress.WorkflowProgress;

/**
 * Take a snapshot, make the given changes (reconfigure, power cycle), and on success remove the
 * snapshot; if a change fails or the run is cancelled, revert to the snapshot, then remove it.
 */
@WorkflowInterface
public interface SnapshotGuardWorkflow extends VSphereProgressListener {
  @WorkflowMethod(name = "SnapshotGuard")
  SnapshotGuardResult guard(SnapshotGuardRequest request);

  @QueryMethod
  WorkflowProgress progress();
}
