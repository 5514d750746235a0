package io.vspheretemporal.worker.runtime;

import io.temporal.testserver.TestServer;

/**
 * Temporal's in-memory server on a gRPC port, for {@code dev-server} and {@code demo}. Time
 * skipping stays locked, as on a real server: unlocked, the server jumps over any wait in which
 * nothing holds its lock, so activity retries came back-to-back instead of after their backoff
 * (a 10 s vCenter outage used up all ten attempts of a step in under a second) and timers fired early.
 */
public final class InMemoryTemporal {
  private InMemoryTemporal() {}

  public static TestServer.PortBoundTestServer start(int port) {
    return TestServer.createPortBoundServer(port, true);
  }
}
