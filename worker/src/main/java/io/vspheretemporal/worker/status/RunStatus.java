package io.vspheretemporal.worker.status;

import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.List;

/**
 * What {@code status} shows for one run: Temporal's view (status, pending vSphere steps with their
 * heartbeat details) and the workflow's own (its step checklist); a fleet adds its VMs' runs.
 *
 * @param status RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT or CONTINUED_AS_NEW
 * @param progress the workflow's checklist (null when it could not be queried)
 * @param pending the running vSphere steps, as their last heartbeat says
 * @param failure how the run failed, when it did
 */
public record RunStatus(
    String workflowId,
    String workflowType,
    String status,
    WorkflowProgress progress,
    List<TaskProgress> pending,
    String failure,
    List<RunStatus> children) {

  public boolean closed() {
    return !"RUNNING".equals(status);
  }
}
