package io.vspheretemporal.workflows;

import io.vspheretemporal.workflows.decommission.DecommissionVmWorkflowImpl;
import io.vspheretemporal.workflows.fleet.ProvisionFleetWorkflowImpl;
import io.vspheretemporal.workflows.host.OnboardHostWorkflowImpl;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflowImpl;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardWorkflowImpl;
import java.util.List;

/** The reusable provisioning workflows, for registering on a worker. */
public final class VSphereWorkflows {
  private VSphereWorkflows() {}

  public static List<Class<?>> implementations() {
    return List.of(
        ProvisionVmWorkflowImpl.class,
        DecommissionVmWorkflowImpl.class,
        ProvisionFleetWorkflowImpl.class,
        OnboardHostWorkflowImpl.class,
        SnapshotGuardWorkflowImpl.class);
  }
}
