package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.ObjectKey;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inventory paths of entities ({@code DC0/host/DC0_C0/Resources}), the form FindByInventoryPath
 * takes: what a message should offer when a name alone does not tell objects apart. One call reads
 * every ancestor's name and parent.
 */
final class InventoryPaths {
  private InventoryPaths() {}

  /** Each entity's path; an entity whose parents do not lead to the root folder (a vApp's VM) is left out. */
  static Map<ObjectKey, String> of(VCenterSession session, List<ManagedObjectReference> entities)
      throws RemoteException {
    TraversalSpec up = new TraversalSpec();
    up.setName("up");
    up.setType("ManagedEntity");
    up.setPath("parent");
    up.setSkip(false);
    SelectionSpec again = new SelectionSpec();
    again.setName("up");
    up.setSelectSet(new SelectionSpec[] {again});
    PropertySpec ps = new PropertySpec();
    ps.setType("ManagedEntity");
    ps.setPathSet(new String[] {"name", "parent"});
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setPropSet(new PropertySpec[] {ps});
    spec.setObjectSet(entities.stream().map(e -> {
      ObjectSpec os = new ObjectSpec();
      os.setObj(e);
      os.setSelectSet(new SelectionSpec[] {up});
      return os;
    }).toArray(ObjectSpec[]::new));

    Map<ObjectKey, Map<String, Object>> tree = new HashMap<>();
    for (ObjectContent oc : Properties.retrieve(session, spec)) {
      tree.put(ObjectKey.of(oc.getObj()), Properties.values(oc));
    }
    ObjectKey root = ObjectKey.of(session.content().getRootFolder());
    Map<ObjectKey, String> paths = new LinkedHashMap<>();
    for (ManagedObjectReference e : entities) {
      List<String> names = new ArrayList<>();
      ObjectKey at = ObjectKey.of(e);
      while (at != null && !at.equals(root) && tree.containsKey(at) && names.size() < 64) {
        Map<String, Object> props = tree.get(at);
        names.add(String.valueOf(props.get("name")));
        at = props.get("parent") instanceof ManagedObjectReference parent ? ObjectKey.of(parent) : null;
      }
      if (root.equals(at)) {
        Collections.reverse(names);
        paths.put(ObjectKey.of(e), String.join("/", names));
      }
    }
    return paths;
  }
}
