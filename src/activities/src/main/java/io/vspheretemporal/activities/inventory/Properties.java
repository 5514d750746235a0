package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import java.rmi.RemoteException;
import io.vspheretemporal.activities.vim.ObjectKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads properties of managed objects with the session's default collector (RetrievePropertiesEx). */
public final class Properties {
  private Properties() {}

  /** The object's properties, or empty when vSphere no longer knows the object. */
  public static Optional<Map<String, Object>> read(VCenterSession session, ManagedObjectReference obj, String... paths)
      throws RemoteException {
    try {
      Map<ObjectKey, Map<String, Object>> all = readAll(session, List.of(obj), paths);
      return Optional.of(all.isEmpty() ? Map.of() : all.values().iterator().next());
    } catch (VimFaultException e) {
      if (e.is("ManagedObjectNotFound")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Properties of many objects of one type in one call, in the order asked (objects that vanished
   * are left out).
   */
  public static Map<ObjectKey, Map<String, Object>> readAll(
      VCenterSession session, List<ManagedObjectReference> objects, String... paths) throws RemoteException {
    if (objects.isEmpty()) {
      return Map.of();
    }
    PropertySpec ps = new PropertySpec();
    ps.setType(objects.get(0).getType());
    ps.setPathSet(paths);
    ObjectSpec[] specs = objects.stream().map(o -> {
      ObjectSpec os = new ObjectSpec();
      os.setObj(o);
      return os;
    }).toArray(ObjectSpec[]::new);
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setPropSet(new PropertySpec[] {ps});
    spec.setObjectSet(specs);
    Map<ObjectKey, Map<String, Object>> found = new HashMap<>();
    for (ObjectContent oc : retrieve(session, spec)) {
      found.put(ObjectKey.of(oc.getObj()), values(oc));
    }
    Map<ObjectKey, Map<String, Object>> out = new LinkedHashMap<>();
    for (ManagedObjectReference o : objects) {
      Map<String, Object> props = found.get(ObjectKey.of(o));
      if (props != null) {
        out.put(ObjectKey.of(o), props);
      }
    }
    return out;
  }

  /** Every object the spec selects, following vCenter's paging (RetrievePropertiesEx, then Continue...). */
  public static List<ObjectContent> retrieve(VCenterSession session, PropertyFilterSpec spec) throws RemoteException {
    List<ObjectContent> out = new ArrayList<>();
    RetrieveResult result = session.call((p, c) ->
        p.retrievePropertiesEx(c.getPropertyCollector(), new PropertyFilterSpec[] {spec}, new RetrieveOptions()));
    while (result != null) {
      if (result.getObjects() != null) {
        out.addAll(Arrays.asList(result.getObjects()));
      }
      String token = result.getToken();
      if (token == null) {
        break;
      }
      result = session.call((p, c) -> p.continueRetrievePropertiesEx(c.getPropertyCollector(), token));
    }
    return out;
  }

  /** An object's properties by path (a property vSphere left unset is absent). */
  public static Map<String, Object> values(ObjectContent oc) {
    Map<String, Object> props = new HashMap<>();
    if (oc.getPropSet() != null) {
      for (DynamicProperty dp : oc.getPropSet()) {
        props.put(dp.getName(), dp.getVal());
      }
    }
    return props;
  }
}
