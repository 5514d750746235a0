package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.VirtualMachineSnapshotInfo;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.SnapshotActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retried step whose task vSphere no longer knows (vCenter drops finished tasks after a while,
 * and all of them when it restarts) asks the operation's probe, finds its work done, and returns
 * it without starting the operation a second time.
 */
@VcSim(taskMillis = 500)
class LostTaskTest {
  static SimWorker worker;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, name -> Optional.of(Secret.of("esx-Passw0rd!")));
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void dropFinishedTasksQuickly(Simulator sim) {
    sim.control().configure(Map.of("taskRetention", "300ms"));
  }

  /** Waits until the simulator has dropped every task, as vCenter does some minutes after they end. */
  static void awaitTasksForgotten(Simulator sim) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!sim.control().tasks().isEmpty()) {
      assertThat(System.nanoTime()).as("the simulator still knows its tasks").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /**
   * Runs the step once in a fresh environment; with {@code retried}, as a later attempt whose
   * heartbeat recorded no task. A fresh environment gives the step the same workflow and activity
   * ids, hence the same key: it is the same step. Returns its result and the keys it heartbeat
   * (none when it submitted nothing).
   */
  static <A, R> Run<R> step(Class<A> activities, Function<A, R> call, boolean retried) {
    TestActivityEnvironment env = worker.environment();
    try {
      List<TaskProgress> beats = new CopyOnWriteArrayList<>();
      env.setActivityHeartbeatListener(TaskProgress.class, beats::add);
      if (retried) {
        // What an attempt that died before it could record its task leaves behind.
        env.setHeartbeatDetails(new TaskProgress("", "", null, TaskProgress.SUBMITTING, null, null, false, 1, null));
      }
      R result = call.apply(SimWorker.stub(env, activities));
      return new Run<>(result, beats.stream().map(TaskProgress::operationKey).distinct().toList());
    } finally {
      env.close();
    }
  }

  record Run<R>(R result, List<String> keys) {}

  @Test
  void aRetriedAddHostFindsTheHostItAddedAndDoesNotAddItAgain(Simulator sim) throws Exception {
    AddHostRequest request =
        new AddHostRequest(new SimRefs(sim).cluster(), "esx-lost.example.com", "root", "esx-root", null, true);
    Run<MoRef> first = step(HostActivities.class, h -> h.addHost(request), false);
    awaitTasksForgotten(sim);

    Run<MoRef> retry = step(HostActivities.class, h -> h.addHost(request), true);

    assertThat(retry.result()).isEqualTo(first.result());
    assertThat(retry.result().name()).isEqualTo("esx-lost.example.com");
    assertThat(sim.control().counters().calls("AddHost_Task")).isEqualTo(1);
    assertThat(sim.control().hosts()).filteredOn(h -> h.name().equals("esx-lost.example.com")).hasSize(1);
  }

  @Test
  void aRetriedCreateSnapshotFindsItsOwnSnapshotByTheStepsKey(Simulator sim) throws Exception {
    CreateSnapshotRequest request = CreateSnapshotRequest.of(new SimRefs(sim).vm("DC0_H0_VM0"), "pre-deploy", null);
    Run<MoRef> first = step(SnapshotActivities.class, s -> s.createSnapshot(request), false);
    awaitTasksForgotten(sim);

    Run<MoRef> retry = step(SnapshotActivities.class, s -> s.createSnapshot(request), true);

    assertThat(retry.result()).isEqualTo(first.result());
    assertThat(sim.control().counters().calls("CreateSnapshot_Task")).isEqualTo(1);
    // What the probe recognised: the snapshot carries the step's key, which both attempts share.
    assertThat(first.keys()).hasSize(1);
    var info = (VirtualMachineSnapshotInfo) Properties.read(worker.session(), Refs.vim(request.vm()), "snapshot")
        .orElseThrow().get("snapshot");
    assertThat(info.getRootSnapshotList()).singleElement()
        .satisfies(s -> assertThat(s.getDescription()).isEqualTo("[vsphere-temporal " + first.keys().get(0) + "]"));
  }

  @Test
  void afterAVCenterRestartARetriedRemoveAllSnapshotsSeesTheSnapshotsAreStillThere(Simulator sim) throws Exception {
    MoRef vm = new SimRefs(sim).vm("DC0_H0_VM1");
    step(SnapshotActivities.class, s -> s.createSnapshot(CreateSnapshotRequest.of(vm, "keep-me", null)), false);
    // The restart ends every session: the retry's probe must log in again, not read "no snapshots".
    sim.control().restart(false, Duration.ZERO);

    step(SnapshotActivities.class, s -> {
      s.removeAllSnapshots(vm);
      return null;
    }, true);

    assertThat(sim.control().counters().calls("RemoveAllSnapshots_Task")).isEqualTo(1);
    assertThat(Properties.read(worker.session(), Refs.vim(vm), "snapshot").orElseThrow().get("snapshot")).isNull();
  }
}
