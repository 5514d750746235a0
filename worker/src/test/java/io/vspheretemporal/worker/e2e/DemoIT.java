package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default: `demo` exits 0 well within 3 minutes and lists the VMs with their IPs. */
class DemoIT {

  @Test
  void theDemoProvisionsAFleetAndSummarisesIt() throws Exception {
    long started = System.nanoTime();
    Cli.Result r = Cli.run(Duration.ofMinutes(3), Map.of(), "demo");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Provisioned 3 of 3 VMs")
        .contains("demo-web-01").contains("192.0.2.101")
        .contains("demo-web-02").contains("192.0.2.102")
        .contains("demo-web-03").contains("192.0.2.103");
    assertThat(took).isLessThan(Duration.ofMinutes(3));
  }
}
