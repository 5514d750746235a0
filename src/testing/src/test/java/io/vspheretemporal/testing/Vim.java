package io.vspheretemporal.testing;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyChange;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertyFilterUpdate;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.UpdateSet;
import com.vmware.vim25.VimPortType;
import com.vmware.vim25.WaitOptions;
import com.vmware.vim25.ObjectUpdate;
import com.vmware.vim25.mo.ServiceInstance;
import java.net.URL;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain yavijava against the simulator, as the simulator's own tests use it. */
final class Vim {
  final ServiceInstance si;
  final VimPortType port;

  private Vim(ServiceInstance si) {
    this.si = si;
    this.port = si.getServerConnection().getVimService();
  }

  static Vim login(Simulator sim) throws Exception {
    return new Vim(new ServiceInstance(new URL(sim.sdkUrl().toString()), sim.username(), sim.password(), false));
  }

  ManagedObjectReference find(String inventoryPath) throws RemoteException {
    ManagedObjectReference ref = port.findByInventoryPath(si.getServiceContent().getSearchIndex(), inventoryPath);
    if (ref == null) {
      throw new IllegalArgumentException("not in the simulator's inventory: " + inventoryPath);
    }
    return ref;
  }

  TaskInfo info(ManagedObjectReference task) throws RemoteException {
    return (TaskInfo) si.getPropertyCollector().retrieveProperties(new PropertyFilterSpec[] {taskSpec(task)})[0]
        .getPropSet()[0].getVal();
  }

  static PropertyFilterSpec taskSpec(ManagedObjectReference task) {
    PropertySpec ps = new PropertySpec();
    ps.setType("Task");
    ps.setPathSet(new String[] {"info"});
    ObjectSpec os = new ObjectSpec();
    os.setObj(task);
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setPropSet(new PropertySpec[] {ps});
    spec.setObjectSet(new ObjectSpec[] {os});
    return spec;
  }

  /** A collector of our own watching tasks with WaitForUpdatesEx, as the product will. */
  final class TaskWatch implements AutoCloseable {
    final ManagedObjectReference collector;
    final Map<String, List<TaskInfo>> seen = new HashMap<>();
    String version = "";
    int polls;

    TaskWatch() throws RemoteException {
      collector = port.createPropertyCollector(si.getServiceContent().getPropertyCollector());
    }

    TaskWatch watch(ManagedObjectReference task) throws RemoteException {
      port.createFilter(collector, taskSpec(task), true);
      return this;
    }

    /** Polls until every watched task reached success or error; returns each task's history. */
    Map<String, List<TaskInfo>> untilDone(int expectedTasks) throws RemoteException {
      Map<String, TaskInfo> last = new HashMap<>();
      while (last.size() < expectedTasks || last.values().stream().anyMatch(i -> !done(i))) {
        WaitOptions options = new WaitOptions();
        options.setMaxWaitSeconds(10);
        UpdateSet set = port.waitForUpdatesEx(collector, version, options);
        polls++;
        if (set == null) {
          throw new AssertionError("no update within 10 s; last seen " + last.size() + " tasks");
        }
        version = set.getVersion();
        for (PropertyFilterUpdate fu : set.getFilterSet()) {
          for (ObjectUpdate ou : fu.getObjectSet()) {
            if (ou.getChangeSet() == null) {
              continue;
            }
            for (PropertyChange pc : ou.getChangeSet()) {
              if (pc.getVal() instanceof TaskInfo info) {
                last.put(ou.getObj().getVal(), info);
                seen.computeIfAbsent(ou.getObj().getVal(), k -> new ArrayList<>()).add(info);
              }
            }
          }
        }
      }
      return seen;
    }

    @Override
    public void close() throws RemoteException {
      port.destroyPropertyCollector(collector);
    }
  }

  static boolean done(TaskInfo info) {
    return info.getState() == TaskInfoState.success || info.getState() == TaskInfoState.error;
  }
}
