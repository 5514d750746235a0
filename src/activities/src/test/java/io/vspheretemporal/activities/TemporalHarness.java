package io.vspheretemporal.activities;

import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vspheretemporal.activities.runner.ProgressSignals;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.testing.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-process Temporal server (real time, no skipping) with workers whose vSphere activities
 * talk to the simulator. The activity worker can be killed and replaced to play a dying worker
 * process; workflows run on a worker of their own that lives on (the test server does not move
 * a dead worker's sticky workflow tasks back to the shared queue, as a real server does).
 */
public final class TemporalHarness implements AutoCloseable {
  public static final String QUEUE = "vsphere";
  public static final RunnerSettings SETTINGS = new RunnerSettings(Duration.ofMillis(200), Duration.ofSeconds(30));

  private final TestWorkflowEnvironment env;
  private final Simulator sim;
  private final SessionListener sessionListener;
  private final SecretResolver secrets;
  private final WorkerFactory workflowFactory;
  private final ProgressSignals progressSignals;
  private WorkerFactory factory;
  private VCenters vcenters;

  private TemporalHarness(Simulator sim, SessionListener sessionListener, SecretResolver secrets, Class<?>... workflows) {
    this.sim = sim;
    this.sessionListener = sessionListener;
    this.secrets = secrets;
    this.env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    this.workflowFactory = WorkerFactory.newInstance(env.getWorkflowClient());
    workflowFactory.newWorker(QUEUE).registerWorkflowImplementationTypes(workflows);
    this.progressSignals = ProgressSignals.forImplementations(java.util.List.of(workflows));
    workflowFactory.start();
  }

  public static TemporalHarness start(Simulator sim, Class<?>... workflows) {
    return start(sim, SessionListener.NONE, SecretResolver.none(), TaskListener.NONE, workflows);
  }

  public static TemporalHarness start(Simulator sim, SessionListener sessions, SecretResolver secrets,
      TaskListener tasks, Class<?>... workflows) {
    TemporalHarness h = new TemporalHarness(sim, sessions, secrets, workflows);
    h.startWorker(tasks);
    return h;
  }

  /** A new activity worker process, as far as Temporal and vSphere can tell: its own factory and sessions. */
  public void startWorker(TaskListener tasks) {
    vcenters = SimVCenter.vcenters(sim, sessionListener);
    TaskRunner runner = new TaskRunner(vcenters, secrets, SETTINGS, tasks, progressSignals);
    factory = WorkerFactory.newInstance(env.getWorkflowClient());
    Worker worker = factory.newWorker(QUEUE, VSphereActivities.workerOptions(SETTINGS).build());
    VSphereActivities.register(worker, runner);
    factory.start();
  }

  /** Stops the worker at once, as a killed process would. */
  public void killWorker() {
    factory.shutdownNow();
    vcenters.close();
  }

  public WorkflowClient client() {
    return env.getWorkflowClient();
  }

  public <T> T newWorkflow(Class<T> type, String id) {
    return client().newWorkflowStub(type, WorkflowOptions.newBuilder()
        .setTaskQueue(QUEUE).setWorkflowId(id + "-" + UUID.randomUUID()).build());
  }

  /** What the Temporal UI shows under the pending activity: its last heartbeat details. */
  public Optional<TaskProgress> pendingProgress(WorkflowStub stub) {
    List<PendingActivityInfo> pending = env.getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setExecution(stub.getExecution())
            .build())
        .getPendingActivitiesList();
    if (pending.isEmpty() || !pending.get(0).hasHeartbeatDetails()) {
      return Optional.empty();
    }
    return Optional.of(DataConverter.getDefaultInstance()
        .fromPayloads(0, Optional.of(pending.get(0).getHeartbeatDetails()), TaskProgress.class, TaskProgress.class));
  }

  public TestWorkflowEnvironment env() {
    return env;
  }

  @Override
  public void close() {
    if (factory != null) {
      factory.shutdownNow();
    }
    workflowFactory.shutdownNow();
    if (vcenters != null) {
      vcenters.close();
    }
    env.close();
  }
}
