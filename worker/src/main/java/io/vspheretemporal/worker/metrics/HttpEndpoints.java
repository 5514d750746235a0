package io.vspheretemporal.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code /metrics} (Prometheus text format) and {@code /health} (JSON) on one port, with the JDK's HTTP server. */
public final class HttpEndpoints implements AutoCloseable {
  private final HttpServer server;

  /** @param health the health document and whether the worker is healthy (200) or not (503) */
  public HttpEndpoints(int port, WorkerMetrics metrics, Supplier<Health> health) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/metrics", x -> respond(x, 200, "text/plain; version=0.0.4", metrics.scrape()));
    server.createContext("/health", x -> {
      Health h = health.get();
      respond(x, h.healthy() ? 200 : 503, "application/json", h.json());
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** @param json the document: worker state, Temporal connection, each vCenter's session */
  public record Health(boolean healthy, String json) {}

  private static void respond(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
