package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.client.WorkflowStub;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.workflows.decommission.DecommissionVmRequest;
import io.vspheretemporal.workflows.decommission.DecommissionVmResult;
import io.vspheretemporal.workflows.decommission.DecommissionVmWorkflow;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.StepTiming;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim(taskMillis = 500, guestDelayMillis = 300)
class DecommissionVmWorkflowTest {
  private TemporalHarness rig;
  private SimFixtures fixtures;

  @BeforeEach
  void start(Simulator sim) {
    rig = WorkflowRig.start(sim);
    fixtures = new SimFixtures(sim);
  }

  @AfterEach
  void stop() {
    fixtures.close();
    rig.close();
  }

  @Test
  void aRunningVmIsPoweredOffThenDestroyed(Simulator sim) {
    fixtures.cloneVm("decom-on", true);
    assertThat(sim.control().vm("decom-on").orElseThrow().powerState()).isEqualTo("poweredOn");
    DecommissionVmWorkflow wf = rig.newWorkflow(DecommissionVmWorkflow.class, "decom-on");

    DecommissionVmResult result = wf.decommission(new DecommissionVmRequest("sim", "DC0/vm/decom-on"));

    assertThat(result.alreadyGone()).isFalse();
    assertThat(result.poweredOff()).isTrue();
    assertThat(result.destroyed()).isTrue();
    assertThat(result.timings()).extracting(StepTiming::step).containsExactly("Find VM", "Power off", "Destroy");
    assertThat(sim.control().vm("decom-on")).isEmpty();
    Counters c = sim.control().counters();
    assertThat(c.calls("PowerOffVM_Task")).isEqualTo(1);
    assertThat(c.calls("Destroy_Task")).isEqualTo(1);
    WorkflowProgress progress = progress(wf);
    assertThat(progress.steps()).extracting(StepStatus::state).containsOnly(StepState.DONE);
    assertThat(progress.outcome()).isEqualTo("destroyed");
  }

  @Test
  void aPoweredOffVmIsDestroyedWithoutAPowerOff(Simulator sim) {
    fixtures.cloneVm("decom-off", false);
    assertThat(sim.control().vm("decom-off").orElseThrow().powerState()).isEqualTo("poweredOff");
    DecommissionVmWorkflow wf = rig.newWorkflow(DecommissionVmWorkflow.class, "decom-off");

    DecommissionVmResult result = wf.decommission(new DecommissionVmRequest("sim", "decom-off"));

    assertThat(result.alreadyGone()).isFalse();
    assertThat(result.poweredOff()).isFalse();
    assertThat(result.destroyed()).isTrue();
    assertThat(sim.control().vm("decom-off")).isEmpty();
    assertThat(sim.control().counters().calls("PowerOffVM_Task")).isZero();
    assertThat(sim.control().counters().calls("Destroy_Task")).isEqualTo(1);
    assertThat(progress(wf).steps()).extracting(StepStatus::name, StepStatus::state, StepStatus::detail)
        .element(1).isEqualTo(tuple("Power off", StepState.SKIPPED, "already poweredOff"));
  }

  @Test
  void aVmThatIsAlreadyGoneIsASuccess(Simulator sim) {
    DecommissionVmWorkflow wf = rig.newWorkflow(DecommissionVmWorkflow.class, "decom-gone");

    DecommissionVmResult result = wf.decommission(new DecommissionVmRequest("sim", "DC0/vm/never-was"));

    assertThat(result.alreadyGone()).isTrue();
    assertThat(result.poweredOff()).isFalse();
    assertThat(result.destroyed()).isFalse();
    assertThat(result.vm()).isEqualTo("DC0/vm/never-was");
    assertThat(sim.control().counters().calls("Destroy_Task")).isZero();
    WorkflowProgress progress = progress(wf);
    assertThat(progress.outcome()).isEqualTo("already gone");
    // a successful run's checklist shows no failed step
    assertThat(progress.steps()).extracting(StepStatus::state)
        .containsExactly(StepState.DONE, StepState.SKIPPED, StepState.SKIPPED);
    assertThat(progress.steps()).allSatisfy(s -> assertThat(s.detail()).isEqualTo("no such VM"));
  }

  private static WorkflowProgress progress(DecommissionVmWorkflow wf) {
    return WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
  }
}
