package io.vspheretemporal.worker.bench;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.mo.Task;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.session.VCenterSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * yavijava's {@code Task.waitForTask()}: RetrieveProperties of the task's info every 500 ms while
 * it runs (1 s while queued). It blocks without heartbeating, so it runs on its own thread while
 * the activity heartbeats at the same cadence as ours.
 */
final class PollingTask implements BenchTask {
  private final VCenters vcenters;
  private final RunnerSettings settings;

  PollingTask(VCenters vcenters, RunnerSettings settings) {
    this.vcenters = vcenters;
    this.settings = settings;
  }

  @Override
  public BenchResult run(BenchRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    VCenterSession s = vcenters.session(request.vcenter());
    try {
      ManagedObjectReference ref = s.call((p, c) -> BenchOperation.submit(p, request));
      activity.heartbeat(ref.getVal());
      Task task = new Task(s.moConnection(), ref);
      CompletableFuture<String> waiting = new CompletableFuture<>();
      Thread.ofVirtual().start(() -> {
        try {
          waiting.complete(task.waitForTask());
        } catch (Exception e) {
          waiting.completeExceptionally(e);
        }
      });
      while (true) {
        try {
          String state = waiting.get(settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
          if (!"success".equals(state)) {
            throw ApplicationFailure.newFailure("task ended " + state, "TaskFailed");
          }
          return new BenchResult(ref.getVal(), BenchOperation.nowMicros());
        } catch (TimeoutException e) {
          activity.heartbeat(ref.getVal());
        }
      }
    } catch (ExecutionException | java.rmi.RemoteException e) {
      throw ApplicationFailure.newFailure(e.getMessage(), "VCenterCallFailed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted", "Interrupted");
    }
  }
}
