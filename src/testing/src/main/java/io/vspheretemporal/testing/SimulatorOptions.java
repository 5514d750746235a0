package io.vspheretemporal.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How to start a simulator. Every task runs {@code taskDuration} unless {@code taskDurations}
 * names its method; the password is random per simulator so tests can scan output for it.
 */
public record SimulatorOptions(
    boolean tls,
    Duration taskDuration,
    Map<String, Duration> taskDurations,
    Duration queueDelay,
    Duration guestDelay,
    String username,
    String password,
    int vmsPerPool) {

  public SimulatorOptions {
    taskDurations = Map.copyOf(taskDurations);
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(false, Duration.ofSeconds(2), Map.of(), Duration.ofMillis(50),
        Duration.ofSeconds(1), "administrator@vsphere.local",
        "sim-" + UUID.randomUUID().toString().substring(0, 13), 2);
  }

  public SimulatorOptions withTls(boolean tls) {
    return new SimulatorOptions(tls, taskDuration, taskDurations, queueDelay, guestDelay, username, password, vmsPerPool);
  }

  public SimulatorOptions withTaskDuration(Duration d) {
    return new SimulatorOptions(tls, d, taskDurations, queueDelay, guestDelay, username, password, vmsPerPool);
  }

  public SimulatorOptions withTaskDuration(String method, Duration d) {
    Map<String, Duration> copy = new LinkedHashMap<>(taskDurations);
    copy.put(method, d);
    return new SimulatorOptions(tls, taskDuration, copy, queueDelay, guestDelay, username, password, vmsPerPool);
  }

  public SimulatorOptions withQueueDelay(Duration d) {
    return new SimulatorOptions(tls, taskDuration, taskDurations, d, guestDelay, username, password, vmsPerPool);
  }

  public SimulatorOptions withGuestDelay(Duration d) {
    return new SimulatorOptions(tls, taskDuration, taskDurations, queueDelay, d, username, password, vmsPerPool);
  }

  public SimulatorOptions withVmsPerPool(int n) {
    return new SimulatorOptions(tls, taskDuration, taskDurations, queueDelay, guestDelay, username, password, n);
  }

  /** Command-line flags of the simulator program for these options. */
  List<String> arguments() {
    List<String> args = new ArrayList<>(List.of(
        "--listen", "127.0.0.1", "--port", "0",
        "--task-duration", go(taskDuration),
        "--queue-delay", go(queueDelay),
        "--guest-delay", go(guestDelay),
        "--username", username,
        "--password", password,
        "--vms", Integer.toString(vmsPerPool)));
    taskDurations.forEach((method, d) -> {
      args.add("--task-duration-for");
      args.add(method + "=" + go(d));
    });
    if (tls) {
      args.add("--tls");
    }
    return args;
  }

  /** Go's duration syntax. */
  static String go(Duration d) {
    return d.toMillis() + "ms";
  }
}
