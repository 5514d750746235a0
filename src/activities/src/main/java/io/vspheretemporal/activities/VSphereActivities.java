package io.vspheretemporal.activities;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.vspheretemporal.activities.entity.EntityActivitiesImpl;
import io.vspheretemporal.activities.guest.GuestActivitiesImpl;
import io.vspheretemporal.activities.host.HostActivitiesImpl;
import io.vspheretemporal.activities.inventory.InventoryActivitiesImpl;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.snapshot.SnapshotActivitiesImpl;
import io.vspheretemporal.activities.vm.VmActivitiesImpl;
import java.util.List;

/**
 * Every vSphere activity implementation, and the worker options they need.
 *
 * <pre>{@code
 * Worker worker = factory.newWorker("vsphere", VSphereActivities.workerOptions(settings).build());
 * VSphereActivities.register(worker, runner);
 * }</pre>
 */
public final class VSphereActivities {
  private VSphereActivities() {}

  public static List<Object> implementations(TaskRunner runner) {
    return List.of(
        new VmActivitiesImpl(runner),
        new InventoryActivitiesImpl(runner.vcenters()),
        new GuestActivitiesImpl(runner.vcenters(), runner.settings()),
        new HostActivitiesImpl(runner),
        new SnapshotActivitiesImpl(runner),
        new EntityActivitiesImpl(runner));
  }

  public static void register(Worker worker, TaskRunner runner) {
    worker.registerActivitiesImplementations(implementations(runner).toArray());
  }

  /**
   * Activities wait on vSphere for minutes at a time, so they run on virtual threads with a high
   * concurrency limit; the heartbeat throttle follows the runner's heartbeat interval so that a
   * workflow's cancellation reaches vSphere within about one interval (Temporal delivers it in
   * heartbeat answers, and by default throttles heartbeats to 80% of the heartbeat timeout).
   */
  public static WorkerOptions.Builder workerOptions(RunnerSettings settings) {
    return WorkerOptions.newBuilder()
        .setUsingVirtualThreadsOnActivityWorker(true)
        .setMaxConcurrentActivityExecutionSize(10_000)
        .setMaxHeartbeatThrottleInterval(settings.heartbeatInterval())
        .setDefaultHeartbeatThrottleInterval(settings.heartbeatInterval());
  }
}
