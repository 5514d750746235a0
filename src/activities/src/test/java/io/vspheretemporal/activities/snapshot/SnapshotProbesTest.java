package io.vspheretemporal.activities.snapshot;

import static io.vspheretemporal.activities.ProbeAssert.assertDone;
import static io.vspheretemporal.activities.ProbeAssert.assertDoneWith;
import static io.vspheretemporal.activities.ProbeAssert.assertNotDone;
import static io.vspheretemporal.activities.snapshot.SnapshotOperations.CREATE;
import static io.vspheretemporal.activities.snapshot.SnapshotOperations.REMOVE;
import static io.vspheretemporal.activities.snapshot.SnapshotOperations.REMOVE_ALL;
import static io.vspheretemporal.activities.snapshot.SnapshotOperations.REVERT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.rmi.RemoteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each snapshot probe tells, without the task, whether the work happened: not before it, yes after. */
@VcSim(taskMillis = 500)
class SnapshotProbesTest {
  static SimWorker worker;
  OperationContext ctx;
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
  void context(Simulator sim) {
    ctx = worker.context("vt-snapshot-probe-test", SecretResolver.none());
    refs = new SimRefs(sim);
  }

  <Q> ProbeResult probe(Operation<Q, ?> op, Q request) throws RemoteException {
    return op.probe().probe(ctx, request);
  }

  /** Creates a snapshot as a step with that key would, and returns it. */
  MoRef snapshot(MoRef vm, String name, String key) throws Exception {
    TaskSnapshot task = worker.submitAndWait(CREATE, CreateSnapshotRequest.of(vm, name, null), worker.context(key, null));
    assertThat(task.succeeded()).isTrue();
    return SimVCenter.ref(MoRef.SNAPSHOT, ((ManagedObjectReference) task.result()).getVal(), name);
  }

  @Test
  void createSnapshotIsDoneOnlyWithASnapshotOfThatNameMarkedWithTheStepsKey() throws Exception {
    MoRef vm = refs.vm("DC0_H0_VM0");
    CreateSnapshotRequest request = CreateSnapshotRequest.of(vm, "nightly", "before patching");
    assertNotDone(probe(CREATE, request));

    // Another step's snapshot of the same name, and this step's key on a snapshot of another name.
    snapshot(vm, "nightly", "vt-another-step");
    snapshot(vm, "weekly", ctx.operationKey());
    assertNotDone(probe(CREATE, request));

    TaskSnapshot task = worker.submitAndWait(CREATE, request, ctx);

    assertThat(task.succeeded()).isTrue();
    String made = ((ManagedObjectReference) task.result()).getVal();
    assertDoneWith(probe(CREATE, request), MoRef.SNAPSHOT, made);
  }

  @Test
  void createSnapshotFindsItsSnapshotDeepInTheTree() throws Exception {
    MoRef vm = refs.vm("DC0_H0_VM1");
    snapshot(vm, "base", "vt-earlier-step");
    snapshot(vm, "child", "vt-earlier-step");
    MoRef grandchild = snapshot(vm, "grandchild", ctx.operationKey());
    var base = SnapshotActivitiesTest.snapshotInfo(worker, vm).getRootSnapshotList()[0];
    assertThat(base.getChildSnapshotList()[0].getChildSnapshotList()[0].getName()).isEqualTo("grandchild");

    assertDoneWith(probe(CREATE, CreateSnapshotRequest.of(vm, "grandchild", null)), MoRef.SNAPSHOT, grandchild.value());
  }

  @Test
  void revertCannotTell() throws Exception {
    MoRef vm = refs.vm("DC0_C0_RP0_VM0");
    MoRef snapshot = snapshot(vm, "revert-me", "vt-earlier-step");
    assertThat(probe(REVERT, snapshot)).isEqualTo(new ProbeResult.Unknown("a revert leaves no trace"));

    assertThat(worker.submitAndWait(REVERT, snapshot, ctx).succeeded()).isTrue();

    assertThat(probe(REVERT, snapshot)).isInstanceOf(ProbeResult.Unknown.class);
  }

  @Test
  void removeSnapshotIsDoneOnceTheSnapshotIsGone() throws Exception {
    MoRef vm = refs.vm("DC0_C0_RP0_VM0");
    RemoveSnapshotRequest request = RemoveSnapshotRequest.of(snapshot(vm, "remove-me", "vt-earlier-step"));
    assertNotDone(probe(REMOVE, request));

    assertThat(worker.submitAndWait(REMOVE, request, ctx).succeeded()).isTrue();

    assertDone(probe(REMOVE, request));
  }

  @Test
  void removeAllSnapshotsIsDoneOnceTheVmHasNone() throws Exception {
    MoRef vm = refs.vm("DC0_C0_RP0_VM1");
    snapshot(vm, "one", "vt-earlier-step");
    snapshot(vm, "two", "vt-earlier-step");
    assertNotDone(probe(REMOVE_ALL, vm));

    assertThat(worker.submitAndWait(REMOVE_ALL, vm, ctx).succeeded()).isTrue();

    assertDone(probe(REMOVE_ALL, vm));
  }
}
