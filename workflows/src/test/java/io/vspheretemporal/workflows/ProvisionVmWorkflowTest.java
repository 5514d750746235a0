package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.provision.ProvisionFailure;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmResult;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflow;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@VcSim(taskMillis = 500, guestDelayMillis = 300)
class ProvisionVmWorkflowTest {
  private TemporalHarness rig;

  @BeforeEach
  void start(Simulator sim) {
    rig = WorkflowRig.start(sim);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void provisionsASizedVmThatReportsItsCustomizedAddress(Simulator sim) {
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-happy");
    ProvisionVmResult result = wf.provision(WorkflowRig.vm("web-01", "192.0.2.11"));

    SimVm vm = sim.control().vm("web-01").orElseThrow();
    assertThat(result.vm().value()).isEqualTo(vm.ref());
    assertThat(result.ipAddress()).isEqualTo("192.0.2.11").isEqualTo(vm.ipAddress());
    assertThat(vm.numCpu()).isEqualTo(2);
    assertThat(vm.memoryMB()).isEqualTo(4096);
    assertThat(vm.powerState()).isEqualTo("poweredOn");
    assertThat(result.timings()).extracting(t -> t.step())
        .containsExactly("Find template and placement", "Clone", "Reconfigure", "Power on", "Wait for IP address");
    WorkflowProgress progress = WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
    assertThat(progress.steps()).extracting(StepStatus::state).containsOnly(StepState.DONE);
    assertThat(progress.outcome()).isEqualTo("provisioned at 192.0.2.11");
  }

  @Test
  void theQueryAndCurrentDetailsShowTheStepsAndLiveProgress(Simulator sim) throws Exception {
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(4));
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-progress");
    WorkflowClient.start(wf::provision, WorkflowRig.vm("progress-01", "192.0.2.15"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);

    WorkflowProgress p = WorkflowRig.awaitProgress(stub, x -> "Clone".equals(x.current())
        && x.steps().get(1).progress() != null && x.steps().get(1).progress() >= 30);
    StepStatus clone = p.steps().get(1);
    assertThat(p.steps()).extracting(StepStatus::name)
        .containsExactly("Find template and placement", "Clone", "Reconfigure", "Power on", "Wait for IP address");
    assertThat(p.steps().get(0).state()).isEqualTo(StepState.DONE);
    assertThat(clone.state()).isEqualTo(StepState.RUNNING);
    assertThat(clone.task()).startsWith("task-");
    assertThat(clone.detail()).startsWith("running");
    WorkflowProgress later = WorkflowRig.awaitProgress(stub,
        x -> x.steps().get(1).progress() != null && x.steps().get(1).progress() > clone.progress());
    assertThat(later.steps().get(1).progress()).isGreaterThan(clone.progress());

    String details = stub.query("__temporal_workflow_metadata", io.temporal.api.sdk.v1.WorkflowMetadata.class)
        .getCurrentDetails();
    assertThat(details).contains("**ProvisionVm progress-01 on sim**").contains("[x] Find template and placement")
        .contains("**Clone**").contains("%").contains("[ ] Power on");
    stub.getResult(ProvisionVmResult.class);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("Find template and placement", null, "NotFound"),
        Arguments.of("Clone", "CloneVM_Task", "FileAlreadyExists"),
        Arguments.of("Reconfigure", "ReconfigVM_Task", "InvalidArgument"),
        Arguments.of("Power on", "PowerOnVM_Task", "InvalidPowerState"),
        Arguments.of("Wait for IP address", null, "GuestTimeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailureAtAnyStepLeavesNoVmAndNamesTheStepAndFault(String step, String method, String fault, Simulator sim) {
    String name = "fail-" + step.toLowerCase().replaceAll("[^a-z]+", "-");
    ProvisionVmRequest request = WorkflowRig.vm(name, "192.0.2.12");
    if (method != null) {
      sim.control().injectFault(method, fault, 1);
    }
    if (step.startsWith("Find")) {
      request = new ProvisionVmRequest("sim", name, "tmpl-missing", "DC0/vm", null, "DC0/host/DC0_C0",
          null, null, 2, 4096L, null, null, 60);
    }
    if (step.startsWith("Wait")) {
      sim.control().guestDelay(Duration.ofSeconds(30));
      request = new ProvisionVmRequest("sim", name, "tmpl-ubuntu", "DC0/vm", null, "DC0/host/DC0_C0",
          null, null, null, null, null, null, 2);
    }
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-" + name);
    ProvisionVmRequest finalRequest = request;

    assertThatThrownBy(() -> wf.provision(finalRequest))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(fault);
          assertThat(f.getOriginalMessage()).contains("step '" + step + "' failed").contains(fault).doesNotContain("..");
          ProvisionFailure details = f.getDetails().get(ProvisionFailure.class);
          assertThat(details.step()).isEqualTo(step);
          assertThat(details.undoProblems()).isEmpty();
          if (!step.startsWith("Find") && !step.equals("Clone")) {
            assertThat(details.undone()).contains("destroyed " + name);
          }
        });
    assertThat(sim.control().vm(name)).isEmpty();
  }

  @Test
  void cancellingDuringTheCloneCancelsTheTaskAndLeavesNoVm(Simulator sim) throws Exception {
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(4));
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-cancel-clone");
    WorkflowClient.start(wf::provision, WorkflowRig.vm("cancel-clone", "192.0.2.13"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    WorkflowRig.awaitProgress(stub, p -> "Clone".equals(p.current()));
    Thread.sleep(800);

    stub.cancel();
    assertThatThrownBy(() -> stub.getResult(ProvisionVmResult.class)).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(sim.control().counters().calls("CancelTask")).isEqualTo(1);
    Thread.sleep(4000);
    assertThat(sim.control().vm("cancel-clone")).isEmpty();
    assertThat(stub.query("progress", WorkflowProgress.class).outcome()).startsWith("cancelled");
  }

  @Test
  void cancellingDuringPowerOnWaitsForVSphereThenDestroysTheVm(Simulator sim) throws Exception {
    sim.control().taskDuration("PowerOnVM_Task", Duration.ofSeconds(3));
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-cancel-power");
    WorkflowClient.start(wf::provision, WorkflowRig.vm("cancel-power", "192.0.2.14"));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    WorkflowRig.awaitProgress(stub, p -> "Power on".equals(p.current()));
    Thread.sleep(800);

    stub.cancel();
    assertThatThrownBy(() -> stub.getResult(ProvisionVmResult.class)).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(sim.control().counters().calls("CancelTask")).isZero();
    assertThat(sim.control().counters().calls("PowerOffVM_Task")).isEqualTo(1);
    assertThat(sim.control().vm("cancel-power")).isEmpty();
    assertThat(stub.query("progress", WorkflowProgress.class).outcome())
        .contains("powered off cancel-power").contains("destroyed cancel-power");
  }
}
