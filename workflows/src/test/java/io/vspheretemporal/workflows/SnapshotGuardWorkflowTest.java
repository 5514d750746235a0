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
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.snapshot.GuardedChange;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardRequest;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardResult;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardWorkflow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SnapshotGuard on a running VM cloned for each test. The simulator's RevertToSnapshot_Task only
 * moves the current snapshot (it restores neither CPUs nor power state), so a revert shows as the
 * call on the guard's own snapshot, not as the VM's old size.
 */
@VcSim(taskMillis = 500, guestDelayMillis = 300)
class SnapshotGuardWorkflowTest {
  private static final List<GuardedChange> CHANGES = List.of(GuardedChange.reconfigure(2, null), GuardedChange.powerCycle());

  private TemporalHarness rig;
  private SimFixtures fixtures;
  private Set<String> earlierTasks;

  @BeforeEach
  void start(Simulator sim) {
    rig = WorkflowRig.start(sim);
    fixtures = new SimFixtures(sim);
    earlierTasks = sim.control().tasks().stream().map(SimTask::ref).collect(Collectors.toSet());
  }

  @AfterEach
  void stop() {
    fixtures.close();
    rig.close();
  }

  @Test
  void appliesTheChangesThenRemovesTheSnapshot(Simulator sim) throws Exception {
    MoRef vm = fixtures.cloneVm("guard-ok", true);
    assertThat(sim.control().vm("guard-ok").orElseThrow().numCpu()).isNotEqualTo(2);
    sim.control().resetCounters();
    SnapshotGuardWorkflow wf = rig.newWorkflow(SnapshotGuardWorkflow.class, "guard-ok");

    SnapshotGuardResult result = wf.guard(new SnapshotGuardRequest("sim", "guard-ok", "before-resize", CHANGES));

    assertThat(result.vm()).isEqualTo(vm);
    assertThat(result.applied()).containsExactly("Reconfigure 2 vCPU", "Power cycle");
    SimVm after = sim.control().vm("guard-ok").orElseThrow();
    assertThat(after.numCpu()).isEqualTo(2);
    assertThat(after.powerState()).isEqualTo("poweredOn");
    Counters c = sim.control().counters();
    assertThat(c.calls("CreateSnapshot_Task")).isEqualTo(1);
    assertThat(c.calls("PowerOffVM_Task")).isEqualTo(1);
    assertThat(c.calls("PowerOnVM_Task")).isEqualTo(1);
    assertThat(c.calls("RevertToSnapshot_Task")).isZero();
    assertThat(c.calls("RemoveSnapshot_Task")).isEqualTo(1);
    assertThat(fixtures.snapshots(vm)).as("the VM's snapshots").isNull();
    WorkflowProgress progress = progress(wf);
    assertThat(progress.steps()).extracting(StepStatus::name, StepStatus::state).containsExactly(
        tuple("Find VM", StepState.DONE),
        tuple("Snapshot", StepState.DONE),
        tuple("1. Reconfigure 2 vCPU", StepState.DONE),
        tuple("2. Power cycle", StepState.DONE),
        tuple("Revert to snapshot", StepState.SKIPPED),
        tuple("Remove snapshot", StepState.DONE));
    assertThat(progress.outcome()).isEqualTo("changes applied, snapshot removed");
  }

  @Test
  void aFailedChangeRevertsToTheGuardSnapshotAndRemovesIt(Simulator sim) throws Exception {
    MoRef vm = fixtures.cloneVm("guard-fail", true);
    sim.control().injectFault("PowerOffVM_Task", "InvalidPowerState", 1);
    SnapshotGuardWorkflow wf = rig.newWorkflow(SnapshotGuardWorkflow.class, "guard-fail");

    assertThatThrownBy(() -> wf.guard(new SnapshotGuardRequest("sim", "guard-fail", "before-resize", CHANGES)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("InvalidPowerState");
          assertThat(f.getOriginalMessage()).startsWith("SnapshotGuard guard-fail: a change failed (InvalidPowerState: ")
              .endsWith("reverted to snapshot before-resize and removed it");
        });

    assertRevertedToItsOwnSnapshotAndRemovedIt(sim, vm);
    assertThat(sim.control().counters().calls("PowerOnVM_Task")).as("the power cycle stopped at its failed power-off").isZero();
    WorkflowProgress progress = progress(wf);
    assertThat(progress.steps()).extracting(StepStatus::name, StepStatus::state).containsExactly(
        tuple("Find VM", StepState.DONE),
        tuple("Snapshot", StepState.DONE),
        tuple("1. Reconfigure 2 vCPU", StepState.DONE),
        tuple("2. Power cycle", StepState.FAILED),
        tuple("Revert to snapshot", StepState.DONE),
        tuple("Remove snapshot", StepState.DONE));
    assertThat(progress.outcome()).startsWith("failed; reverted");
  }

  /** Neither task can be cancelled in vSphere: the guard waits it out, then reverts. */
  @ParameterizedTest(name = "during {0}")
  @CsvSource({"1. Reconfigure 2 vCPU, ReconfigVM_Task", "2. Power cycle, PowerOnVM_Task"})
  void cancellingDuringAChangeRevertsAndRemovesTheSnapshot(String step, String method, Simulator sim) throws Exception {
    String name = "guard-cancel-" + step.charAt(0);
    MoRef vm = fixtures.cloneVm(name, true);
    sim.control().taskDuration(method, Duration.ofSeconds(2));
    SnapshotGuardWorkflow wf = rig.newWorkflow(SnapshotGuardWorkflow.class, name);
    WorkflowClient.start(wf::guard, new SnapshotGuardRequest("sim", name, "before-resize", CHANGES));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    WorkflowRig.awaitProgress(stub, p -> step.equals(p.current()));
    WorkflowRig.await(method + " running", () -> tasksSince(sim).stream()
        .anyMatch(t -> t.name().equals(method) && t.state().equals("running")));

    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(SnapshotGuardResult.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    assertRevertedToItsOwnSnapshotAndRemovedIt(sim, vm);
    assertThat(progress(wf).outcome()).isEqualTo("cancelled; reverted to snapshot before-resize and removed it");
  }

  private void assertRevertedToItsOwnSnapshotAndRemovedIt(Simulator sim, MoRef vm) throws Exception {
    List<SimTask> tasks = tasksSince(sim);
    SimTask created = single(tasks, "CreateSnapshot_Task");
    SimTask reverted = single(tasks, "RevertToSnapshot_Task");
    SimTask removed = single(tasks, "RemoveSnapshot_Task");
    assertThat(created.result()).startsWith("VirtualMachineSnapshot:");
    String snapshot = created.result().substring("VirtualMachineSnapshot:".length());
    assertThat(reverted.entity()).isEqualTo(snapshot);
    assertThat(reverted.state()).isEqualTo("success");
    assertThat(removed.entity()).isEqualTo(snapshot);
    assertThat(removed.state()).isEqualTo("success");
    assertThat(removed.completed()).isAfterOrEqualTo(reverted.completed());
    assertThat(fixtures.snapshots(vm)).as("the VM's snapshots").isNull();
  }

  private List<SimTask> tasksSince(Simulator sim) {
    return sim.control().tasks().stream().filter(t -> !earlierTasks.contains(t.ref())).toList();
  }

  private static SimTask single(List<SimTask> tasks, String method) {
    List<SimTask> found = tasks.stream().filter(t -> t.name().equals(method)).toList();
    assertThat(found).as(method + " tasks").hasSize(1);
    return found.get(0);
  }

  private static WorkflowProgress progress(SnapshotGuardWorkflow wf) {
    return WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
  }
}
