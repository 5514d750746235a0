package io.vspheretemporal.activities;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.session.TlsPolicy;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.activities.watch.WatcherListener;
import io.vspheretemporal.activities.watch.WatcherSettings;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.testing.Simulator;
import java.time.Duration;
import java.util.List;

/** The simulator as a configured vCenter named {@value #NAME}, and refs into its inventory. */
public final class SimVCenter {
  public static final String NAME = "sim";

  private SimVCenter() {}

  public static VCenterConfig config(Simulator sim) {
    TlsPolicy tls = sim.thumbprint().<TlsPolicy>map(TlsPolicy.Pinned::new).orElse(TlsPolicy.Verify.jdkDefaults());
    return VCenterConfig.of(NAME, sim.sdkUrl(), sim.username(), Secret.of(sim.password()), tls);
  }

  public static VCenters vcenters(Simulator sim, SessionListener listener) {
    return new VCenters(List.of(config(sim)), listener,
        new WatcherSettings(Duration.ofSeconds(10), 1000, Duration.ofMillis(100), Duration.ofSeconds(2)),
        WatcherListener.NONE);
  }

  public static MoRef ref(String type, String value, String name) {
    return new MoRef(NAME, type, value, name);
  }
}
