package io.vspheretemporal.worker.bench;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.ObjectUpdate;
import com.vmware.vim25.PropertyChange;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertyFilterUpdate;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.UpdateSet;
import com.vmware.vim25.WaitOptions;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.session.VCenterSession;
import java.rmi.RemoteException;

/**
 * The usual pyVmomi/govmomi pattern: each task gets a PropertyCollector of its own, a filter on
 * its info, and a WaitForUpdatesEx long poll until it ends; heartbeats at the same cadence as ours.
 */
final class CollectorPerTask implements BenchTask {
  private final VCenters vcenters;
  private final RunnerSettings settings;

  CollectorPerTask(VCenters vcenters, RunnerSettings settings) {
    this.vcenters = vcenters;
    this.settings = settings;
  }

  @Override
  public BenchResult run(BenchRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    VCenterSession s = vcenters.session(request.vcenter());
    try {
      ManagedObjectReference task = s.call((p, c) -> BenchOperation.submit(p, request));
      activity.heartbeat(task.getVal());
      ManagedObjectReference pc = s.call((p, c) -> p.createPropertyCollector(c.getPropertyCollector()));
      try {
        s.call((p, c) -> p.createFilter(pc, spec(task), true));
        String version = "";
        long lastBeat = System.nanoTime();
        WaitOptions options = new WaitOptions();
        options.setMaxWaitSeconds((int) Math.max(1, settings.heartbeatInterval().toSeconds()));
        while (true) {
          String since = version;
          UpdateSet set = s.longPoll((p, c) -> p.waitForUpdatesEx(pc, since, options));
          TaskInfo info = null;
          if (set != null) {
            version = set.getVersion();
            info = latest(set);
          }
          if (System.nanoTime() - lastBeat >= settings.heartbeatInterval().toNanos()) {
            activity.heartbeat(info == null ? task.getVal() : info.getState().name());
            lastBeat = System.nanoTime();
          }
          if (info != null && (info.getState() == TaskInfoState.success || info.getState() == TaskInfoState.error)) {
            if (info.getState() == TaskInfoState.error) {
              throw ApplicationFailure.newFailure(info.getError().getLocalizedMessage(), "TaskFailed");
            }
            return new BenchResult(task.getVal(), BenchOperation.nowMicros());
          }
        }
      } finally {
        s.call((p, c) -> {
          p.destroyPropertyCollector(pc);
          return null;
        });
      }
    } catch (RemoteException e) {
      throw ApplicationFailure.newFailure(e.getMessage(), "VCenterCallFailed");
    }
  }

  private static PropertyFilterSpec spec(ManagedObjectReference task) {
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

  private static TaskInfo latest(UpdateSet set) {
    TaskInfo info = null;
    if (set.getFilterSet() != null) {
      for (PropertyFilterUpdate fu : set.getFilterSet()) {
        for (ObjectUpdate ou : fu.getObjectSet()) {
          if (ou.getChangeSet() != null) {
            for (PropertyChange pc : ou.getChangeSet()) {
              if (pc.getVal() instanceof TaskInfo ti) {
                info = ti;
              }
            }
          }
        }
      }
    }
    return info;
  }
}
