package io.vspheretemporal.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-memory server ({@code dev-server}) as a child process, for the runs that measure or
 * hurt the worker (bench, chaos) without the server sharing its heap and CPU. It keeps its state
 * only while it runs.
 */
public final class DevServerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private DevServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * @param maxHeap the server's {@code -Xmx}, e.g. {@code 1g}
   * @param log where its output goes
   */
  public static DevServerProcess start(int port, String maxHeap, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ChildJvm.command(List.of("-Xmx" + maxHeap), "dev-server", "--port", Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    DevServerProcess server = new DevServerProcess(p, log, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("Temporal dev server")) {
        return server;
      }
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    server.close();
    throw new IOException("Temporal's in-memory server did not start; its output (" + log + "):\n" + Files.readString(log));
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
