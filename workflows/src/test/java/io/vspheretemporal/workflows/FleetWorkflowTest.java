package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.FleetResult;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.fleet.ProvisionFleetWorkflow;
import io.vspheretemporal.workflows.fleet.VmOutcome;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ProvisionFleet: child workflows, the parallelism limit, both failure policies, cancellation, bad input. */
@VcSim(taskMillis = 500, guestDelayMillis = 300)
class FleetWorkflowTest {
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
  void provisionsTwentyVmsAsChildWorkflowsWithNeverMoreThanFiveClonesAtOnce(Simulator sim) {
    // a clone that outlasts the look-ups before it makes the five clones of a wave overlap
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(1));
    sim.control().resetCounters();
    List<ProvisionVmRequest> vms = WorkflowRig.fleet("fleet-ok", "198.51.100", 20);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "fleet-ok");
    String fleetId = WorkflowClient.start(wf::provision,
        new ProvisionFleetRequest("fleet-ok", vms, 5, FailurePolicy.CONTINUE)).getWorkflowId();
    FleetResult result = WorkflowStub.fromTyped(wf).getResult(FleetResult.class);

    assertThat(result.provisioned()).isEqualTo(20);
    assertThat(result.failed()).isZero();
    assertThat(result.vms()).extracting(VmOutcome::name).containsExactlyElementsOf(names(vms));
    assertThat(result.vms()).extracting(VmOutcome::status).containsOnly("provisioned");
    Map<String, SimVm> inSim = sim.control().vms("fleet-ok-").stream()
        .collect(Collectors.toMap(SimVm::name, Function.identity()));
    assertThat(inSim).hasSize(20);
    for (int i = 0; i < vms.size(); i++) {
      VmOutcome o = result.vms().get(i);
      SimVm vm = inSim.get(o.name());
      assertThat(o.ipAddress()).as(o.name()).isEqualTo(vms.get(i).customization().ipAddress()).isEqualTo(vm.ipAddress());
      assertThat(o.vm().value()).as(o.name()).isEqualTo(vm.ref());
      assertThat(vm.powerState()).as(o.name()).isEqualTo("poweredOn");
    }

    Counters.TaskCounts tasks = sim.control().counters().tasks();
    assertThat(tasks.created("CloneVM_Task")).isEqualTo(20);
    assertThat(tasks.peakInFlight("CloneVM_Task")).as("clones in flight at once, at most").isLessThanOrEqualTo(5);
    assertThat(tasks.peakInFlight("CloneVM_Task")).as("clones in flight at once: the limit is used").isEqualTo(5);

    for (VmOutcome o : result.vms()) {
      WorkflowStub child = rig.client().newUntypedWorkflowStub(fleetId + "/" + o.name());
      WorkflowExecutionDescription d = child.describe();
      assertThat(d.getWorkflowType()).isEqualTo("ProvisionVm");
      assertThat(d.getParentExecution().getWorkflowId()).isEqualTo(fleetId);
      assertThat(d.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
      assertThat(child.getResult(ProvisionVmResult.class).ipAddress()).isEqualTo(o.ipAddress());
    }
    WorkflowProgress progress = WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
    assertThat(progress.steps()).extracting(StepStatus::state).hasSize(20).containsOnly(StepState.DONE);
    assertThat(progress.outcome()).isEqualTo("20 provisioned, 0 failed");
  }

  @Test
  void stopAndUndoAllStopsAtTheFirstFailureAndLeavesNoVmOfTheFleet(Simulator sim) throws Exception {
    List<ProvisionVmRequest> vms = WorkflowRig.fleet("fleet-stop", "198.51.101", 20);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "fleet-stop");
    WorkflowClient.start(wf::provision, new ProvisionFleetRequest("fleet-stop", vms, 5, FailurePolicy.STOP_AND_UNDO_ALL));
    // the first wave's five clones are submitted; the next clone (the sixth) fails
    WorkflowRig.await("the first five clones", () -> sim.control().counters().calls("CloneVM_Task") >= 5);
    sim.control().injectFault("CloneVM_Task", "DuplicateName", 1);

    WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(FleetResult.class));
    assertThat(e).isNotNull().cause().isInstanceOf(ApplicationFailure.class);
    ApplicationFailure f = (ApplicationFailure) e.getCause();
    assertThat(f.getType()).isEqualTo("FleetFailed");
    FleetResult details = f.getDetails().get(FleetResult.class);
    List<VmOutcome> failed = withStatus(details, "failed");
    assertThat(failed).hasSize(1);
    String name = failed.get(0).name();
    assertThat(f.getOriginalMessage()).contains("stopped at the first failure")
        .contains(name + ": DuplicateName").contains("The name '" + name + "' already exists");

    // the VM that finished and freed the failing VM's slot was provisioned, then undone
    assertThat(details.provisioned()).isZero();
    assertThat(details.vms()).extracting(VmOutcome::status).containsOnly("failed", "undone", "cancelled", "not started");
    assertThat(withStatus(details, "undone")).isNotEmpty().allSatisfy(o -> assertThat(o.error())
        .startsWith("another VM failed; undone:").contains("destroyed " + o.name()).doesNotContain("NOT undone"));
    assertThat(sim.control().vms("fleet-stop-")).isEmpty();

    long notStarted = withStatus(details, "not started").size();
    long clones = sim.control().counters().tasks().created("CloneVM_Task");
    assertThat(notStarted).as("VMs never started").isPositive();
    assertThat(clones).as("clones submitted").isLessThan(20).isLessThanOrEqualTo(20 - notStarted);
  }

  @Test
  void continueProvisionsTheOthersAndReportsTheFailedVmWithVSpheresFault(Simulator sim) {
    List<ProvisionVmRequest> vms = WorkflowRig.fleet("fleet-go", "198.51.102", 6);
    sim.control().injectFault("CloneVM_Task", "DuplicateName", 1);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "fleet-go");

    FleetResult result = wf.provision(new ProvisionFleetRequest("fleet-go", vms, 3, FailurePolicy.CONTINUE));

    assertThat(result.provisioned()).isEqualTo(5);
    assertThat(result.failed()).isEqualTo(1);
    VmOutcome failed = withStatus(result, "failed").get(0);
    assertThat(failed.vm()).isNull();
    assertThat(failed.error()).startsWith("DuplicateName: ")
        .contains("step 'Clone' failed").contains("The name '" + failed.name() + "' already exists. Nothing was created.");
    assertThat(sim.control().vm(failed.name())).isEmpty();
    for (VmOutcome o : withStatus(result, "provisioned")) {
      SimVm vm = sim.control().vm(o.name()).orElseThrow();
      assertThat(vm.ipAddress()).as(o.name()).isEqualTo(o.ipAddress()).startsWith("198.51.102.");
      assertThat(vm.powerState()).as(o.name()).isEqualTo("poweredOn");
    }
    WorkflowProgress progress = WorkflowStub.fromTyped(wf).query("progress", WorkflowProgress.class);
    assertThat(progress.steps()).filteredOn(s -> s.name().equals(failed.name()))
        .singleElement().extracting(StepStatus::state).isEqualTo(StepState.FAILED);
    assertThat(progress.outcome()).isEqualTo("5 provisioned, 1 failed");
  }

  @Test
  void cancellingTheFleetCancelsRunningClonesAndRemovesEveryVmItMade(Simulator sim) throws Exception {
    // long clones: the cancel finds the second wave's clones running in vSphere
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(3));
    Set<String> earlierTasks = sim.control().tasks().stream().map(SimTask::ref).collect(Collectors.toSet());
    List<ProvisionVmRequest> vms = WorkflowRig.fleet("fleet-cancel", "198.51.103", 20);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "fleet-cancel");
    WorkflowClient.start(wf::provision, new ProvisionFleetRequest("fleet-cancel", vms, 5, FailurePolicy.CONTINUE));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    WorkflowRig.awaitProgress(stub, p -> p.steps().stream().anyMatch(s -> s.state() == StepState.DONE));
    WorkflowRig.await("a clone of the second wave running", () -> !running(clones(sim, earlierTasks)).isEmpty());
    List<String> provisioned = stub.query("progress", WorkflowProgress.class).steps().stream()
        .filter(s -> s.state() == StepState.DONE).map(StepStatus::name).toList();
    Set<String> runningClones = running(clones(sim, earlierTasks));

    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(FleetResult.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(stub.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
    WorkflowRig.await("every task of the fleet to end", () -> running(tasksSince(sim, earlierTasks)).isEmpty());

    List<SimTask> wereRunning = clones(sim, earlierTasks).stream().filter(t -> runningClones.contains(t.ref())).toList();
    assertThat(wereRunning).as("clones running at the cancel").isNotEmpty()
        .allSatisfy(t -> assertThat(t.cancelled() || "success".equals(t.state()))
            .as(t.ref() + " (" + t.state() + ", " + t.error() + ") was cancelled or had already finished").isTrue())
        .anySatisfy(t -> assertThat(t.error()).startsWith("RequestCanceled"));
    long cancelled = clones(sim, earlierTasks).stream().filter(SimTask::cancelled).count();
    assertThat(sim.control().counters().calls("CancelTask")).isGreaterThanOrEqualTo(cancelled);

    assertThat(provisioned).as("VMs provisioned before the cancel").isNotEmpty();
    assertThat(sim.control().vms("fleet-cancel-")).isEmpty();
    WorkflowProgress progress = stub.query("progress", WorkflowProgress.class);
    assertThat(progress.outcome()).endsWith(", cancelled");
    assertThat(progress.steps()).filteredOn(s -> provisioned.contains(s.name()))
        .allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.UNDONE));
    assertThat(progress.steps()).as("a cancelled VM is not a failed one").extracting(StepStatus::state)
        .containsOnly(StepState.UNDONE, StepState.PENDING);
  }

  static Stream<Arguments> badRequests() {
    List<ProvisionVmRequest> three = WorkflowRig.fleet("bad", "198.51.104", 3);
    List<ProvisionVmRequest> tooMany = IntStream.rangeClosed(1, 501)
        .mapToObj(i -> WorkflowRig.vm("big-" + i, "10.9." + i / 250 + "." + (i % 250 + 1))).toList();
    return Stream.of(
        Arguments.of("duplicate names", new ProvisionFleetRequest("bad", List.of(three.get(0), three.get(1), three.get(0)),
            2, FailurePolicy.CONTINUE), "VM names must be unique in a fleet; repeated: bad-01"),
        Arguments.of("501 VMs", new ProvisionFleetRequest("bad", tooMany, 5, FailurePolicy.CONTINUE),
            "a fleet has at most 500 VMs, got 501"),
        Arguments.of("parallelism 0", new ProvisionFleetRequest("bad", three, 0, FailurePolicy.STOP_AND_UNDO_ALL),
            "parallelism must be 1 to 50, got 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestIsRejectedNamingTheProblemBeforeAnythingIsCloned(String what, ProvisionFleetRequest request,
      String problem, Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "fleet-bad");

    assertThatThrownBy(() -> wf.provision(request))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
          assertThat(f.getOriginalMessage()).startsWith("ProvisionFleet request rejected").contains(problem);
        });
    String id = WorkflowStub.fromTyped(wf).getExecution().getWorkflowId();
    assertThat(rig.client().fetchHistory(id).getEvents())
        .noneMatch(ev -> ev.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
    proof.assertNoChange();
  }

  private static List<String> names(List<ProvisionVmRequest> vms) {
    return vms.stream().map(ProvisionVmRequest::name).toList();
  }

  private static List<VmOutcome> withStatus(FleetResult result, String status) {
    return result.vms().stream().filter(o -> o.status().equals(status)).toList();
  }

  /** Tasks the simulator created since {@code earlier} was taken (its task list spans the class). */
  private static List<SimTask> tasksSince(Simulator sim, Set<String> earlier) {
    return sim.control().tasks().stream().filter(t -> !earlier.contains(t.ref())).toList();
  }

  private static List<SimTask> clones(Simulator sim, Set<String> earlier) {
    return tasksSince(sim, earlier).stream().filter(t -> t.name().equals("CloneVM_Task")).toList();
  }

  private static Set<String> running(List<SimTask> tasks) {
    return tasks.stream().filter(t -> t.state().equals("queued") || t.state().equals("running"))
        .map(SimTask::ref).collect(Collectors.toSet());
  }
}
