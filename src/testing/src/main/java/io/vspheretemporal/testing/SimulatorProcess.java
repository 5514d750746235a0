package io.vspheretemporal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One simulator process on a free loopback port; closing it stops the process. */
public final class SimulatorProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulatorProcess.class);
  private static final int KEPT_LINES = 40;

  private final Process process;
  private final Simulator simulator;
  private final Deque<String> lastLines = new ArrayDeque<>();

  private SimulatorProcess(Process process, Simulator simulator) {
    this.process = process;
    this.simulator = simulator;
  }

  /** Builds the program if needed, starts it and waits until it serves. */
  public static SimulatorProcess start(SimulatorOptions options) {
    Path binary = SimulatorBuild.binary();
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(options.arguments());
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new SimulatorUnavailableException("could not start " + binary + ": " + e.getMessage(), e);
    }
    try {
      return awaitBanner(process, options);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Reads the banner (SDK URL first, then key: value lines, then "ready") and keeps draining. */
  private static SimulatorProcess awaitBanner(Process process, SimulatorOptions options) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    URI sdk = null;
    URI control = null;
    String thumbprint = null;
    List<String> seen = new ArrayList<>();
    try {
      for (String line; (line = out.readLine()) != null; ) {
        seen.add(line);
        if (sdk == null && line.endsWith("/sdk")) {
          sdk = URI.create(line.trim());
        } else if (line.startsWith("control: ")) {
          control = URI.create(line.substring("control: ".length()).trim());
        } else if (line.startsWith("thumbprint-sha256: ")) {
          thumbprint = line.substring("thumbprint-sha256: ".length()).trim();
        } else if (line.equals("ready")) {
          break;
        }
      }
    } catch (IOException e) {
      throw new SimulatorUnavailableException("reading the simulator's output failed", e);
    }
    if (sdk == null || control == null) {
      throw new SimulatorUnavailableException("the simulator did not start; it printed:\n" + String.join("\n", seen));
    }
    SimulatorControl controlClient = new SimulatorControl(control, Optional.ofNullable(thumbprint));
    Simulator simulator = new Simulator(sdk, options.username(), options.password(),
        Optional.ofNullable(thumbprint), controlClient);
    SimulatorProcess started = new SimulatorProcess(process, simulator);
    started.drain(out);
    log.info("vSphere simulator at {} (pid {})", sdk, process.pid());
    return started;
  }

  private void drain(BufferedReader out) {
    Thread t = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > KEPT_LINES) {
              lastLines.removeFirst();
            }
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "vcsim-output-" + process.pid());
    t.setDaemon(true);
    t.start();
  }

  public Simulator simulator() {
    return simulator;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The simulator's last output lines, for failure reports. */
  public List<String> lastOutput() {
    synchronized (lastLines) {
      return List.copyOf(lastLines);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
