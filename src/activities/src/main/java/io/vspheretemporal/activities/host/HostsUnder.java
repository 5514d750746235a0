package io.vspheretemporal.activities.host;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import java.rmi.RemoteException;
import java.util.Optional;

/**
 * Finds a host by name below a cluster or a host folder with one PropertyCollector traversal
 * (folders, recursively, then compute resources, then their hosts), so a probe costs one call
 * however large the inventory is.
 */
final class HostsUnder {
  private static final String CHILDREN = "folderChildren";
  private static final String HOSTS = "computeResourceHosts";

  private HostsUnder() {}

  /**
   * The host named {@code name} (DNS names compare without case) below {@code root}; empty when
   * there is none or the root itself is gone.
   */
  static Optional<ManagedObjectReference> named(VCenterSession session, ManagedObjectReference root, String name)
      throws RemoteException {
    PropertyFilterSpec spec = spec(root);
    try {
      RetrieveResult page = session.call((p, c) ->
          p.retrievePropertiesEx(c.getPropertyCollector(), new PropertyFilterSpec[] {spec}, new RetrieveOptions()));
      while (page != null) {
        Optional<ManagedObjectReference> found = match(page, name);
        String token = page.getToken();
        if (found.isPresent() || token == null) {
          if (token != null) {
            session.call((p, c) -> {
              p.cancelRetrievePropertiesEx(c.getPropertyCollector(), token);
              return null;
            });
          }
          return found;
        }
        page = session.call((p, c) -> p.continueRetrievePropertiesEx(c.getPropertyCollector(), token));
      }
      return Optional.empty();
    } catch (VimFaultException e) {
      if (e.is("ManagedObjectNotFound")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Optional<ManagedObjectReference> match(RetrieveResult page, String name) {
    if (page.getObjects() == null) {
      return Optional.empty();
    }
    for (ObjectContent oc : page.getObjects()) {
      if (oc.getPropSet() != null && oc.getPropSet().length > 0
          && oc.getPropSet()[0].getVal() instanceof String hostName && hostName.equalsIgnoreCase(name)) {
        return Optional.of(oc.getObj());
      }
    }
    return Optional.empty();
  }

  private static PropertyFilterSpec spec(ManagedObjectReference root) {
    TraversalSpec hosts = traversal(HOSTS, "ComputeResource", "host", false);
    TraversalSpec children = traversal(CHILDREN, "Folder", "childEntity", true, selection(CHILDREN), selection(HOSTS));
    ObjectSpec start = new ObjectSpec();
    start.setObj(root);
    start.setSkip(true);
    start.setSelectSet(new SelectionSpec[] {children, hosts});
    PropertySpec names = new PropertySpec();
    names.setType("HostSystem");
    names.setPathSet(new String[] {"name"});
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setObjectSet(new ObjectSpec[] {start});
    spec.setPropSet(new PropertySpec[] {names});
    return spec;
  }

  private static TraversalSpec traversal(String name, String type, String path, boolean skip, SelectionSpec... next) {
    TraversalSpec t = new TraversalSpec();
    t.setName(name);
    t.setType(type);
    t.setPath(path);
    t.setSkip(skip);
    if (next.length > 0) {
      t.setSelectSet(next);
    }
    return t;
  }

  private static SelectionSpec selection(String name) {
    SelectionSpec s = new SelectionSpec();
    s.setName(name);
    return s;
  }
}
