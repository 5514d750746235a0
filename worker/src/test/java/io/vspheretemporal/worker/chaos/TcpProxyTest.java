package io.vspheretemporal.worker.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy the Temporal outage goes through: it passes bytes both ways, and a cut breaks every path for its length. */
class TcpProxyTest {
  private ServerSocket echo;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          Thread.ofVirtual().start(() -> {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException ignored) {
              // reset by the proxy
            }
          });
        } catch (IOException e) {
          return;
        }
      }
    });
    proxy = new TcpProxy(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void passesBytesThenCutsEveryConnectionForTheOutageThenPassesAgain() throws Exception {
    Socket before = connect();
    assertThat(roundTrip(before, "hello")).isEqualTo("hello");

    proxy.cut(Duration.ofMillis(1500));
    assertThatThrownBy(() -> {
      for (int i = 0; i < 20; i++) { // the reset may take a moment to reach this side
        roundTrip(before, "still there?");
        Thread.sleep(50);
      }
    }).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> roundTrip(connect(), "new one")).isInstanceOf(IOException.class);
    assertThat(proxy.cutConnections()).isEqualTo(1);
    assertThat(proxy.refusedConnections()).isPositive();

    Thread.sleep(1700);
    assertThat(proxy.isCut()).isFalse();
    assertThat(roundTrip(connect(), "back")).isEqualTo("back");
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(2000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes());
    s.getOutputStream().flush();
    byte[] buf = new byte[text.length()];
    int n = 0;
    while (n < buf.length) {
      int r = s.getInputStream().read(buf, n, buf.length - n);
      if (r < 0) {
        throw new IOException("closed");
      }
      n += r;
    }
    return new String(buf);
  }
}
