package io.vspheretemporal.workflows.snapshot;

import java.util.List;

/** Snapshot {@code vm} (path or unique name), make the changes, revert if one fails. */
public record SnapshotGuardRequest(String vcenter, String vm, String snapshotName, List<GuardedChange> changes) {
  public SnapshotGuardRequest {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
