package io.vspheretemporal.workflows.snapshot;

/**
 * One change SnapshotGuard makes to the VM.
 *
 * @param kind {@code reconfigure} (with numCpus and/or memoryMb), {@code powerCycle} (off, then on),
 *     {@code powerOff} or {@code powerOn}
 */
public record GuardedChange(String kind, Integer numCpus, Long memoryMb) {
  public static GuardedChange reconfigure(Integer numCpus, Long memoryMb) {
    return new GuardedChange("reconfigure", numCpus, memoryMb);
  }

  public static GuardedChange powerCycle() {
    return new GuardedChange("powerCycle", null, null);
  }

  public String label() {
    return switch (kind) {
      case "reconfigure" -> "Reconfigure" + (numCpus == null ? "" : " " + numCpus + " vCPU")
          + (memoryMb == null ? "" : " " + memoryMb + " MB");
      case "powerCycle" -> "Power cycle";
      case "powerOff" -> "Power off";
      case "powerOn" -> "Power on";
      default -> kind;
    };
  }
}
