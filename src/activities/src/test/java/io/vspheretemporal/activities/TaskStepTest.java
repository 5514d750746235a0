package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.vspheretemporal.activities.flows.CloneWorkflow;
import io.vspheretemporal.activities.flows.CloneWorkflowImpl;
import io.vspheretemporal.activities.flows.PowerOnWorkflow;
import io.vspheretemporal.activities.flows.PowerOnWorkflowImpl;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task step in a workflow against the simulator: the acceptance of issue 3. */
@VcSim(taskMillis = 3000)
class TaskStepTest {
  private TemporalHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private TemporalHarness harness(Simulator sim) {
    harness = TemporalHarness.start(sim, CloneWorkflowImpl.class, PowerOnWorkflowImpl.class);
    return harness;
  }

  private static CloneVmRequest clone(Simulator sim, String name) {
    SimRefs refs = new SimRefs(sim);
    return CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), name, null);
  }

  @Test
  void heartbeatDetailsShowTheTaskAndItsRisingProgress(Simulator sim) throws Exception {
    TemporalHarness h = harness(sim);
    CloneWorkflow wf = h.newWorkflow(CloneWorkflow.class, "heartbeats");
    WorkflowClient.start(wf::clone, clone(sim, "hb-clone"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);

    List<TaskProgress> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && sim.control().vm("hb-clone").isEmpty()) {
      h.pendingProgress(stub).ifPresent(seen::add);
      Thread.sleep(100);
    }
    MoRef vm = stub.getResult(MoRef.class);

    assertThat(vm.value()).isEqualTo(sim.control().vm("hb-clone").orElseThrow().ref());
    assertThat(seen).isNotEmpty().allSatisfy(p -> {
      assertThat(p.task()).isNotNull();
      assertThat(p.task().type()).isEqualTo("Task");
      assertThat(p.operation()).isEqualTo("CloneVM_Task");
      assertThat(p.target()).isEqualTo(SimRefs.CLUSTER_VM);
    });
    List<Integer> progress = seen.stream().map(TaskProgress::progress).filter(p -> p != null).distinct().toList();
    assertThat(progress).hasSizeGreaterThanOrEqualTo(3).isSorted();
    assertThat(seen).extracting(TaskProgress::state).contains("running");
  }

  @Test
  void cancellingTheWorkflowCancelsTheCloneInVSphereOnce(Simulator sim) throws Exception {
    TemporalHarness h = harness(sim);
    CloneWorkflow wf = h.newWorkflow(CloneWorkflow.class, "cancel-clone");
    WorkflowClient.start(wf::clone, clone(sim, "cancelled-clone"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    awaitProgress(h, stub, p -> p.progress() != null && p.progress() >= 20);

    stub.cancel();
    assertThatThrownBy(() -> stub.getResult(MoRef.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);

    SimTask task = sim.control().tasks().stream().filter(t -> t.name().equals("CloneVM_Task")).findFirst().orElseThrow();
    assertThat(task.state()).isEqualTo("error");
    assertThat(task.cancelled()).isTrue();
    assertThat(task.error()).startsWith("RequestCanceled");
    assertThat(sim.control().counters().calls("CancelTask")).isEqualTo(1);
    Instant reported = eventTime(h, stub, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED);
    assertThat(Duration.between(task.completed(), reported)).isLessThan(Duration.ofSeconds(2));
    Thread.sleep(3000); // the clone's full duration: its VM must never appear
    assertThat(sim.control().vm("cancelled-clone")).isEmpty();
  }

  @Test
  void cancellingDuringPowerOnWaitsForVSphereAndReportsTheOutcome(Simulator sim) throws Exception {
    TemporalHarness h = harness(sim);
    sim.control().taskDuration(Duration.ofMillis(300));
    MoRef vm = h.newWorkflow(CloneWorkflow.class, "prepare").clone(clone(sim, "power-target"));
    sim.control().taskDuration("PowerOnVM_Task", Duration.ofSeconds(3));

    PowerOnWorkflow wf = h.newWorkflow(PowerOnWorkflow.class, "cancel-power-on");
    WorkflowClient.start(wf::powerOn, vm);
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    awaitProgress(h, stub, p -> p.progress() != null && p.progress() >= 20);
    stub.cancel();

    // Temporal reports a cancelled run as cancelled; the workflow code still got the step's outcome.
    assertThatThrownBy(() -> stub.getResult(String.class)).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(stub.query("outcome", String.class)).isEqualTo("powered on");
    assertThat(sim.control().vm("power-target").orElseThrow().powerState()).isEqualTo("poweredOn");
    assertThat(sim.control().counters().calls("CancelTask")).isZero();
  }

  @Test
  void aWorkerThatDiesAfterHeartbeatingTheTaskIsReplacedWithoutASecondClone(Simulator sim) throws Exception {
    sim.control().taskDuration(Duration.ofSeconds(5));
    AtomicInteger kills = new AtomicInteger();
    harness = TemporalHarness.start(sim, SessionListener.NONE, SecretResolver.none(), new TaskListener() {
      @Override
      public void submitted(String vcenter, String operation, String task) {
        if (kills.getAndIncrement() == 0) {
          // Die shortly after this attempt heartbeats the task reference.
          Thread.ofVirtual().start(() -> {
            sleep(600);
            harness.killWorker();
          });
        }
      }
    }, CloneWorkflowImpl.class);
    CloneWorkflow wf = harness.newWorkflow(CloneWorkflow.class, "dies-after-heartbeat");
    WorkflowClient.start(wf::clone, clone(sim, "survivor-clone"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    awaitProgress(harness, stub, p -> p.task() != null);
    Thread.sleep(1500); // the worker is dead by now
    harness.startWorker(TaskListener.NONE);

    MoRef vm = stub.getResult(MoRef.class);
    assertThat(vm.value()).isEqualTo(sim.control().vm("survivor-clone").orElseThrow().ref());
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
    assertThat(attempts(harness, stub)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anAttemptThatLostTheTaskReferenceFindsItsTaskInsteadOfSubmittingAgain(Simulator sim) throws Exception {
    AtomicInteger submits = new AtomicInteger();
    harness = TemporalHarness.start(sim, SessionListener.NONE, SecretResolver.none(), new TaskListener() {
      @Override
      public void submitted(String vcenter, String operation, String task) {
        if (submits.getAndIncrement() == 0) {
          throw new IllegalStateException("simulated crash before the task reference was heartbeated");
        }
      }
    }, CloneWorkflowImpl.class);
    MoRef vm = harness.newWorkflow(CloneWorkflow.class, "lost-ref").clone(clone(sim, "probe-clone"));

    assertThat(vm.value()).isEqualTo(sim.control().vm("probe-clone").orElseThrow().ref());
    assertThat(submits.get()).isEqualTo(1);
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
  }

  @Test
  void whenVSphereForgotTheTaskTheProbeFindsTheFinishedClone(Simulator sim) throws Exception {
    AtomicInteger submits = new AtomicInteger();
    harness = TemporalHarness.start(sim, SessionListener.NONE, SecretResolver.none(), new TaskListener() {
      @Override
      public void submitted(String vcenter, String operation, String task) {
        if (submits.getAndIncrement() == 0) {
          // vCenter restarts with the clone past its point of no return, then this worker dies.
          sim.control().restart(true, Duration.ZERO);
          throw new IllegalStateException("simulated crash before the task reference was heartbeated");
        }
      }
    }, CloneWorkflowImpl.class);
    MoRef vm = harness.newWorkflow(CloneWorkflow.class, "forgotten").clone(clone(sim, "forgotten-clone"));

    assertThat(vm.value()).isEqualTo(sim.control().vm("forgotten-clone").orElseThrow().ref());
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
  }

  @Test
  void duplicateNameFailsTheStepAtOnceWithVSpheresMessage(Simulator sim) {
    TemporalHarness h = harness(sim);
    sim.control().injectFault("CloneVM_Task", "DuplicateName", 1);
    CloneWorkflow wf = h.newWorkflow(CloneWorkflow.class, "duplicate");

    assertThatThrownBy(() -> wf.clone(clone(sim, "dup-clone")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("DuplicateName");
          assertThat(f.getOriginalMessage()).isEqualTo("The name 'dup-clone' already exists.");
          assertThat(f.isNonRetryable()).isTrue();
        });
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
    assertThat(sim.control().vm("dup-clone")).isEmpty();
  }

  @Test
  void aHostCommunicationFaultIsRetriedAndTheStepSucceeds(Simulator sim) throws Exception {
    TemporalHarness h = harness(sim);
    sim.control().taskDuration(Duration.ofMillis(500));
    sim.control().injectFault("CloneVM_Task", "HostCommunication", 1);
    CloneWorkflow wf = h.newWorkflow(CloneWorkflow.class, "retried");
    MoRef vm = wf.clone(clone(sim, "retried-clone"));

    assertThat(vm.value()).isEqualTo(sim.control().vm("retried-clone").orElseThrow().ref());
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(2);
    assertThat(attempts(h, WorkflowStub.fromTyped(wf))).isEqualTo(2);
  }

  @Test
  void sessionsExpiringDuringTheWaitCostOneLoginAndNoFailure(Simulator sim) throws Exception {
    AtomicInteger relogins = new AtomicInteger();
    harness = TemporalHarness.start(sim, new SessionListener() {
      @Override
      public void relogin(String vcenter) {
        relogins.incrementAndGet();
      }
    }, SecretResolver.none(), TaskListener.NONE, CloneWorkflowImpl.class);
    CloneWorkflow wf = harness.newWorkflow(CloneWorkflow.class, "expiry");
    WorkflowClient.start(wf::clone, clone(sim, "expiry-clone"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    awaitProgress(harness, stub, p -> p.progress() != null && p.progress() >= 20);

    assertThat(sim.control().expireSessions()).isEqualTo(1);
    MoRef vm = stub.getResult(MoRef.class);

    assertThat(vm.value()).isEqualTo(sim.control().vm("expiry-clone").orElseThrow().ref());
    assertThat(relogins.get()).isEqualTo(1);
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
    assertThat(attempts(harness, stub)).isEqualTo(1);
  }

  static void awaitProgress(TemporalHarness h, WorkflowStub stub, Predicate<TaskProgress> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var p = h.pendingProgress(stub);
      if (p.isPresent() && condition.test(p.get())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the step never reported the expected progress");
  }

  static Instant eventTime(TemporalHarness h, WorkflowStub stub, EventType type) {
    for (HistoryEvent e : h.client().fetchHistory(stub.getExecution().getWorkflowId()).getEvents()) {
      if (e.getEventType() == type) {
        return Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      }
    }
    throw new AssertionError("no " + type + " in the history");
  }

  /** The attempt number of the (only) activity's last start. */
  static int attempts(TemporalHarness h, WorkflowStub stub) {
    int attempt = 0;
    for (HistoryEvent e : h.client().fetchHistory(stub.getExecution().getWorkflowId()).getEvents()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        attempt = e.getActivityTaskStartedEventAttributes().getAttempt();
      }
    }
    return attempt;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
