package io.vspheretemporal.worker.chaos;

import io.vspheretemporal.worker.runtime.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker as users run it ({@code worker --config FILE}), in a child process that can be
 * SIGKILLed and started again. Each start writes its own log file, all kept for the secrets scan.
 */
final class WorkerProcess implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final Path config;
  private final Path logbackConfig;
  private final Map<String, String> env;
  private final Path workDir;
  private final List<Path> logs = new ArrayList<>();
  private Process process;

  WorkerProcess(Path config, Path logbackConfig, Map<String, String> env, Path workDir) {
    this.config = config;
    this.logbackConfig = logbackConfig;
    this.env = Map.copyOf(env);
    this.workDir = workDir;
  }

  /** Starts a new worker and waits until it polls Temporal. */
  synchronized void start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the worker is already running (pid " + process.pid() + ")");
    }
    Path log = workDir.resolve("worker-" + (logs.size() + 1) + ".log");
    logs.add(log);
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(
        List.of("-Xmx1g", "-Dlogback.configurationFile=" + logbackConfig), "worker", "--config", config.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    process = pb.start();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("worker started")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException("the worker exited with status " + process.exitValue() + " while starting; its log ("
            + log + ") ends with:\n" + tail(log));
      }
      Thread.sleep(50);
    }
    throw new IOException("the worker did not start within " + START_LIMIT + "; its log (" + log + ") ends with:\n" + tail(log));
  }

  /** SIGKILL, as a crashed host or an OOM killer would: no shutdown hook, no grace. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized int starts() {
    return logs.size();
  }

  List<Path> logs() {
    synchronized (this) {
      return List.copyOf(logs);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** SIGTERM: the worker's own shutdown, then SIGKILL if it takes too long. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
