package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.MissingProperty;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.vim.ObjectKey;
import java.rmi.RemoteException;
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

  /**
   * Every object the spec selects, over all result pages. A property vSphere lists in an object's
   * missingSet (NotAuthenticated, NoPermission, ...) fails the call with that fault rather than
   * reading as unset: a probe must never take "could not read it" for "it is not there". Raised
   * inside the session's call, NotAuthenticated makes the session log in again and repeat.
   */
  public static List<ObjectContent> retrieve(VCenterSession session, PropertyFilterSpec spec) throws RemoteException {
    List<ObjectContent> objects = new ArrayList<>();
    RetrieveResult page = session.call((p, c) -> complete(
        p.retrievePropertiesEx(c.getPropertyCollector(), new PropertyFilterSpec[] {spec}, new RetrieveOptions())));
    while (page != null) {
      if (page.getObjects() != null) {
        objects.addAll(Arrays.asList(page.getObjects()));
      }
      String token = page.getToken();
      if (token == null) {
        break;
      }
      page = session.call((p, c) -> complete(p.continueRetrievePropertiesEx(c.getPropertyCollector(), token)));
    }
    return objects;
  }

  private static RetrieveResult complete(RetrieveResult page) throws VimFaultException {
    if (page == null || page.getObjects() == null) {
      return page;
    }
    for (ObjectContent oc : page.getObjects()) {
      MissingProperty[] missing = oc.getMissingSet();
      if (missing != null && missing.length > 0) {
        LocalizedMethodFault fault = missing[0].getFault();
        MethodFault cause = fault == null ? null : fault.getFault();
        String type = cause == null ? "SystemError" : cause.getClass().getSimpleName();
        String why = fault == null || fault.getLocalizedMessage() == null ? type : fault.getLocalizedMessage();
        throw new VimFaultException(type, "cannot read " + missing[0].getPath() + " of " + oc.getObj().getType() + " "
            + oc.getObj().getVal() + ": " + why, cause);
      }
    }
    return page;
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
