package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

@VcSim(tls = true)
class SimulatorTlsTest {

  @Test
  void servesHttpsWithTheCertificateWhoseThumbprintItPrints(Simulator sim) throws Exception {
    assertThat(sim.sdkUrl().getScheme()).isEqualTo("https");
    X509Certificate[] seen = new X509Certificate[1];
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new Recording(seen)}, null);
    try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory()
        .createSocket(sim.sdkUrl().getHost(), sim.sdkUrl().getPort())) {
      socket.startHandshake();
    }
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(seen[0].getEncoded());
    String expected = HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    assertThat(sim.thumbprint()).contains(expected);
    // The control API is on the same port and pinned to that certificate.
    assertThat(sim.control().counters()).isNotNull();
  }

  /** Records the server's chain without judging it. */
  private static final class Recording extends X509ExtendedTrustManager {
    private final X509Certificate[] seen;

    Recording(X509Certificate[] seen) {
      this.seen = seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      seen[0] = chain[0];
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      seen[0] = chain[0];
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      seen[0] = chain[0];
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
