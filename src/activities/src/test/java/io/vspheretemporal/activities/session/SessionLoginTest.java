package io.vspheretemporal.activities.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Logging in, and what a user reads when it fails. */
@VcSim
class SessionLoginTest {

  @Test
  void logsInAndOut(Simulator sim) throws Exception {
    VCenterSession session = VCenterSession.open(SimVCenter.config(sim), SessionListener.NONE);
    assertThat(session.content().getAbout().getApiType()).isEqualTo("VirtualCenter");
    java.util.Calendar now = session.call((p, c) -> p.currentTime(serviceInstance()));
    assertThat(now).isNotNull();
    session.close();
    assertThat(sim.control().counters().calls("Logout")).isEqualTo(1);
  }

  @Test
  void aWrongPasswordSaysWhichVCenterAndUserWithoutThePassword(Simulator sim) {
    String wrong = "wrong-" + sim.password();
    VCenterConfig config = VCenterConfig.of("lab-vc", sim.sdkUrl(), sim.username(), Secret.of(wrong),
        TlsPolicy.Verify.jdkDefaults());

    assertThatThrownBy(() -> VCenterSession.open(config, SessionListener.NONE))
        .isInstanceOfSatisfying(VCenterException.class, e -> {
          assertThat(e.failureType()).isEqualTo("InvalidLogin");
          assertThat(e.retryable()).isFalse();
          assertThat(e.vcenter()).isEqualTo("lab-vc");
        })
        .hasMessageContaining("vCenter 'lab-vc'")
        .hasMessageContaining("user '" + sim.username() + "'")
        .hasMessageContaining("wrong user name or password")
        .satisfies(e -> assertThat(stackText(e)).doesNotContain(wrong).doesNotContain(sim.password()));
  }

  @Test
  void anUnreachableVCenterSaysWhereItLookedAndIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/sdk");
    VCenterConfig config = VCenterConfig.of("gone-vc", url, "someone", Secret.of("irrelevant"),
        TlsPolicy.Verify.jdkDefaults());

    assertThatThrownBy(() -> VCenterSession.open(config, SessionListener.NONE))
        .isInstanceOfSatisfying(VCenterException.class, e -> {
          assertThat(e.failureType()).isEqualTo(FailureTypes.VCENTER_UNREACHABLE);
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("vCenter 'gone-vc' is unreachable at " + url)
        .hasMessageContaining("Check the URL");
  }

  static com.vmware.vim25.ManagedObjectReference serviceInstance() {
    com.vmware.vim25.ManagedObjectReference si = new com.vmware.vim25.ManagedObjectReference();
    si.setType("ServiceInstance");
    si.setVal("ServiceInstance");
    return si;
  }

  static String stackText(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
