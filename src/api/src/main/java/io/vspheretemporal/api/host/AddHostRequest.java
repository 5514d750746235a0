package io.vspheretemporal.api.host;

import io.vspheretemporal.api.MoRef;

/**
 * AddHost_Task (into a cluster) or AddStandaloneHost_Task (into a host folder). The host's root
 * password never travels in the payload: {@code passwordSecret} names a secret the worker resolves.
 *
 * @param parent the cluster (AddHost_Task) or host folder (AddStandaloneHost_Task)
 * @param hostName the host's DNS name or IP address
 * @param sslThumbprint the host certificate's SHA-1 thumbprint vCenter should trust; null to let vCenter verify it
 * @param asConnected add it connected (true) or disconnected
 */
public record AddHostRequest(
    MoRef parent, String hostName, String username, String passwordSecret, String sslThumbprint,
    boolean asConnected) {}
