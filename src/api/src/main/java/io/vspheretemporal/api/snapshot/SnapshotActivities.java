package io.vspheretemporal.api.snapshot;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.vspheretemporal.api.MoRef;

/** Snapshot tasks. */
@ActivityInterface
public interface SnapshotActivities {

  /** Returns the new snapshot ({@code VirtualMachineSnapshot}). */
  @ActivityMethod(name = "CreateSnapshot_Task")
  MoRef createSnapshot(CreateSnapshotRequest request);

  @ActivityMethod(name = "RevertToSnapshot_Task")
  void revertToSnapshot(MoRef snapshot);

  @ActivityMethod(name = "RemoveSnapshot_Task")
  void removeSnapshot(RemoveSnapshotRequest request);

  @ActivityMethod(name = "RemoveAllSnapshots_Task")
  void removeAllSnapshots(MoRef vm);
}
