package io.vspheretemporal.workflows.decommission;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.vspheretemporal.api.progress.VSphereProgressListener;
import io.vspheretemporal.workflows.progress.WorkflowProgress;

/** Power a VM off if it runs, then destroy it. Succeeds when the VM is already gone. */
@WorkflowInterface
public interface DecommissionVmWorkflow extends VSphereProgressListener {
  @WorkflowMethod(name = "DecommissionVm")
  DecommissionVmResult decommission(DecommissionVmRequest request);

  @QueryMethod
  WorkflowProgress progress();
}
