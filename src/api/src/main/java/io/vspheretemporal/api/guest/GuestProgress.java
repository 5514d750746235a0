package io.vspheretemporal.api.guest;

/**
 * What a guest wait heartbeats, and so what the Temporal UI shows under the pending activity.
 *
 * @param vm the VM's name (or id when its name is unknown)
 * @param waitingFor what the wait needs, e.g. {@code VMware Tools running} or {@code an IPv4 address}
 * @param toolsRunningStatus the guest's tools status as last reported, e.g. {@code guestToolsNotRunning}
 * @param ipAddress the guest's IP address as last reported; null while it reports none
 * @param waitedSeconds how long this attempt has waited so far
 */
public record GuestProgress(
    String vm, String waitingFor, String toolsRunningStatus, String ipAddress, long waitedSeconds) {}
