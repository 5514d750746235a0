package io.vspheretemporal.api.host;

import io.vspheretemporal.api.MoRef;

/** Enter/ExitMaintenanceMode_Task. {@code timeoutSeconds} 0 means vSphere waits as long as it takes. */
public record MaintenanceModeRequest(MoRef host, int timeoutSeconds, boolean evacuatePoweredOffVms) {

  public static MaintenanceModeRequest of(MoRef host) {
    return new MaintenanceModeRequest(host, 0, false);
  }
}
