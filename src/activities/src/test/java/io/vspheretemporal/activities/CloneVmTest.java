package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@VcSim(taskMillis = 3000)
class CloneVmTest {
  static VCenters vcenters;
  static TaskRunner runner;

  @BeforeAll
  static void connect(Simulator sim) {
    vcenters = SimVCenter.vcenters(sim, SessionListener.NONE);
    runner = new TaskRunner(vcenters, SecretResolver.none(),
        new RunnerSettings(Duration.ofMillis(200), Duration.ofSeconds(30)), TaskListener.NONE);
  }

  @AfterAll
  static void close() {
    vcenters.close();
  }

  @Test
  void aThreeSecondCloneHeartbeatsRisingProgressAndReturnsTheNewVm(Simulator sim) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(VSphereActivities.implementations(runner).toArray());
    List<TaskProgress> beats = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(TaskProgress.class, beats::add);
    VmActivities vm = env.newActivityStub(VmActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(10)).build());
    SimRefs refs = new SimRefs(sim);

    MoRef clone = vm.cloneVm(CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), "heartbeat-clone", null));

    assertThat(clone.type()).isEqualTo(MoRef.VIRTUAL_MACHINE);
    assertThat(clone.name()).isEqualTo("heartbeat-clone");
    assertThat(clone.value()).isEqualTo(sim.control().vm("heartbeat-clone").orElseThrow().ref());
    assertThat(beats).isNotEmpty().allSatisfy(b -> assertThat(b.task()).isNotNull());
    assertThat(beats.get(0).task().type()).isEqualTo("Task");
    List<Integer> progress = beats.stream().map(TaskProgress::progress).filter(p -> p != null).distinct().toList();
    assertThat(progress).hasSizeGreaterThanOrEqualTo(4).isSorted();
    assertThat(beats).extracting(TaskProgress::state).contains("running");
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
    env.close();
  }
}
