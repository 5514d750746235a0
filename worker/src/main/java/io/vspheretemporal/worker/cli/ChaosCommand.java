package io.vspheretemporal.worker.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vspheretemporal.testing.SimulatorUnavailableException;
import io.vspheretemporal.worker.chaos.ChaosOptions;
import io.vspheretemporal.worker.chaos.ChaosReport;
import io.vspheretemporal.worker.chaos.ChaosRun;
import io.vspheretemporal.worker.chaos.ReportText;
import io.vspheretemporal.worker.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"The fault suite: starts the simulator, Temporal's in-memory server and a worker process, runs a",
        "fleet per scenario (worker SIGKILLs, vCenter outage, session expiry, vCenter restart, Temporal outage)",
        "and scans everything for the run's secrets. Prints the figures; exit 1 if anything was lost, ran twice,",
        "was left behind or leaked, 2 on bad options."})
public final class ChaosCommand implements Callable<Integer> {
  @Option(names = "--kills", defaultValue = "10", description = "worker SIGKILLs during the first fleet (default: ${DEFAULT-VALUE})")
  int kills;

  @Option(names = "--fleet", defaultValue = "20", description = "VMs per scenario's fleet (default: ${DEFAULT-VALUE})")
  int fleet;

  @Option(names = "--parallelism", defaultValue = "5", description = "VMs a fleet provisions at once (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--json", description = "write the figures as JSON here")
  Path json;

  @Option(names = "--vcenter-outage", defaultValue = "60s", description = "how long vCenter drops every connection (default: ${DEFAULT-VALUE})")
  String vcenterOutage;

  @Option(names = "--temporal-outage", defaultValue = "30s", description = "how long Temporal is cut off from the worker (default: ${DEFAULT-VALUE})")
  String temporalOutage;

  @Option(names = "--session-expiry-every", defaultValue = "10s", description = "how often vCenter ends every session (default: ${DEFAULT-VALUE})")
  String sessionExpiry;

  @Option(names = "--task-duration", defaultValue = "3s", description = "how long each simulated vSphere task runs (default: ${DEFAULT-VALUE})")
  String taskDuration;

  @Option(names = "--heartbeat-interval", defaultValue = "1s", description = "the worker's heartbeat interval (default: ${DEFAULT-VALUE})")
  String heartbeat;

  @Option(names = "--fleet-timeout", defaultValue = "20m", description = "how long a fleet may take before its runs count as lost (default: ${DEFAULT-VALUE})")
  String fleetTimeout;

  @Option(names = "--scenarios", split = ",", description = "run only these, of kills, vc-outage, sessions, restart, tp-outage (default: all)")
  List<String> scenarios;

  @Option(names = "--seed", description = "seed of the random kill moments (default: random, printed)")
  Long seed;

  @Option(names = "--work-dir", description = "where the worker's configuration and the processes' logs go (default: a new temporary directory)")
  Path workDir;

  @Option(names = "--worker-log-level", defaultValue = "DEBUG", description = "the worker's log level; its logs are scanned for secrets (default: ${DEFAULT-VALUE})")
  String workerLogLevel;

  @Override
  public Integer call() throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    List<String> problems = new ArrayList<>();
    Duration vc = duration("--vcenter-outage", vcenterOutage, problems);
    Duration tp = duration("--temporal-outage", temporalOutage, problems);
    Duration sessions = duration("--session-expiry-every", sessionExpiry, problems);
    Duration task = duration("--task-duration", taskDuration, problems);
    Duration hb = duration("--heartbeat-interval", heartbeat, problems);
    Duration limit = duration("--fleet-timeout", fleetTimeout, problems);
    if (!problems.isEmpty()) {
      problems.forEach(System.err::println);
      return ExitCodes.CONFIG;
    }
    long s = seed != null ? seed : System.nanoTime() & 0xffffffL;
    Path dir = workDir != null ? workDir : Files.createTempDirectory("vsphere-temporal-chaos-");
    ChaosOptions options = new ChaosOptions(kills, fleet, parallelism, vc, tp, sessions, task, Duration.ofSeconds(1), hb,
        limit, s, dir, workerLogLevel.toUpperCase(java.util.Locale.ROOT),
        scenarios == null ? new LinkedHashSet<>(ChaosOptions.SCENARIOS) : new LinkedHashSet<>(scenarios));
    if (!options.problems().isEmpty()) {
      options.problems().forEach(System.err::println);
      return ExitCodes.CONFIG;
    }
    System.out.println("chaos: seed " + s + " (repeat the kill moments with --seed " + s + ")");
    ChaosReport report;
    try {
      report = new ChaosRun(options, System.out).run();
    } catch (SimulatorUnavailableException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    System.out.print(ReportText.of(report));
    if (json != null) {
      Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }
    return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static Duration duration(String option, String value, List<String> problems) {
    Duration d = Durations.parse(value);
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(option + " takes a positive duration like 30s, 500ms or 2m, got '" + value + "'");
    }
    return d;
  }
}
