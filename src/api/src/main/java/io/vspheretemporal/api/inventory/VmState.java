package io.vspheretemporal.api.inventory;

import io.vspheretemporal.api.MoRef;

/**
 * What a VM looks like now. {@code present} is false when vSphere no longer knows the VM; the
 * other fields are then null.
 *
 * @param powerState {@code poweredOn}, {@code poweredOff} or {@code suspended}
 */
public record VmState(
    MoRef vm, boolean present, String name, String powerState, Integer numCpus, Long memoryMb,
    Boolean template, String toolsRunningStatus, String ipAddress) {

  public static VmState gone(MoRef vm) {
    return new VmState(vm, false, null, null, null, null, null, null, null);
  }

  public boolean poweredOn() {
    return "poweredOn".equals(powerState);
  }
}
