package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimHost;
import io.vspheretemporal.workflows.host.OnboardHostRequest;
import io.vspheretemporal.workflows.host.OnboardHostResult;
import io.vspheretemporal.workflows.host.OnboardHostWorkflow;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OnboardHost: add, maintenance mode in and out, the password from a worker secret, removal on failure. */
@VcSim(taskMillis = 500, guestDelayMillis = 300)
class OnboardHostWorkflowTest {
  private static final String SECRET = "esx-root";
  private final String password = "esx-" + UUID.randomUUID();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private TemporalHarness rig;

  @BeforeEach
  void start(Simulator sim) {
    rig = WorkflowRig.start(sim, name -> {
      asked.add(name);
      return name.equals(SECRET) ? Optional.of(Secret.of(password)) : Optional.empty();
    });
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static OnboardHostRequest request(String hostName, String secret) {
    return new OnboardHostRequest("sim", "DC0/host/DC0_C0", hostName, "root", secret, null);
  }

  @Test
  void addsTheHostToTheClusterConnectedAndOutOfMaintenanceMode(Simulator sim) {
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-ok");

    OnboardHostResult result = wf.onboard(request("esx-new.example.com", SECRET));

    SimHost host = host(sim, "esx-new.example.com").orElseThrow();
    assertThat(result.host().type()).isEqualTo(MoRef.HOST_SYSTEM);
    assertThat(result.host().value()).isEqualTo(host.ref());
    assertThat(host.parent()).isEqualTo(sim.control().object("ClusterComputeResource", "DC0_C0").ref());
    assertThat(host.connectionState()).isEqualTo("connected");
    assertThat(host.inMaintenanceMode()).isFalse();
    Counters c = sim.control().counters();
    assertThat(c.calls("AddHost_Task")).isEqualTo(1);
    assertThat(c.calls("EnterMaintenanceMode_Task")).isEqualTo(1);
    assertThat(c.calls("ExitMaintenanceMode_Task")).isEqualTo(1);
    WorkflowProgress progress = WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
    assertThat(progress.steps()).extracting(StepStatus::state).containsOnly(StepState.DONE);
    assertThat(progress.outcome()).isEqualTo("onboarded");
  }

  @Test
  void thePasswordComesFromTheNamedSecretAndNeverEntersTheHistory(Simulator sim) {
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-secret");

    wf.onboard(request("esx-secret.example.com", SECRET));

    assertThat(asked).containsExactly(SECRET);
    // events as text show payloads decoded (the JSON form holds them in base64)
    String history = rig.client().fetchHistory(WorkflowStub.fromTyped(wf).getExecution().getWorkflowId())
        .getEvents().toString();
    assertThat(history).contains("passwordSecret").contains(SECRET).doesNotContain(password);
  }

  @Test
  void anUnknownSecretFailsTheRunBeforeAnyHostIsAdded(Simulator sim) {
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-nosecret");

    assertThatThrownBy(() -> wf.onboard(request("esx-nosecret.example.com", "no-such-secret")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_SECRET);
          assertThat(f.getOriginalMessage()).contains("'no-such-secret'").endsWith("; nothing to undo");
        });
    assertThat(asked).containsExactly("no-such-secret");
    assertThat(sim.control().counters().calls("AddHost_Task")).isZero();
    assertThat(host(sim, "esx-nosecret.example.com")).isEmpty();
  }

  @Test
  void aFailedExitFromMaintenanceModeRemovesTheHostAgain(Simulator sim) {
    sim.control().injectFault("ExitMaintenanceMode_Task", "InvalidState", 1);
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-exit-fails");

    assertThatThrownBy(() -> wf.onboard(request("esx-doomed.example.com", SECRET)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("InvalidState");
          assertThat(f.getOriginalMessage()).startsWith("OnboardHost esx-doomed.example.com failed: InvalidState: ")
              .contains("not allowed in the current state").endsWith("undone: removed esx-doomed.example.com");
        });
    assertThat(host(sim, "esx-doomed.example.com")).isEmpty();
    assertThat(sim.control().counters().calls("Destroy_Task")).isEqualTo(1);
    WorkflowProgress progress = WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
    assertThat(progress.steps()).extracting(StepStatus::name, StepStatus::state).containsExactly(
        tuple("Find cluster", StepState.DONE),
        tuple("Add host", StepState.UNDONE),
        tuple("Enter maintenance mode", StepState.DONE),
        tuple("Exit maintenance mode", StepState.FAILED));
  }

  /** Entering can be cancelled in vSphere (CancelTask), exiting cannot (it is waited out); both end removed. */
  @ParameterizedTest(name = "during {0}")
  @CsvSource({"Enter maintenance mode, EnterMaintenanceMode_Task, 1", "Exit maintenance mode, ExitMaintenanceMode_Task, 0"})
  void cancellingAfterTheHostWasAddedRemovesIt(String step, String method, int cancelTasks, Simulator sim)
      throws Exception {
    String name = "esx-cancel-" + method.substring(0, 4).toLowerCase() + ".example.com";
    sim.control().taskDuration(method, Duration.ofSeconds(2));
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-cancel");
    WorkflowClient.start(wf::onboard, request(name, SECRET));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    WorkflowRig.awaitProgress(stub, p -> step.equals(p.current()));
    WorkflowRig.await(method + " running", () -> sim.control().tasks().stream()
        .anyMatch(t -> t.name().equals(method) && t.entityName().equals(name) && t.state().equals("running")));

    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(OnboardHostResult.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(sim.control().counters().calls("CancelTask")).isEqualTo(cancelTasks);
    assertThat(host(sim, name)).isEmpty();
    WorkflowProgress progress = stub.query("progress", WorkflowProgress.class);
    assertThat(progress.outcome()).isEqualTo("cancelled; undone: removed " + name);
    assertThat(progress.steps().get(1).state()).isEqualTo(StepState.UNDONE);
  }

  private static Optional<SimHost> host(Simulator sim, String name) {
    return sim.control().hosts().stream().filter(h -> h.name().equals(name)).findFirst();
  }
}
