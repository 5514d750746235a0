package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.ArrayOfOptionValue;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import io.vspheretemporal.activities.session.VCenterSession;
import java.rmi.RemoteException;
import java.util.Map;
import java.util.Optional;

/** Small inventory queries the operations' probes share. */
public final class Inventory {
  private Inventory() {}

  /** The child of a folder with that name, via the SearchIndex. */
  public static Optional<ManagedObjectReference> child(VCenterSession session, ManagedObjectReference folder, String name)
      throws RemoteException {
    return Optional.ofNullable(session.call((p, c) -> p.findChild(c.getSearchIndex(), folder, name)));
  }

  /** An object found by inventory path, e.g. {@code DC0/vm/web-01}. */
  public static Optional<ManagedObjectReference> byPath(VCenterSession session, String path) throws RemoteException {
    return Optional.ofNullable(session.call((p, c) -> p.findByInventoryPath(c.getSearchIndex(), path)));
  }

  /** The value of a VM's extraConfig key, when the VM exists and has it. */
  public static Optional<String> extraConfig(VCenterSession session, ManagedObjectReference vm, String key)
      throws RemoteException {
    Optional<Map<String, Object>> props = Properties.read(session, vm, "config.extraConfig");
    if (props.isEmpty()) {
      return Optional.empty();
    }
    Object value = props.get().get("config.extraConfig");
    OptionValue[] options = value instanceof ArrayOfOptionValue a ? a.getOptionValue()
        : value instanceof OptionValue[] arr ? arr : null;
    if (options == null) {
      return Optional.empty();
    }
    for (OptionValue o : options) {
      if (key.equals(o.getKey()) && o.getValue() != null) {
        return Optional.of(o.getValue().toString());
      }
    }
    return Optional.empty();
  }
}
