package io.vspheretemporal.workflows.fleet;

import io.vspheretemporal.api.MoRef;

/**
 * How one VM of a fleet ended.
 *
 * @param status {@code provisioned}, {@code failed}, {@code cancelled}, {@code undone} (provisioned,
 *     then removed because the fleet stopped) or {@code not started}
 * @param error the failure or what was undone, when not provisioned
 */
public record VmOutcome(String name, String status, MoRef vm, String ipAddress, String error) {}
