package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import io.vspheretemporal.activities.session.VCenterSession;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds objects of one managed type by name anywhere in a vCenter's inventory: a recursive
 * container view from the root folder, one RetrievePropertiesEx through it, and the view destroyed
 * afterwards (views live as long as the session otherwise, and each one costs vCenter memory).
 */
final class Finder {
  private static final Logger log = LoggerFactory.getLogger(Finder.class);

  private Finder() {}

  /** Objects of {@code type} (subtypes included) named exactly {@code name}, with {@code paths} read. */
  static List<Candidate> named(VCenterSession session, String type, String name, String... paths)
      throws RemoteException {
    ManagedObjectReference view = session.call((p, c) ->
        p.createContainerView(c.getViewManager(), c.getRootFolder(), new String[] {type}, true));
    try {
      List<Candidate> found = new ArrayList<>();
      for (ObjectContent oc : Properties.retrieve(session, throughView(view, type, paths))) {
        Map<String, Object> props = Properties.values(oc);
        if (name.equals(props.get(Kind.NAME))) {
          found.add(new Candidate(oc.getObj(), props));
        }
      }
      return found;
    } finally {
      destroy(session, view);
    }
  }

  private static PropertyFilterSpec throughView(ManagedObjectReference view, String type, String... paths) {
    TraversalSpec viewToObjects = new TraversalSpec();
    viewToObjects.setName("view");
    viewToObjects.setType("ContainerView");
    viewToObjects.setPath("view");
    viewToObjects.setSkip(false);
    ObjectSpec os = new ObjectSpec();
    os.setObj(view);
    os.setSkip(true);
    os.setSelectSet(new SelectionSpec[] {viewToObjects});
    PropertySpec ps = new PropertySpec();
    ps.setType(type);
    ps.setPathSet(paths);
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setPropSet(new PropertySpec[] {ps});
    spec.setObjectSet(new ObjectSpec[] {os});
    return spec;
  }

  private static void destroy(VCenterSession session, ManagedObjectReference view) {
    try {
      session.call((p, c) -> {
        p.destroyView(view);
        return null;
      });
    } catch (RemoteException | RuntimeException e) {
      // The view goes with the session at the latest; the look-up's answer stands.
      log.debug("destroying container view {} on '{}' failed: {}", view.getVal(), session.name(), e.getMessage());
    }
  }
}
