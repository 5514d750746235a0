package io.vspheretemporal.activities.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.LogCapture;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host password comes from a worker secret, and goes nowhere but into the AddHost request. */
@VcSim(taskMillis = 500)
class AddHostSecretTest {
  static final String PASSWORD = "esx-" + UUID.randomUUID();
  static final List<String> asked = new CopyOnWriteArrayList<>();
  static SimWorker worker;
  TestActivityEnvironment env;
  HostActivities hosts;
  MoRef cluster;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, name -> {
      asked.add(name);
      return name.equals("esx-root") ? Optional.of(Secret.of(PASSWORD)) : Optional.empty();
    });
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    asked.clear();
    env = worker.environment();
    hosts = SimWorker.stub(env, HostActivities.class);
    cluster = new SimRefs(sim).cluster();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void thePasswordIsResolvedFromTheNamedSecretAndAppearsInNoLogOrHeartbeat(Simulator sim) {
    List<TaskProgress> beats = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(TaskProgress.class, beats::add);
    MoRef host;
    List<String> logged;
    try (LogCapture logs = new LogCapture()) {
      host = hosts.addHost(new AddHostRequest(cluster, "esx-secret.example.com", "root", "esx-root", null, true));
      logged = logs.lines();
    }

    assertThat(host.value()).isEqualTo(HostActivitiesTest.simHost(sim, "esx-secret.example.com").ref());
    assertThat(asked).containsExactly("esx-root");
    assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(PASSWORD));
    assertThat(beats).isNotEmpty().noneSatisfy(b -> assertThat(b.toString()).contains(PASSWORD));
  }

  @Test
  void anUnknownSecretFailsTheStepBeforeAnythingIsSubmitted(Simulator sim) {
    AddHostRequest request =
        new AddHostRequest(cluster, "esx-nosecret.example.com", "root", "no-such-secret", null, true);
    NoVSphereChange proof = NoVSphereChange.before(sim);

    assertThatThrownBy(() -> hosts.addHost(request))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_SECRET);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("passwordSecret").contains("'no-such-secret'");
        });
    assertThat(asked).containsExactly("no-such-secret");
    assertThat(sim.control().counters().calls("AddHost_Task")).isZero();
    assertThat(sim.control().hosts()).noneMatch(h -> h.name().equals("esx-nosecret.example.com"));
    proof.assertNoChange();
  }
}
