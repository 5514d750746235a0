package io.vspheretemporal.activities.snapshot;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualMachineSnapshotInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import java.util.Optional;
import java.util.function.Predicate;

/** Searches a VM's {@code snapshot} property (the tree under {@code rootSnapshotList}). */
final class SnapshotTree {
  private SnapshotTree() {}

  static Optional<ManagedObjectReference> find(Object snapshotProperty, Predicate<VirtualMachineSnapshotTree> match) {
    if (!(snapshotProperty instanceof VirtualMachineSnapshotInfo info)) {
      return Optional.empty();
    }
    return find(info.getRootSnapshotList(), match);
  }

  private static Optional<ManagedObjectReference> find(VirtualMachineSnapshotTree[] level,
      Predicate<VirtualMachineSnapshotTree> match) {
    if (level == null) {
      return Optional.empty();
    }
    for (VirtualMachineSnapshotTree node : level) {
      if (match.test(node)) {
        return Optional.of(node.getSnapshot());
      }
      Optional<ManagedObjectReference> below = find(node.getChildSnapshotList(), match);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }
}
