package io.vspheretemporal.activities;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
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
 * Every vSphere activity implementation, and the worker and client options they need.
 *
 * <pre>{@code
 * WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
 *     .setDataConverter(VSphereActivities.dataConverter()).build());
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

  /**
   * Temporal's default data converter, with Jackson's buffers kept in one shared pool. Jackson keeps
   * them (about 40 KB) in a ThreadLocal by default, and every activity runs on a virtual thread of
   * its own, so each waiting step would hold a private copy for as long as it waits: two thirds of
   * a waiting step's heap, measured with {@code bench --heap-profile}. The JSON is the same.
   */
  public static DataConverter dataConverter() {
    ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper();
    mapper.getFactory().setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
  }
}
