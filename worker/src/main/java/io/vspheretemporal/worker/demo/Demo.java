package io.vspheretemporal.worker.demo;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.TlsPolicy;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.worker.config.ResolvedConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The configuration of the demo's worker: the simulator as vCenter {@code sim}, no metrics port. */
public final class Demo {
  private Demo() {}

  public static ResolvedConfig config(int temporalPort, Simulator sim) {
    TlsPolicy tls = sim.thumbprint().<TlsPolicy>map(TlsPolicy.Pinned::new).orElse(TlsPolicy.Verify.jdkDefaults());
    VCenterConfig vc = VCenterConfig.of("sim", sim.sdkUrl(), sim.username(), Secret.of(sim.password()), tls);
    return new ResolvedConfig("localhost:" + temporalPort, "default", List.of("vsphere"), null, null, List.of(vc),
        Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), 10_000, true, 0, "text");
  }
}
