package io.vspheretemporal.activities;

import com.vmware.vim25.ManagedObjectReference;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.activities.watch.TaskWatch;
import io.vspheretemporal.testing.Simulator;
import java.time.Duration;

/**
 * A worker's view of one simulator for activity tests: its sessions, a runner with the given
 * secrets, test environments with every activity registered, and direct access to operations.
 */
public final class SimWorker implements AutoCloseable {
  /** One attempt, so a failure reaches the test as it is. */
  public static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
      .setHeartbeatTimeout(Duration.ofSeconds(2))
      .setStartToCloseTimeout(Duration.ofMinutes(1))
      .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
      .build();

  private final VCenters vcenters;
  private final TaskRunner runner;

  public SimWorker(Simulator sim, SecretResolver secrets) {
    this.vcenters = SimVCenter.vcenters(sim, SessionListener.NONE);
    this.runner = new TaskRunner(vcenters, secrets,
        new RunnerSettings(Duration.ofMillis(200), Duration.ofSeconds(30)), TaskListener.NONE);
  }

  /** A fresh test environment running every vSphere activity; close it after the test. */
  public TestActivityEnvironment environment() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(VSphereActivities.implementations(runner).toArray());
    return env;
  }

  public static <T> T stub(TestActivityEnvironment env, Class<T> activities) {
    return env.newActivityStub(activities, OPTIONS);
  }

  public VCenterSession session() {
    return vcenters.session(SimVCenter.NAME);
  }

  /** What an operation's probe and submit see in a step whose key is {@code operationKey}. */
  public OperationContext context(String operationKey, SecretResolver secrets) {
    return new OperationContext(session(), secrets, operationKey);
  }

  /**
   * Submits the operation as a step with the context's key would, without the runner, and waits
   * for its task to end: the work a probe must then recognise.
   */
  public <Q> TaskSnapshot submitAndWait(Operation<Q, ?> op, Q request, OperationContext ctx) throws Exception {
    ManagedObjectReference task = ctx.session().submit(ctx.operationKey(), op.submit().call(ctx, request));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (TaskWatch watch = TaskWatch.of(vcenters.watcher(SimVCenter.NAME), task)) {
      while (System.nanoTime() < deadline) {
        TaskWatch.Outcome o = watch.next(Duration.ofSeconds(5));
        if (o.gone()) {
          throw new IllegalStateException("the simulator forgot task " + task.getVal());
        }
        if (o.snapshot() != null && o.snapshot().done()) {
          return o.snapshot();
        }
      }
    }
    throw new IllegalStateException(op.name() + " task " + task.getVal() + " did not end within 30 s");
  }

  @Override
  public void close() {
    vcenters.close();
  }
}
