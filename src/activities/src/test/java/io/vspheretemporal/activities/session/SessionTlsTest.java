package io.vspheretemporal.activities.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vspheretemporal.activities.LogCapture;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLS to vCenter is verified by default; a pinned thumbprint is honoured; insecure is loud. */
@VcSim(tls = true)
class SessionTlsTest {

  private static VCenterConfig config(Simulator sim, TlsPolicy tls) {
    return VCenterConfig.of("tls-vc", sim.sdkUrl(), sim.username(), Secret.of(sim.password()), tls);
  }

  @Test
  void aSelfSignedCertificateIsRefusedByDefaultWithItsThumbprint(Simulator sim) {
    assertThatThrownBy(() -> VCenterSession.open(config(sim, TlsPolicy.Verify.jdkDefaults()), SessionListener.NONE))
        .isInstanceOfSatisfying(VCenterException.class, e -> {
          assertThat(e.failureType()).isEqualTo(FailureTypes.CERTIFICATE_REJECTED);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("vCenter 'tls-vc'")
        .hasMessageContaining(sim.thumbprint().orElseThrow())
        .hasMessageContaining("pin its SHA-256 thumbprint");
    assertThat(sim.control().counters().calls("Login")).isZero();
  }

  @Test
  void thePinnedThumbprintIsAccepted(Simulator sim) {
    VCenterSession session = VCenterSession.open(
        config(sim, new TlsPolicy.Pinned(sim.thumbprint().orElseThrow())), SessionListener.NONE);
    assertThat(session.content()).isNotNull();
    session.close();
  }

  @Test
  void aMismatchedPinShowsTheThumbprintTheServerPresented(Simulator sim) {
    String other = "AA:".repeat(31) + "AA";
    assertThatThrownBy(() -> VCenterSession.open(config(sim, new TlsPolicy.Pinned(other)), SessionListener.NONE))
        .isInstanceOfSatisfying(VCenterException.class,
            e -> assertThat(e.failureType()).isEqualTo(FailureTypes.CERTIFICATE_REJECTED))
        .hasMessageContaining("thumbprint mismatch")
        .hasMessageContaining(sim.thumbprint().orElseThrow());
  }

  @Test
  void insecureConnectsOnlyWhenAskedAndWarns(Simulator sim) {
    List<String> logged;
    try (LogCapture logs = new LogCapture()) {
      VCenterSession.open(config(sim, new TlsPolicy.Insecure()), SessionListener.NONE).close();
      logged = logs.lines();
    }
    assertThat(logged).anySatisfy(l -> assertThat(l).startsWith("WARN").contains("verification is OFF").contains("tls-vc"));
  }

  @Test
  void aThumbprintOfTheWrongLengthIsRejectedWithAHint() {
    assertThatThrownBy(() -> new TlsPolicy.Pinned("AB:CD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40 (SHA-1) or 64 (SHA-256) hex digits");
  }
}
