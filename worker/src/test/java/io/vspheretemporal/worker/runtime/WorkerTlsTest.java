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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker verifies vCenter's certificate: the simulator's self-signed one is refused, showing
 * its thumbprint, before anything is sent (not even the password); pinned, it is accepted.
 */
@VcSim(tls = true)
class WorkerTlsTest {
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

  @Test
  void aSelfSignedCertificateStopsTheWorkerShowingItsThumbprint(Simulator sim) throws Exception {
    NoVSphereChange proof = NoVSphereChange.before(sim);

    WorkerRun r = WorkerRun.of(WorkerRun.config(dir, temporal.target(), sim, sim.password(), "", ""));

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("vcenters (sim): vCenter 'sim' (" + sim.sdkUrl() + "): certificate not trusted")
        .contains(sim.thumbprint().orElseThrow())
        .contains("pin its SHA-256 thumbprint in the vCenter's TLS settings");
    proof.assertNotContacted();
  }

  @Test
  void aPinThatDoesNotMatchStopsTheWorkerShowingTheThumbprintPresented(Simulator sim) throws Exception {
    String other = "AB:".repeat(31) + "AB";
    NoVSphereChange proof = NoVSphereChange.before(sim);

    WorkerRun r = WorkerRun.of(WorkerRun.config(dir, temporal.target(), sim, sim.password(),
        "tls: {thumbprint: \"" + other + "\"}", ""));

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("certificate thumbprint mismatch: the server presented " + sim.thumbprint().orElseThrow());
    proof.assertNotContacted();
  }

  @Test
  void thePinnedThumbprintIsAccepted(Simulator sim) throws Exception {
    Path config = WorkerRun.config(dir, temporal.target(), sim, sim.password(),
        "tls: {thumbprint: \"" + sim.thumbprint().orElseThrow() + "\"}", "");
    NoVSphereChange proof = NoVSphereChange.before(sim);

    VSphereWorker worker = VSphereWorker.start(ConfigLoader.load(config, Map.of()), new WorkerMetrics());
    try {
      assertThat(worker.health().healthy()).isTrue();
      assertThat(proof.calls()).containsEntry("Login", 1L);
    } finally {
      worker.shutdown(Duration.ofSeconds(1));
    }
    proof.assertNoChange();
  }
}
