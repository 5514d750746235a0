package io.vspheretemporal.workflows.host;

/**
 * A host to add to a cluster. The root password is not in the request: {@code passwordSecret}
 * names a secret the worker resolves.
 *
 * @param cluster the cluster's inventory path or unique name
 * @param sslThumbprint the host certificate's SHA-1 thumbprint vCenter should trust; null to let vCenter verify it
 */
public record OnboardHostRequest(
    String vcenter, String cluster, String hostName, String username, String passwordSecret, String sslThumbprint) {}
