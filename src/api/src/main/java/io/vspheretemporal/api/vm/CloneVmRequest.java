package io.vspheretemporal.api.vm;

import io.vspheretemporal.api.MoRef;

/**
 * CloneVM_Task: clone {@code source} (a VM or template) as {@code name} into {@code folder}.
 *
 * @param resourcePool where the clone runs; required when cloning a template (a cluster's root pool
 *     is {@code <cluster>/Resources})
 * @param datastore where its files go; null keeps the source's datastore
 * @param host the host to place it on; null lets vSphere choose
 * @param customization guest customization applied on first boot; null for none
 * @param powerOn power the clone on as the task's last step
 */
public record CloneVmRequest(
    MoRef source,
    MoRef folder,
    String name,
    MoRef resourcePool,
    MoRef datastore,
    MoRef host,
    GuestCustomization customization,
    boolean powerOn) {

  public static CloneVmRequest of(MoRef source, MoRef folder, String name, MoRef resourcePool) {
    return new CloneVmRequest(source, folder, name, resourcePool, null, null, null, false);
  }

  public CloneVmRequest withDatastore(MoRef ds) {
    return new CloneVmRequest(source, folder, name, resourcePool, ds, host, customization, powerOn);
  }

  public CloneVmRequest withCustomization(GuestCustomization c) {
    return new CloneVmRequest(source, folder, name, resourcePool, datastore, host, c, powerOn);
  }

  public CloneVmRequest poweredOn() {
    return new CloneVmRequest(source, folder, name, resourcePool, datastore, host, customization, true);
  }
}
