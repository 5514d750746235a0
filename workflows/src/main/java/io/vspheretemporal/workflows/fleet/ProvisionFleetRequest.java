package io.vspheretemporal.workflows.fleet;

import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import java.util.List;

/**
 * Many VMs from one request, each a ProvisionVm child workflow, at most {@code parallelism} at once.
 *
 * @param fleet a name for the fleet, for progress and results
 */
public record ProvisionFleetRequest(
    String fleet, List<ProvisionVmRequest> vms, int parallelism, FailurePolicy failurePolicy) {
  public static final int MAX_VMS = 500;
  public static final int MAX_PARALLELISM = 50;

  public ProvisionFleetRequest {
    vms = vms == null ? List.of() : List.copyOf(vms);
  }
}
