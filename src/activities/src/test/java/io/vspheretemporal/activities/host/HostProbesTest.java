package io.vspheretemporal.activities.host;

import static io.vspheretemporal.activities.ProbeAssert.assertDone;
import static io.vspheretemporal.activities.ProbeAssert.assertDoneWith;
import static io.vspheretemporal.activities.ProbeAssert.assertNotDone;
import static io.vspheretemporal.activities.host.HostOperations.ADD_HOST;
import static io.vspheretemporal.activities.host.HostOperations.ADD_STANDALONE_HOST;
import static io.vspheretemporal.activities.host.HostOperations.DISCONNECT_HOST;
import static io.vspheretemporal.activities.host.HostOperations.ENTER_MAINTENANCE_MODE;
import static io.vspheretemporal.activities.host.HostOperations.EXIT_MAINTENANCE_MODE;
import static io.vspheretemporal.activities.host.HostOperations.MOVE_INTO;
import static io.vspheretemporal.activities.host.HostOperations.RECONNECT_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.rmi.RemoteException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each host probe tells, without the task, whether the work happened: not before it, yes after. */
@VcSim(taskMillis = 500)
class HostProbesTest {
  static final SecretResolver SECRETS = name -> Optional.of(Secret.of("esx-Passw0rd!"));
  static SimWorker worker;
  OperationContext ctx;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SECRETS);
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void context(Simulator sim) {
    ctx = worker.context("vt-host-probe-test", SECRETS);
    refs = new SimRefs(sim);
  }

  static AddHostRequest add(MoRef parent, String hostName) {
    return new AddHostRequest(parent, hostName, "root", "esx-root", null, true);
  }

  <Q> ProbeResult probe(Operation<Q, ?> op, Q request) throws RemoteException {
    return op.probe().probe(ctx, request);
  }

  @Test
  void addHostIsDoneOnceAHostOfThatNameIsInTheCluster(Simulator sim) throws Exception {
    AddHostRequest request = add(refs.cluster(), "esx-probe.example.com");
    assertNotDone(probe(ADD_HOST, request));

    TaskSnapshot task = worker.submitAndWait(ADD_HOST, request, ctx);

    assertThat(task.succeeded()).isTrue();
    String added = HostActivitiesTest.simHost(sim, "esx-probe.example.com").ref();
    assertDoneWith(probe(ADD_HOST, request), "HostSystem", added);
    // Names are DNS names: the case does not matter.
    assertDoneWith(probe(ADD_HOST, add(refs.cluster(), "ESX-PROBE.example.com")), "HostSystem", added);
  }

  @Test
  void addHostLooksOnlyInsideItsCluster() throws Exception {
    // DC0_H0 is a standalone host of the same datacenter, not one of the cluster's.
    assertNotDone(probe(ADD_HOST, add(refs.cluster(), "DC0_H0")));
    assertDoneWith(probe(ADD_HOST, add(refs.cluster(), "DC0_C0_H0")), "HostSystem", refs.host("DC0_C0_H0").value());
  }

  @Test
  void addStandaloneHostIsDoneOnceAHostOfThatNameIsBelowTheFolder(Simulator sim) throws Exception {
    AddHostRequest request = add(refs.hostFolder(), "10.1.2.3");
    assertNotDone(probe(ADD_STANDALONE_HOST, request));
    String standalone = refs.host("DC0_H0").value();
    assertDoneWith(probe(ADD_STANDALONE_HOST, add(refs.hostFolder(), "DC0_H0")), "HostSystem", standalone);

    assertThat(worker.submitAndWait(ADD_STANDALONE_HOST, request, ctx).succeeded()).isTrue();

    String added = HostActivitiesTest.simHost(sim, "10.1.2.3").ref();
    assertDoneWith(probe(ADD_STANDALONE_HOST, request), "HostSystem", added);
  }

  @Test
  void maintenanceModeProbesFollowRuntimeInMaintenanceMode() throws Exception {
    var request = MaintenanceModeRequest.of(refs.host("DC0_C0_H0"));
    assertNotDone(probe(ENTER_MAINTENANCE_MODE, request));
    assertDone(probe(EXIT_MAINTENANCE_MODE, request));

    assertThat(worker.submitAndWait(ENTER_MAINTENANCE_MODE, request, ctx).succeeded()).isTrue();
    assertDone(probe(ENTER_MAINTENANCE_MODE, request));
    assertNotDone(probe(EXIT_MAINTENANCE_MODE, request));

    assertThat(worker.submitAndWait(EXIT_MAINTENANCE_MODE, request, ctx).succeeded()).isTrue();
    assertDone(probe(EXIT_MAINTENANCE_MODE, request));
  }

  @Test
  void connectionProbesFollowRuntimeConnectionState() throws Exception {
    MoRef host = refs.host("DC0_C0_H1");
    assertNotDone(probe(DISCONNECT_HOST, host));
    assertDone(probe(RECONNECT_HOST, host));

    assertThat(worker.submitAndWait(DISCONNECT_HOST, host, ctx).succeeded()).isTrue();
    assertDone(probe(DISCONNECT_HOST, host));
    assertNotDone(probe(RECONNECT_HOST, host));

    assertThat(worker.submitAndWait(RECONNECT_HOST, host, ctx).succeeded()).isTrue();
    assertDone(probe(RECONNECT_HOST, host));
  }

  @Test
  void moveIntoIsDoneWhenEveryHostIsInTheCluster(Simulator sim) throws Exception {
    TaskSnapshot added = worker.submitAndWait(ADD_STANDALONE_HOST,
        add(refs.hostFolder(), "esx-probe-move.example.com"), ctx);
    MoRef standalone = refs.host("esx-probe-move.example.com");
    assertThat(((ManagedObjectReference) added.result()).getVal()).isEqualTo(standalone.value());
    var request = new MoveIntoRequest(refs.cluster(), List.of(refs.host("DC0_C0_H2"), standalone));
    assertNotDone(probe(MOVE_INTO, request));

    assertThat(worker.submitAndWait(MOVE_INTO, request, ctx).succeeded()).isTrue();

    assertDone(probe(MOVE_INTO, request));
  }
}
