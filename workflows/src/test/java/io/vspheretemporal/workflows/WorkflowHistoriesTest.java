package io.vspheretemporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.workflows.decommission.DecommissionVmRequest;
import io.vspheretemporal.workflows.decommission.DecommissionVmResult;
import io.vspheretemporal.workflows.decommission.DecommissionVmWorkflow;
import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.fleet.ProvisionFleetWorkflow;
import io.vspheretemporal.workflows.host.OnboardHostRequest;
import io.vspheretemporal.workflows.host.OnboardHostWorkflow;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflow;
import io.vspheretemporal.workflows.snapshot.GuardedChange;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardRequest;
import io.vspheretemporal.workflows.snapshot.SnapshotGuardWorkflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism: recorded runs of every shipped workflow, kept in {@code src/test/resources/histories},
 * replay against the current workflow code. A change that alters the commands an old run made
 * fails here; version it ({@code Workflow.getVersion}) or, for a workflow not yet in use anywhere,
 * re-record with {@code -Drecord.histories=true}.
 */
class WorkflowHistoriesTest {
  static final Path HISTORIES = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/histories");
  static final Class<?>[] IMPLEMENTATIONS = VSphereWorkflows.implementations().toArray(Class<?>[]::new);

  /** One recorded run: its file and the workflow id it ran under (child ids derive from it). */
  record Recorded(Path file, String workflowId) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }

    WorkflowExecutionHistory history() {
      try {
        return WorkflowExecutionHistory.fromJson(Files.readString(file), workflowId);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String workflowType() {
      return history().getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
    }
  }

  /** File names are workflow ids with {@code /} (a fleet's child) written as {@code ~}. */
  static Stream<Recorded> recorded() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      List<Recorded> all = files.filter(f -> f.toString().endsWith(".json")).sorted()
          .map(f -> new Recorded(f, f.getFileName().toString().replace(".json", "").replace('~', '/')))
          .toList();
      assertThat(all).as("recorded histories in " + HISTORIES).isNotEmpty();
      return all.stream();
    }
  }

  static Path fileFor(String workflowId) {
    return HISTORIES.resolve(workflowId.replace('/', '~') + ".json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void replaysWithoutNonDeterminism(Recorded run) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(run.history(), IMPLEMENTATIONS[0],
        Arrays.copyOfRange(IMPLEMENTATIONS, 1, IMPLEMENTATIONS.length));
  }

  @Test
  void everyShippedWorkflowHasARecordedRun() throws Exception {
    Set<String> types = recorded().map(Recorded::workflowType).collect(Collectors.toSet());
    assertThat(types).containsExactlyInAnyOrder(
        "ProvisionVm", "DecommissionVm", "ProvisionFleet", "OnboardHost", "SnapshotGuard");
    assertThat(fileFor(Record.FAILED_VM)).as("a failed ProvisionVm run").exists();
    assertThat(fileFor(Record.FLEET + "/hist-fleet-01")).as("a fleet's child run").exists();
  }

  /** The replay has teeth: the same history against code that orders its steps differently fails. */
  @Test
  void aWorkflowThatChangedItsStepsFailsTheReplay() throws Exception {
    WorkflowExecutionHistory history = new Recorded(fileFor(Record.DECOMMISSION), Record.DECOMMISSION).history();

    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, DestroyFirst.class))
        // the replayer reports it as text: "... error=io.temporal.worker.NonDeterministicException: ..."
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("an expected value 'name: \"Destroy_Task\"");
  }

  /** DecommissionVm as it must not change: destroys before it powers off. */
  public static class DestroyFirst implements DecommissionVmWorkflow {
    private final VSphereSteps vsphere = VSphereSteps.withDefaults();

    @Override
    public DecommissionVmResult decommission(DecommissionVmRequest r) {
      MoRef vm = vsphere.findVm(InventoryLookup.of(r.vcenter(), r.vm()));
      vsphere.destroy(vm);
      vsphere.powerOffVm(vm);
      return null;
    }

    @Override
    public WorkflowProgress progress() {
      return null;
    }

    @Override
    public void vsphereProgress(TaskProgress progress) {}
  }

  /** Runs each shipped workflow against the simulator and writes its history (and a fleet's children's). */
  @Nested
  @VcSim(taskMillis = 500, guestDelayMillis = 300)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @EnabledIfSystemProperty(named = "record.histories", matches = "true",
      disabledReason = "re-records the committed histories only when run with -Drecord.histories=true")
  class Record {
    static final String VM = "history-provision-vm";
    static final String FAILED_VM = "history-provision-vm-failed";
    static final String DECOMMISSION = "history-decommission-vm";
    static final String FLEET = "history-provision-fleet";
    static final String ONBOARD = "history-onboard-host";
    static final String GUARD = "history-snapshot-guard";

    private TemporalHarness rig;

    @BeforeAll
    void start(Simulator sim) throws IOException {
      rig = WorkflowRig.start(sim, name -> name.equals("esx-root") ? Optional.of(Secret.of("esx-Passw0rd!")) : Optional.empty());
      Files.createDirectories(HISTORIES);
    }

    @AfterAll
    void stop() {
      rig.close();
    }

    @Test
    void recordsEveryShippedWorkflow(Simulator sim) throws IOException {
      stub(ProvisionVmWorkflow.class, VM).provision(WorkflowRig.vm("hist-web-01", "192.0.2.31"));
      stub(SnapshotGuardWorkflow.class, GUARD).guard(new SnapshotGuardRequest("sim", "hist-web-01", "before-resize",
          List.of(GuardedChange.reconfigure(4, 8192L), GuardedChange.powerCycle())));
      stub(DecommissionVmWorkflow.class, DECOMMISSION).decommission(new DecommissionVmRequest("sim", "hist-web-01"));
      sim.control().injectFault("PowerOnVM_Task", "InvalidPowerState", 1);
      assertThatThrownBy(() -> stub(ProvisionVmWorkflow.class, FAILED_VM).provision(WorkflowRig.vm("hist-web-02", "192.0.2.32")))
          .isInstanceOf(WorkflowFailedException.class)
          .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getOriginalMessage())
              .as("fails at power-on and undoes the clone").contains("step 'Power on' failed").contains("destroyed hist-web-02"));
      stub(ProvisionFleetWorkflow.class, FLEET).provision(new ProvisionFleetRequest("hist-fleet",
          WorkflowRig.fleet("hist-fleet", "198.51.110", 3), 2, FailurePolicy.CONTINUE));
      // last: in some simulator starts, clones fail with InvalidArgument once a host was added to DC0_C0
      stub(OnboardHostWorkflow.class, ONBOARD).onboard(
          new OnboardHostRequest("sim", "DC0/host/DC0_C0", "esx-hist.example.com", "root", "esx-root", null));

      for (String id : List.of(VM, GUARD, DECOMMISSION, FAILED_VM, FLEET, ONBOARD,
          FLEET + "/hist-fleet-01", FLEET + "/hist-fleet-02", FLEET + "/hist-fleet-03")) {
        Files.writeString(fileFor(id), rig.client().fetchHistory(id).toJson(true) + "\n");
      }
    }

    private <T> T stub(Class<T> type, String id) {
      return rig.client().newWorkflowStub(type,
          WorkflowOptions.newBuilder().setTaskQueue(TemporalHarness.QUEUE).setWorkflowId(id).build());
    }
  }
}
