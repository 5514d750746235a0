package io.vspheretemporal.worker.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged command line ({@code java -jar target/vsphere-temporal.jar ...}) as separate processes. */
final class Cli {
  static final Path JAR = Paths.get("target", "vsphere-temporal.jar").toAbsolutePath();
  static final Path HOME = Paths.get("..").toAbsolutePath().normalize();

  private Cli() {}

  record Result(int exit, String out, String err) {}

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.add("-Dvsphere.temporal.home=" + HOME);
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a command to its end (at most {@code timeout}). */
  static Result run(Duration timeout, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("`" + String.join(" ", args) + "` did not finish within " + timeout + "; stderr:\n"
          + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A long-running process whose output goes to files. */
  static Background start(Map<String, String> env, String... args) throws IOException {
    Path out = Files.createTempFile("bg-out", ".txt");
    Path err = Files.createTempFile("bg-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    return new Background(pb.start(), out, err);
  }

  record Background(Process process, Path out, Path err) implements AutoCloseable {
    String stdout() throws IOException {
      return Files.readString(out);
    }

    String stderr() throws IOException {
      return Files.readString(err);
    }

    /** Waits until stdout or stderr contains the text. */
    void await(String text, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (stdout().contains(text) || stderr().contains(text)) {
          return;
        }
        if (!process.isAlive()) {
          throw new AssertionError("process ended (" + process.exitValue() + ") before printing '" + text + "':\n"
              + stdout() + stderr());
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + stdout() + stderr());
    }

    /** SIGTERM, then wait for the exit. */
    int terminate(Duration timeout) throws InterruptedException {
      process.destroy();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    }
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
