package io.vspheretemporal.workflows.provision;

import io.vspheretemporal.api.vm.GuestCustomization;

/**
 * A VM to provision from a template. Objects are named by inventory path ({@code DC0/vm/web})
 * or, without a slash, by a name unique on the vCenter.
 *
 * @param resourcePool where the VM runs; or leave it null and give {@code cluster}
 * @param cluster a cluster's inventory path (e.g. {@code DC0/host/DC0_C0}); its root pool is used
 * @param datastore where its disks go; null keeps the template's
 * @param network connect the first network adapter here; null keeps the template's
 * @param numCpus, memoryMb, diskGb the size; null keeps the template's (disks only grow)
 * @param customization guest customization; its host name defaults to {@code name}; null for none
 * @param ipTimeoutSeconds how long to wait for the guest to report an IP address (default 600)
 */
public record ProvisionVmRequest(
    String vcenter,
    String name,
    String template,
    String folder,
    String resourcePool,
    String cluster,
    String datastore,
    String network,
    Integer numCpus,
    Long memoryMb,
    Long diskGb,
    GuestCustomization customization,
    Integer ipTimeoutSeconds) {

  public static final int DEFAULT_IP_TIMEOUT_SECONDS = 600;

  public int ipTimeout() {
    return ipTimeoutSeconds == null ? DEFAULT_IP_TIMEOUT_SECONDS : ipTimeoutSeconds;
  }

  public ProvisionVmRequest withName(String newName) {
    return new ProvisionVmRequest(vcenter, newName, template, folder, resourcePool, cluster, datastore, network,
        numCpus, memoryMb, diskGb, customization, ipTimeoutSeconds);
  }
}
