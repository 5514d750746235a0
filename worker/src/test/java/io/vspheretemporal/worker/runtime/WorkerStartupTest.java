package io.vspheretemporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.worker.TemporalDevServer;
import io.vspheretemporal.worker.WorkerRun;
import io.vspheretemporal.worker.cli.ExitCodes;
import io.vspheretemporal.worker.config.ConfigLoader;
import io.vspheretemporal.worker.metrics.WorkerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A worker whose configuration is wrong stops with exit 2 and one line per problem before it
 * touches vSphere (the simulator sees not even a Login); one whose vCenter login fails stops
 * after the refused Login, changing nothing (docs/bad-inputs.md). Temporal is reachable throughout,
 * so the configuration is the only reason to stop.
 */
@VcSim
class WorkerStartupTest {
  static TemporalDevServer temporal;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    temporal = new TemporalDevServer();
  }

  @AfterAll
  static void stop() {
    temporal.close();
  }

  /** (what, vCenter entry extra, extra top-level YAML, the target, expected line). */
  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of("a misspelt key", "usrname: admin", "", null, "vcenters[0].usrname: unknown key; keys under vcenters[0] are"),
        Arguments.of("a misspelt section", "", "loging: {format: json}", null, "loging: unknown key; top-level keys are"),
        Arguments.of("a duration that is no duration", "", "worker: {heartbeatInterval: soon}", null,
            "worker.heartbeatInterval: 'soon' is not a duration like 500ms, 5s, 2m or 1h"),
        Arguments.of("a zero duration", "", "worker: {shutdownGrace: 0s}", null,
            "worker.shutdownGrace: '0s' is not a duration"),
        Arguments.of("a duration too long to hold", "", "worker: {shutdownGrace: 99999999999999999999s}", null,
            "worker.shutdownGrace: '99999999999999999999s' is not a duration"),
        Arguments.of("a Temporal port out of range", "", "", "localhost:99999",
            "temporal.target: 'localhost:99999' has no valid port (1 to 65535)"),
        Arguments.of("a Temporal target without a port", "", "", "localhost",
            "temporal.target: 'localhost' is not host:port"),
        Arguments.of("a metrics port out of range", "", "metrics: {port: 70000}", null,
            "metrics.port: 70000 is not a port (0 turns metrics off)"),
        Arguments.of("a port that is not a number", "maxConcurrentCalls: many", "", null,
            "vcenters[0].maxConcurrentCalls: Cannot deserialize value of type `java.lang.Integer` from String \"many\""),
        Arguments.of("two TLS choices for a vCenter", "tls: {insecure: true, thumbprint: \"AB:CD\"}", "", null,
            "vcenters[0] (sim).tls: choose one of thumbprint, truststore and insecure"),
        Arguments.of("a thumbprint of the wrong length", "tls: {thumbprint: \"AB:CD\"}", "", null,
            "vcenters[0] (sim).tls.thumbprint: a certificate thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void aBadConfigurationExitsTwoBeforeContactingVCenter(String what, String vcenterExtra, String extra, String target,
      String line, Simulator sim) throws Exception {
    Path config = WorkerRun.config(dir, target == null ? temporal.target() : target, sim, sim.password(),
        vcenterExtra, extra);
    NoVSphereChange proof = NoVSphereChange.before(sim);

    WorkerRun r = WorkerRun.of(config);

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).startsWith("invalid configuration:").contains(line).doesNotContain(sim.password());
    proof.assertNotContacted();
  }

  @Test
  void aMissingPasswordFileIsNamedWithoutContactingVCenter(Simulator sim) throws Exception {
    Path config = WorkerRun.config(dir, temporal.target(), sim, sim.password(), "", "");
    Files.writeString(config, Files.readString(config)
        .replaceAll("password: \\{file: [^}]+}", "password: {file: " + dir.resolve("no-such-file") + "}"));
    NoVSphereChange proof = NoVSphereChange.before(sim);

    WorkerRun r = WorkerRun.of(config);

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("vcenters[0] (sim).password: cannot read file " + dir.resolve("no-such-file"));
    proof.assertNotContacted();
  }

  @Test
  void aWrongVCenterPasswordStopsTheWorkerNamingVCenterAndUserButNotThePassword(Simulator sim) throws Exception {
    String wrong = "wrong-" + sim.password();
    Path config = WorkerRun.config(dir, temporal.target(), sim, wrong, "", "");
    NoVSphereChange proof = NoVSphereChange.before(sim);

    WorkerRun r = WorkerRun.of(config);

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("vcenters (sim): vCenter 'sim' (" + sim.sdkUrl() + ") rejected the login of user '"
            + sim.username() + "': wrong user name or password. Check the user name and the password secret")
        .doesNotContain(wrong);
    assertThat(proof.calls()).containsEntry("Login", 1L);
    proof.assertNoChange();
  }

  @Test
  void anUnreachableVCenterDoesNotStopTheWorker(Simulator sim) throws Exception {
    // steps on it fail VCenterUnreachable and are retried (SessionLoginTest); the worker serves the rest
    int closed = TemporalDevServer.freePort();
    Path config = WorkerRun.config(dir, temporal.target(), sim, sim.password(), "", "");
    Files.writeString(config, Files.readString(config)
        .replace(sim.sdkUrl().toString(), "http://127.0.0.1:" + closed + "/sdk"));

    VSphereWorker worker = VSphereWorker.start(ConfigLoader.load(config, Map.of()), new WorkerMetrics());
    try {
      assertThat(worker.health().healthy()).isTrue();
    } finally {
      worker.shutdown(Duration.ofSeconds(1));
    }
  }
}
