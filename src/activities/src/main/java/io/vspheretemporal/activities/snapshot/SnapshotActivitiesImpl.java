package io.vspheretemporal.activities.snapshot;

import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.api.snapshot.SnapshotActivities;

/** Snapshot tasks, each run by the {@link TaskRunner}. */
public final class SnapshotActivitiesImpl implements SnapshotActivities {
  private final TaskRunner runner;

  public SnapshotActivitiesImpl(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  public MoRef createSnapshot(CreateSnapshotRequest request) {
    return runner.run(SnapshotOperations.CREATE, request);
  }

  @Override
  public void revertToSnapshot(MoRef snapshot) {
    runner.run(SnapshotOperations.REVERT, snapshot);
  }

  @Override
  public void removeSnapshot(RemoveSnapshotRequest request) {
    runner.run(SnapshotOperations.REMOVE, request);
  }

  @Override
  public void removeAllSnapshots(MoRef vm) {
    runner.run(SnapshotOperations.REMOVE_ALL, vm);
  }
}
