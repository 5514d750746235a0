package io.vspheretemporal.api.snapshot;

import io.vspheretemporal.api.MoRef;

/** CreateSnapshot_Task. {@code memory} also saves the running VM's memory; {@code quiesce} asks VMware Tools. */
public record CreateSnapshotRequest(MoRef vm, String name, String description, boolean memory, boolean quiesce) {

  public static CreateSnapshotRequest of(MoRef vm, String name, String description) {
    return new CreateSnapshotRequest(vm, name, description, false, false);
  }
}
