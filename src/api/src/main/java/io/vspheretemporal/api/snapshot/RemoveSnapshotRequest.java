package io.vspheretemporal.api.snapshot;

import io.vspheretemporal.api.MoRef;

/** RemoveSnapshot_Task: {@code removeChildren} also removes the snapshot's children. */
public record RemoveSnapshotRequest(MoRef snapshot, boolean removeChildren, boolean consolidate) {

  public static RemoveSnapshotRequest of(MoRef snapshot) {
    return new RemoveSnapshotRequest(snapshot, false, true);
  }
}
