package io.vspheretemporal.activities.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.VirtualMachineSnapshotInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.api.snapshot.SnapshotActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim(taskMillis = 500)
class SnapshotActivitiesTest {
  static SimWorker worker;
  TestActivityEnvironment env;
  SnapshotActivities snapshots;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    env = worker.environment();
    snapshots = SimWorker.stub(env, SnapshotActivities.class);
    refs = new SimRefs(sim);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** The VM's {@code snapshot} property as vSphere reports it; null when the VM has no snapshots. */
  static VirtualMachineSnapshotInfo snapshotInfo(SimWorker worker, MoRef vm) throws Exception {
    Map<String, Object> props = Properties.read(worker.session(), Refs.vim(vm), "snapshot").orElseThrow();
    return (VirtualMachineSnapshotInfo) props.get("snapshot");
  }

  static boolean exists(SimWorker worker, MoRef snapshot) throws Exception {
    return Properties.read(worker.session(), Refs.vim(snapshot), "vm").isPresent();
  }

  @Test
  void createSnapshotReturnsTheVmsNewCurrentSnapshotMarkedWithTheStepsKey(Simulator sim) throws Exception {
    MoRef vm = refs.vm("DC0_H0_VM0");

    MoRef snapshot = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "before-upgrade", "kernel 6.1"));

    assertThat(snapshot.type()).isEqualTo(MoRef.SNAPSHOT);
    assertThat(snapshot.name()).isEqualTo("before-upgrade");
    VirtualMachineSnapshotInfo info = snapshotInfo(worker, vm);
    assertThat(info.getCurrentSnapshot().getVal()).isEqualTo(snapshot.value());
    VirtualMachineSnapshotTree root = info.getRootSnapshotList()[0];
    assertThat(root.getName()).isEqualTo("before-upgrade");
    assertThat(root.getDescription()).matches("kernel 6\\.1 \\[vsphere-temporal .+/.+#[0-9a-f]{12}]");
    assertThat(sim.control().counters().calls("CreateSnapshot_Task")).isEqualTo(1);
  }

  @Test
  void revertToSnapshotMakesItTheCurrentSnapshot() throws Exception {
    MoRef vm = refs.vm("DC0_H0_VM1");
    MoRef first = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "first", null));
    MoRef second = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "second", null));
    assertThat(snapshotInfo(worker, vm).getCurrentSnapshot().getVal()).isEqualTo(second.value());

    snapshots.revertToSnapshot(first);

    assertThat(snapshotInfo(worker, vm).getCurrentSnapshot().getVal()).isEqualTo(first.value());
  }

  @Test
  void removeSnapshotDeletesIt(Simulator sim) throws Exception {
    MoRef vm = refs.vm("DC0_C0_RP0_VM0");
    MoRef kept = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "kept", null));
    MoRef removed = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "removed", null));

    snapshots.removeSnapshot(RemoveSnapshotRequest.of(removed));

    assertThat(exists(worker, removed)).isFalse();
    assertThat(exists(worker, kept)).isTrue();
    assertThat(sim.control().counters().calls("RemoveSnapshot_Task")).isEqualTo(1);
  }

  @Test
  void removeAllSnapshotsLeavesTheVmWithoutAny() throws Exception {
    MoRef vm = refs.vm("DC0_C0_RP0_VM1");
    MoRef one = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "one", null));
    MoRef two = snapshots.createSnapshot(CreateSnapshotRequest.of(vm, "two", null));
    assertThat(snapshotInfo(worker, vm)).isNotNull();

    snapshots.removeAllSnapshots(vm);

    assertThat(snapshotInfo(worker, vm)).isNull();
    assertThat(exists(worker, one)).isFalse();
    assertThat(exists(worker, two)).isFalse();
  }
}
