package io.vspheretemporal.worker.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How big and how hard a chaos run is.
 *
 * @param kills SIGKILLs of the worker during the first fleet
 * @param fleet VMs in each scenario's fleet
 * @param parallelism VMs each fleet provisions at once
 * @param vcenterOutage how long the simulator drops every connection
 * @param temporalOutage how long the proxy cuts the worker off Temporal
 * @param sessionExpiryEvery how often the simulator ends every session during the session scenario
 * @param taskDuration how long each simulated vSphere task runs
 * @param guestDelay how long a powered-on VM takes to report its IP address
 * @param heartbeatInterval the worker's heartbeat interval
 * @param fleetTimeout how long one scenario's fleet may take before it counts as lost
 * @param seed the random moments of the kills
 * @param workDir where the worker's configuration and every process's log go
 * @param workerLogLevel the worker's log level for the run (the secrets scan reads its logs)
 * @param scenarios which scenarios run, by name
 */
public record ChaosOptions(
    int kills,
    int fleet,
    int parallelism,
    Duration vcenterOutage,
    Duration temporalOutage,
    Duration sessionExpiryEvery,
    Duration taskDuration,
    Duration guestDelay,
    Duration heartbeatInterval,
    Duration fleetTimeout,
    long seed,
    Path workDir,
    String workerLogLevel,
    Set<String> scenarios) {

  public static final List<String> SCENARIOS = List.of("kills", "vc-outage", "sessions", "restart", "tp-outage");

  /** Each bad value with its option name and what to give instead; empty when all are fine. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (kills < 0 || kills > 100) {
      p.add("--kills must be 0 to 100, got " + kills);
    }
    if (fleet < 1 || fleet > Fleet.MAX_VMS) {
      p.add("--fleet must be 1 to " + Fleet.MAX_VMS + " VMs, got " + fleet);
    }
    if (parallelism < 1 || parallelism > 50) {
      p.add("--parallelism must be 1 to 50, got " + parallelism);
    }
    positive(p, "--vcenter-outage", vcenterOutage);
    positive(p, "--temporal-outage", temporalOutage);
    positive(p, "--session-expiry-every", sessionExpiryEvery);
    positive(p, "--task-duration", taskDuration);
    positive(p, "--guest-delay", guestDelay);
    positive(p, "--heartbeat-interval", heartbeatInterval);
    positive(p, "--fleet-timeout", fleetTimeout);
    if (!List.of("TRACE", "DEBUG", "INFO", "WARN").contains(workerLogLevel)) {
      p.add("--worker-log-level must be TRACE, DEBUG, INFO or WARN, got " + workerLogLevel);
    }
    for (String s : scenarios) {
      if (!SCENARIOS.contains(s)) {
        p.add("--scenarios: unknown scenario '" + s + "'; choose from " + String.join(", ", SCENARIOS));
      }
    }
    if (scenarios.isEmpty()) {
      p.add("--scenarios must name at least one of " + String.join(", ", SCENARIOS));
    }
    return p;
  }

  private static void positive(List<String> p, String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      p.add(option + " takes a positive duration like 10s or 500ms");
    }
  }
}
