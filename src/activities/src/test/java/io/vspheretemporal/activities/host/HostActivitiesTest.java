package io.vspheretemporal.activities.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimHost;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim(taskMillis = 500)
class HostActivitiesTest {
  static SimWorker worker;
  TestActivityEnvironment env;
  HostActivities hosts;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim,
        name -> name.equals("esx-root") ? Optional.of(Secret.of("esx-Passw0rd!")) : Optional.empty());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    env = worker.environment();
    hosts = SimWorker.stub(env, HostActivities.class);
    refs = new SimRefs(sim);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  static AddHostRequest add(MoRef parent, String hostName) {
    return new AddHostRequest(parent, hostName, "root", "esx-root", null, true);
  }

  static SimHost simHost(Simulator sim, String name) {
    return sim.control().hosts().stream().filter(h -> h.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("the simulator has no host " + name));
  }

  @Test
  void addHostReturnsTheNewHostSystemInTheCluster(Simulator sim) {
    MoRef host = hosts.addHost(add(refs.cluster(), "esx-10.example.com"));

    SimHost added = simHost(sim, "esx-10.example.com");
    assertThat(host.type()).isEqualTo(MoRef.HOST_SYSTEM);
    assertThat(host.value()).isEqualTo(added.ref());
    assertThat(host.name()).isEqualTo("esx-10.example.com");
    assertThat(host.vcenter()).isEqualTo("sim");
    assertThat(added.parent()).isEqualTo(refs.cluster().value());
    assertThat(added.connectionState()).isEqualTo("connected");
    assertThat(sim.control().counters().calls("AddHost_Task")).isEqualTo(1);
  }

  @Test
  void addStandaloneHostReturnsAHostWithItsOwnComputeResourceInTheFolder(Simulator sim) {
    MoRef host = hosts.addStandaloneHost(add(refs.hostFolder(), "10.20.30.40"));

    SimHost added = simHost(sim, "10.20.30.40");
    assertThat(host.type()).isEqualTo(MoRef.HOST_SYSTEM);
    assertThat(host.value()).isEqualTo(added.ref());
    var computeResource = sim.control().object("ComputeResource", "10.20.30.40");
    assertThat(added.parent()).isEqualTo(computeResource.ref());
    assertThat(computeResource.parent()).isEqualTo(refs.hostFolder().value());
  }

  @Test
  void maintenanceModeIsEnteredAndLeft(Simulator sim) {
    MoRef host = refs.host("DC0_C0_H1");

    hosts.enterMaintenanceMode(MaintenanceModeRequest.of(host));
    assertThat(simHost(sim, "DC0_C0_H1").inMaintenanceMode()).isTrue();

    hosts.exitMaintenanceMode(MaintenanceModeRequest.of(host));
    assertThat(simHost(sim, "DC0_C0_H1").inMaintenanceMode()).isFalse();
    assertThat(sim.control().counters().calls("EnterMaintenanceMode_Task")).isEqualTo(1);
    assertThat(sim.control().counters().calls("ExitMaintenanceMode_Task")).isEqualTo(1);
  }

  @Test
  void aHostIsDisconnectedAndReconnected(Simulator sim) {
    MoRef host = refs.host("DC0_C0_H2");

    hosts.disconnectHost(host);
    assertThat(simHost(sim, "DC0_C0_H2").connectionState()).isEqualTo("disconnected");

    hosts.reconnectHost(host);
    assertThat(simHost(sim, "DC0_C0_H2").connectionState()).isEqualTo("connected");
  }

  @Test
  void moveIntoTakesAStandaloneHostIntoTheCluster(Simulator sim) {
    MoRef host = hosts.addStandaloneHost(add(refs.hostFolder(), "esx-move.example.com"));
    assertThat(simHost(sim, "esx-move.example.com").parent()).isNotEqualTo(refs.cluster().value());

    hosts.moveInto(new MoveIntoRequest(refs.cluster(), List.of(host)));

    assertThat(simHost(sim, "esx-move.example.com").parent()).isEqualTo(refs.cluster().value());
    assertThat(sim.control().counters().calls("MoveInto_Task")).isEqualTo(1);
  }
}
