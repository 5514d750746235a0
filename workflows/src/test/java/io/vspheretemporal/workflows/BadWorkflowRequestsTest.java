package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.FaultRule;
import io.vspheretemporal.testing.control.SimHost;
import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.fleet.ProvisionFleetWorkflow;
import io.vspheretemporal.workflows.host.OnboardHostRequest;
import io.vspheretemporal.workflows.host.OnboardHostResult;
import io.vspheretemporal.workflows.host.OnboardHostWorkflow;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflow;
import io.vspheretemporal.workflows.snapshot.GuardedChange;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardRequest;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardWorkflow;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad workflow requests (docs/bad-inputs.md): each fails with a message naming the input and what to
 * do, is not retried, and leaves vSphere as it was ({@link NoVSphereChange}).
 */
@VcSim(taskMillis = 300, guestDelayMillis = 200)
class BadWorkflowRequestsTest {
  private static final String SECRET = "esx-root";
  private static final String HOST_PASSWORD = "esx-" + UUID.randomUUID();
  private TemporalHarness rig;

  @BeforeEach
  void start(Simulator sim) {
    rig = WorkflowRig.start(sim, name -> name.equals(SECRET) ? Optional.of(Secret.of(HOST_PASSWORD)) : Optional.empty());
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  /** A request the workflow accepts: 2 vCPU, 4 GB, from tmpl-ubuntu into DC0_C0. */
  static ProvisionVmRequest good(String name) {
    return new ProvisionVmRequest("sim", name, "tmpl-ubuntu", "DC0/vm", null, "DC0/host/DC0_C0", null, null,
        2, 4096L, null, null, 60);
  }

  static ProvisionVmRequest with(String name, UnaryOperator<ProvisionVmRequest> change) {
    return change.apply(good(name));
  }

  static ProvisionVmRequest sized(ProvisionVmRequest r, Integer cpus, Long memoryMb) {
    return new ProvisionVmRequest(r.vcenter(), r.name(), r.template(), r.folder(), r.resourcePool(), r.cluster(),
        r.datastore(), r.network(), cpus, memoryMb, r.diskGb(), r.customization(), r.ipTimeoutSeconds());
  }

  static ProvisionVmRequest placed(ProvisionVmRequest r, String vcenter, String template, String folder, String pool,
      String cluster, String datastore, String network) {
    return new ProvisionVmRequest(vcenter, r.name(), template, folder, pool, cluster, datastore, network,
        r.numCpus(), r.memoryMb(), r.diskGb(), r.customization(), r.ipTimeoutSeconds());
  }

  // ProvisionVm: rejected before any step

  static Stream<Arguments> invalidProvisionRequests() {
    return Stream.of(
        Arguments.of("negative CPU", sized(good("bad-cpu"), -2, 4096L), "numCpus must be at least 1, got -2"),
        Arguments.of("zero CPU", sized(good("bad-cpu0"), 0, 4096L), "numCpus must be at least 1, got 0"),
        Arguments.of("memory not a multiple of 4 MB", sized(good("bad-mem"), 2, 1023L),
            "memoryMb 1023 is not a multiple of 4 MB"),
        Arguments.of("blank name", good("   "), "name is required"),
        Arguments.of("name longer than 80 characters", good("n".repeat(81)),
            "name '" + "n".repeat(81) + "' is longer than vSphere's 80 characters"),
        Arguments.of("name with a slash", good("web/01"), "name 'web/01' must not contain / or \\"),
        Arguments.of("missing vcenter, template and folder",
            with("bad-missing", r -> placed(r, null, null, " ", null, "DC0/host/DC0_C0", null, null)),
            "vcenter is required; template is required; folder is required"),
        Arguments.of("both resourcePool and cluster",
            with("bad-both", r -> placed(r, "sim", "tmpl-ubuntu", "DC0/vm", "DC0/host/DC0_C0/Resources",
                "DC0/host/DC0_C0", null, null)),
            "give exactly one of resourcePool and cluster"),
        Arguments.of("cluster given by name, not path",
            with("bad-cluster-name", r -> placed(r, "sim", "tmpl-ubuntu", "DC0/vm", null, "DC0_C0", null, null)),
            "cluster must be an inventory path such as DC0/host/DC0_C0, got 'DC0_C0'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidProvisionRequests")
  void provisionRequestsAreRejectedBeforeAnyStep(String what, ProvisionVmRequest request, String problem, Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "bad-provision");

    ApplicationFailure f = failure(() -> wf.provision(request));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).startsWith("ProvisionVm request rejected, nothing was changed in vSphere: ")
        .contains(problem);
    assertThat(history(WorkflowStub.fromTyped(wf))).noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    proof.assertNoChange();
  }

  // ProvisionVm: what the look-ups do not find

  static Stream<Arguments> unknownPlacement() {
    return Stream.of(
        Arguments.of("unknown template", with("miss-tmpl", r -> placed(r, "sim", "tmpl-nope", "DC0/vm", null,
            "DC0/host/DC0_C0", null, null)), FailureTypes.NOT_FOUND, "no template named 'tmpl-nope' on vCenter 'sim'"),
        Arguments.of("bad inventory path (no datacenter)", with("miss-path", r -> placed(r, "sim", "tmpl-ubuntu", "vm/web",
            null, "DC0/host/DC0_C0", null, null)), FailureTypes.NOT_FOUND,
            "no folder at inventory path 'vm/web' on vCenter 'sim': nothing is there. Check the path"),
        Arguments.of("unknown folder", with("miss-folder", r -> placed(r, "sim", "tmpl-ubuntu", "no-such-folder", null,
            "DC0/host/DC0_C0", null, null)), FailureTypes.NOT_FOUND, "no folder named 'no-such-folder' on vCenter 'sim'"),
        Arguments.of("unknown cluster", with("miss-cluster", r -> placed(r, "sim", "tmpl-ubuntu", "DC0/vm", null,
            "DC0/host/NO_SUCH_CLUSTER", null, null)), FailureTypes.NOT_FOUND,
            "no resource pool at inventory path 'DC0/host/NO_SUCH_CLUSTER/Resources'"),
        Arguments.of("unknown datastore", with("miss-ds", r -> placed(r, "sim", "tmpl-ubuntu", "DC0/vm", null,
            "DC0/host/DC0_C0", "DC0/datastore/nope", null)), FailureTypes.NOT_FOUND,
            "no datastore at inventory path 'DC0/datastore/nope'"),
        Arguments.of("unknown network", with("miss-net", r -> placed(r, "sim", "tmpl-ubuntu", "DC0/vm", null,
            "DC0/host/DC0_C0", null, "no-such-network")), FailureTypes.NOT_FOUND,
            "no network named 'no-such-network' on vCenter 'sim'"),
        Arguments.of("unknown vCenter name", with("miss-vc", r -> placed(r, "vc-nope", "tmpl-ubuntu", "DC0/vm", null,
            "DC0/host/DC0_C0", null, null)), FailureTypes.UNKNOWN_VCENTER,
            "no vCenter named 'vc-nope' is configured on this worker (configured: sim); use one of those names"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownPlacement")
  void provisionStopsAtTheLookUpNamingWhatIsMissing(String what, ProvisionVmRequest request, String type,
      String message, Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "miss-provision");

    ApplicationFailure f = failure(() -> wf.provision(request));

    assertThat(f.getType()).isEqualTo(type);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("step 'Find template and placement' failed").contains(message)
        .endsWith("Nothing was created.");
    assertThat(attempts(WorkflowStub.fromTyped(wf))).as("the failed look-up was not retried").isEqualTo(1);
    proof.assertNoChange();
  }

  @Test
  void aVmNameThatExistsInVSphereFailsDuplicateNameAndLeavesThatVmAsItWas(Simulator sim) {
    String taken = "DC0_C0_RP0_VM1";
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-taken");

    ApplicationFailure f = failure(() -> wf.provision(good(taken)));

    assertThat(f.getType()).isEqualTo("DuplicateName");
    assertThat(f.getOriginalMessage()).contains("step 'Clone' failed: DuplicateName: The name '" + taken + "' already exists.")
        .endsWith("Nothing was created.");
    proof.assertRefusedOnce("CloneVM_Task");
  }

  @Test
  void anUnknownCustomizationSecretFailsTheCloneBeforeItIsSubmitted(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    GuestCustomization windows = new GuestCustomization("windows", "win-01", null, null, null, null, List.of(),
        "no-such-secret");
    ProvisionVmRequest r = good("win-nosecret");
    ProvisionVmRequest request = new ProvisionVmRequest(r.vcenter(), r.name(), "tmpl-windows", r.folder(), null,
        r.cluster(), null, null, 2, 4096L, null, windows, 60);
    ProvisionVmWorkflow wf = rig.newWorkflow(ProvisionVmWorkflow.class, "provision-nosecret");

    ApplicationFailure f = failure(() -> wf.provision(request));

    assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_SECRET);
    assertThat(f.getOriginalMessage()).contains("step 'Clone' failed")
        .contains("customization.adminPasswordSecret names secret 'no-such-secret', which this worker does not have")
        .endsWith("Nothing was created.");
    proof.assertNoChange();
  }

  // ProvisionFleet

  static Stream<Arguments> invalidFleets() {
    List<ProvisionVmRequest> three = List.of(good("fl-01"), good("fl-02"), good("fl-03"));
    return Stream.of(
        Arguments.of("negative parallelism", new ProvisionFleetRequest("fl", three, -3, FailurePolicy.CONTINUE),
            "parallelism must be 1 to 50, got -3"),
        Arguments.of("one bad VM", new ProvisionFleetRequest("fl",
            List.of(good("fl-01"), sized(good("fl-02"), 2, 1023L), good("fl-03")), 2, FailurePolicy.CONTINUE),
            "vms[1] fl-02: memoryMb 1023 is not a multiple of 4 MB"),
        Arguments.of("no failure policy, no VMs", new ProvisionFleetRequest("fl", List.of(), 2, null),
            "vms must list at least one VM; failurePolicy is required: STOP_AND_UNDO_ALL or CONTINUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFleets")
  void fleetRequestsAreRejectedBeforeAnyVmStarts(String what, ProvisionFleetRequest request, String problem,
      Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ProvisionFleetWorkflow wf = rig.newWorkflow(ProvisionFleetWorkflow.class, "bad-fleet");

    ApplicationFailure f = failure(() -> wf.provision(request));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(f.getOriginalMessage()).startsWith("ProvisionFleet request rejected, nothing was changed in vSphere")
        .contains(problem);
    assertThat(history(WorkflowStub.fromTyped(wf)))
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
    proof.assertNoChange();
  }

  // SnapshotGuard

  static Stream<Arguments> invalidGuards() {
    List<GuardedChange> cpu = List.of(GuardedChange.reconfigure(2, null));
    return Stream.of(
        Arguments.of("snapshot name missing", new SnapshotGuardRequest("sim", "DC0_H0_VM0", null, cpu),
            "snapshotName is required"),
        Arguments.of("snapshot name blank", new SnapshotGuardRequest("sim", "DC0_H0_VM0", " ", cpu),
            "snapshotName is required"),
        Arguments.of("memory not a multiple of 4 MB", new SnapshotGuardRequest("sim", "DC0_H0_VM0", "before",
            List.of(GuardedChange.reconfigure(null, 1023L))), "changes[0].memoryMb 1023 is not a multiple of 4 MB"),
        Arguments.of("zero CPU", new SnapshotGuardRequest("sim", "DC0_H0_VM0", "before",
            List.of(GuardedChange.reconfigure(0, null))), "changes[0].numCpus must be at least 1, got 0"),
        Arguments.of("unknown change", new SnapshotGuardRequest("sim", "DC0_H0_VM0", "before",
            List.of(new GuardedChange("reboot", null, null))), "changes[0].kind must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidGuards")
  void snapshotGuardRequestsAreRejectedBeforeTheSnapshot(String what, SnapshotGuardRequest request, String problem,
      Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    SnapshotGuardWorkflow wf = rig.newWorkflow(SnapshotGuardWorkflow.class, "bad-guard");

    ApplicationFailure f = failure(() -> wf.guard(request));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(f.getOriginalMessage()).startsWith("SnapshotGuard request rejected, nothing was changed in vSphere")
        .contains(problem);
    proof.assertNoChange();
  }

  // OnboardHost

  static OnboardHostRequest onboard(String host, String cluster, String thumbprint) {
    return new OnboardHostRequest("sim", cluster, host, "root", SECRET, thumbprint);
  }

  @Test
  void aWrongHostPasswordFailsTheAddOnceWithVCentersAnswer(Simulator sim) {
    // vCenter logs in to the host with the password; the simulator plays its refusal
    sim.control().injectFault(new FaultRule("AddHost_Task", "InvalidLogin", 1, null, null));
    NoVSphereChange proof = NoVSphereChange.before(sim);
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-badpw");

    ApplicationFailure f = failure(() -> wf.onboard(onboard("esx-badpw.example.com", "DC0/host/DC0_C0", null)));

    assertThat(f.getType()).isEqualTo("InvalidLogin");
    assertThat(f.getOriginalMessage()).startsWith("OnboardHost esx-badpw.example.com failed: InvalidLogin: "
        + "Cannot complete login due to an incorrect user name or password.").endsWith("; nothing to undo")
        .doesNotContain(HOST_PASSWORD);
    proof.assertRefusedOnce("AddHost_Task");
  }

  @Test
  void aThumbprintThatIsNotTheHostsIsRefusedShowingTheHostsOneWhichIsThenAccepted(Simulator sim) {
    String host = "esx-pin.example.com";
    String wrong = "AA:".repeat(19) + "AA";
    NoVSphereChange proof = NoVSphereChange.before(sim);
    OnboardHostWorkflow refused = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-badpin");

    ApplicationFailure f = failure(() -> refused.onboard(onboard(host, "DC0/host/DC0_C0", wrong)));

    assertThat(f.getType()).isEqualTo("SSLVerifyFault");
    assertThat(f.getOriginalMessage()).contains("Authenticity of the host's SSL certificate is not verified.")
        .contains("give it as sslThumbprint").endsWith("; nothing to undo");
    proof.assertRefusedOnce("AddHost_Task");
    Matcher shown = Pattern.compile("SHA-1 thumbprint ((?:[0-9A-F]{2}:){19}[0-9A-F]{2})").matcher(f.getOriginalMessage());
    assertThat(shown.find()).as("the message shows the host's thumbprint").isTrue();
    assertThat(shown.group(1)).isNotEqualTo(wrong);

    OnboardHostWorkflow pinned = rig.newWorkflow(OnboardHostWorkflow.class, "onboard-pinned");
    OnboardHostResult ok = pinned.onboard(onboard(host, "DC0/host/DC0_C0", shown.group(1)));
    assertThat(sim.control().hosts()).extracting(SimHost::ref).contains(ok.host().value());
  }

  static Stream<Arguments> invalidOnboards() {
    return Stream.of(
        Arguments.of("unknown cluster", onboard("esx-nocluster.example.com", "DC0/host/NO_SUCH", null),
            FailureTypes.NOT_FOUND, "no cluster at inventory path 'DC0/host/NO_SUCH' on vCenter 'sim'"),
        Arguments.of("thumbprint of the wrong form", onboard("esx-shortpin.example.com", "DC0/host/DC0_C0", "1A:2B"),
            FailureTypes.INVALID_REQUEST, "sslThumbprint '1A:2B' is not a certificate thumbprint"),
        Arguments.of("host name that is no host name", onboard("esx_01!.example.com", "DC0/host/DC0_C0", null),
            FailureTypes.INVALID_REQUEST, "hostName 'esx_01!.example.com' is neither a DNS name nor an IP address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOnboards")
  void onboardRequestsVSphereCannotTakeFailBeforeTheAdd(String what, OnboardHostRequest request, String type,
      String message, Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    OnboardHostWorkflow wf = rig.newWorkflow(OnboardHostWorkflow.class, "bad-onboard");

    ApplicationFailure f = failure(() -> wf.onboard(request));

    assertThat(f.getType()).isEqualTo(type);
    assertThat(f.getOriginalMessage()).contains(message).endsWith("; nothing to undo");
    proof.assertNoChange();
  }

  private static ApplicationFailure failure(Runnable run) {
    WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class, run::run);
    assertThat(e).as("the workflow should fail").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) e.getCause();
  }

  private List<HistoryEvent> history(WorkflowStub stub) {
    return rig.client().fetchHistory(stub.getExecution().getWorkflowId()).getEvents();
  }

  /** Attempts of the run's failed activity: 1 when its failure was not retried. */
  private int attempts(WorkflowStub stub) {
    return history(stub).stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .mapToInt(e -> e.getActivityTaskStartedEventAttributes().getAttempt()).max().orElse(0);
  }
}
