package io.vspheretemporal.activities.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.EntityActivities;
import io.vspheretemporal.api.entity.RenameRequest;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim(taskMillis = 500)
class EntityActivitiesTest {
  static SimWorker worker;
  TestActivityEnvironment env;
  EntityActivities entities;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, name -> Optional.of(Secret.of("esx-Passw0rd!")));
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    env = worker.environment();
    entities = SimWorker.stub(env, EntityActivities.class);
    refs = new SimRefs(sim);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void destroyDeletesAVirtualMachine(Simulator sim) {
    MoRef vm = refs.vm("DC0_H0_VM0");
    // vSphere destroys only powered-off VMs.
    SimWorker.stub(env, VmActivities.class).powerOffVm(vm);

    entities.destroy(vm);

    assertThat(sim.control().vm("DC0_H0_VM0")).isEmpty();
    assertThat(sim.control().counters().calls("Destroy_Task")).isEqualTo(1);
  }

  @Test
  void destroyRemovesAHostFromVCenter(Simulator sim) {
    HostActivities hosts = SimWorker.stub(env, HostActivities.class);
    MoRef host = hosts.addHost(
        new AddHostRequest(refs.cluster(), "esx-doomed.example.com", "root", "esx-root", null, true));
    // vCenter removes a host from a cluster only in maintenance mode.
    hosts.enterMaintenanceMode(MaintenanceModeRequest.of(host));
    assertThat(sim.control().hosts()).anyMatch(h -> h.ref().equals(host.value()));

    entities.destroy(host);

    assertThat(sim.control().hosts()).noneMatch(h -> h.ref().equals(host.value()) || h.name().equals(host.name()));
  }

  @Test
  void renameGivesTheEntityItsNewName(Simulator sim) {
    MoRef vm = refs.vm("DC0_H0_VM1");

    entities.rename(new RenameRequest(vm, "renamed-vm"));

    assertThat(sim.control().vm("renamed-vm")).hasValueSatisfying(v -> assertThat(v.ref()).isEqualTo(vm.value()));
    assertThat(sim.control().vm("DC0_H0_VM1")).isEmpty();
  }

  @Test
  void renameWorksOnAFolder(Simulator sim) {
    MoRef folder = refs.object("Folder", "network");

    entities.rename(new RenameRequest(folder, "networks"));

    assertThat(sim.control().objects("Folder"))
        .anyMatch(f -> f.ref().equals(folder.value()) && f.name().equals("networks"));
  }
}
