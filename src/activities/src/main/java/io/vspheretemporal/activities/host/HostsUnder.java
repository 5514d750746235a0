package io.vspheretemporal.activities.host;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import java.rmi.RemoteException;
import java.util.List;
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
    List<ObjectContent> hosts;
    try {
      hosts = Properties.retrieve(session, spec(root));
    } catch (VimFaultException e) {
      if (e.is("ManagedObjectNotFound")) {
        return Optional.empty();
      }
      throw e;
    }
    for (ObjectContent host : hosts) {
      if (host.getPropSet() != null && host.getPropSet().length > 0
          && host.getPropSet()[0].getVal() instanceof String hostName && hostName.equalsIgnoreCase(name)) {
        return Optional.of(host.getObj());
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
