package io.vspheretemporal.activities.runner;

import com.vmware.vim25.ArrayOfManagedObjectReference;
import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.vim.ObjectKey;
import java.rmi.RemoteException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a step's task among vCenter's recent tasks by its activationId (the operationID we sent). */
final class RecentTasks {
  private RecentTasks() {}

  private static final int READS = 3;

  static Optional<ManagedObjectReference> find(VCenterSession session, String operationKey) throws RemoteException {
    for (int read = 1; ; read++) {
      try {
        return findOnce(session, operationKey);
      } catch (VimFaultException e) {
        // A recent task expired between reading the list and reading the tasks: read again.
        if (!e.is("ManagedObjectNotFound") || read == READS) {
          throw e;
        }
      }
    }
  }

  private static Optional<ManagedObjectReference> findOnce(VCenterSession session, String operationKey)
      throws RemoteException {
    Map<String, Object> tm = Properties.read(session, session.content().getTaskManager(), "recentTask").orElse(Map.of());
    List<ManagedObjectReference> recent = refs(tm.get("recentTask"));
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    Map<ObjectKey, Map<String, Object>> infos = Properties.readAll(session, recent, "info.activationId");
    ObjectKey match = null;
    for (var e : infos.entrySet()) {
      if (operationKey.equals(e.getValue().get("info.activationId"))) {
        match = e.getKey(); // vCenter lists recent tasks oldest first: the last match is the newest
      }
    }
    return Optional.ofNullable(match).map(ObjectKey::toRef);
  }

  static List<ManagedObjectReference> refs(Object value) {
    if (value instanceof ArrayOfManagedObjectReference a && a.getManagedObjectReference() != null) {
      return Arrays.asList(a.getManagedObjectReference());
    }
    if (value instanceof ManagedObjectReference[] array) {
      return Arrays.asList(array);
    }
    return List.of();
  }
}
