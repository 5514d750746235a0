package io.vspheretemporal.worker.chaos;

import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import io.vspheretemporal.workflows.fleet.FleetResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs the fault suite of issue 7: one fleet per scenario, each hurt its own way while it runs,
 * then audited (nothing lost, nothing run twice, every VM as asked, none orphaned); and throughout,
 * a scan for the run's two secrets in everything Temporal, the worker's logs and its metrics hold.
 */
public final class ChaosRun {
  private final ChaosOptions options;
  private final PrintStream progress;

  public ChaosRun(ChaosOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public ChaosReport run() throws Exception {
    long started = System.nanoTime();
    String runId = String.format("%06x", (options.seed() ^ System.nanoTime()) & 0xffffff);
    Random random = new Random(options.seed());
    List<ScenarioResult> results = new ArrayList<>();
    Set<String> owned = new HashSet<>();
    List<String> orphans;
    ChaosReport.SecretsScan scan;
    try (World world = World.start(options, progress)) {
      SecretScanner scanner = new SecretScanner(Map.of(
          "vCenter password", world.vcenterPassword, "customization secret " + World.ADMIN_SECRET, world.adminPassword));
      TemporalScan temporal = new TemporalScan(world.service, World.NAMESPACE, DataConverters.forKeys(EncryptionKeys.none()), scanner);
      Audit audit = new Audit(world.control(), temporal);
      try (Observer observer = new Observer(temporal, scanner, world.metricsPort, Duration.ofSeconds(1))) {
        int index = 0;
        for (Scenario s : scenarios()) {
          index++;
          ScenarioResult r = runScenario(world, audit, observer, s, index, runId, random, owned);
          results.add(r);
        }
        observer.sample();
        orphans = audit.orphans(owned);
        scan = new ChaosReport.SecretsScan(temporal.events(), temporal.payloads(), temporal.failures(),
            temporal.heartbeatDetails(), observer.describes(), observer.scrapes(), 0, 0, 0, List.of());
      }
      world.worker.close(); // SIGTERM: its shutdown lines are in the log too
      long logBytes = 0;
      List<Path> logs = new ArrayList<>(world.worker.logs());
      logs.add(world.temporal.log());
      for (Path log : logs) {
        byte[] bytes = Files.readAllBytes(log);
        logBytes += bytes.length;
        scanner.scan("log " + log.getFileName(), bytes);
      }
      scanner.scan("worker configuration " + world.workDir.resolve("worker.yaml").getFileName(),
          Files.readAllBytes(world.workDir.resolve("worker.yaml")));
      scan = new ChaosReport.SecretsScan(scan.historyEvents(), scan.payloads(), scan.failureMessages(),
          scan.heartbeatDetails(), scan.describes(), scan.metricsScrapes(), world.worker.logs().size(), logBytes,
          scanner.scannedBytes(), scanner.findings());
    }
    return report(results, orphans, scan, (System.nanoTime() - started) / 1e9);
  }

  private List<Scenario> scenarios() {
    List<Scenario> all = List.of(
        new KillScenario(options.kills()),
        new VCenterOutageScenario(options.vcenterOutage()),
        new SessionExpiryScenario(options.sessionExpiryEvery()),
        new RestartScenario(),
        new TemporalOutageScenario(options.temporalOutage()));
    return all.stream().filter(s -> options.scenarios().contains(s.name())).toList();
  }

  private ScenarioResult runScenario(World world, Audit audit, Observer observer, Scenario s, int index, String runId,
      Random random, Set<String> owned) throws Exception {
    progress.println("chaos: scenario " + s.name() + ": " + s.summary() + " (" + options.fleet() + " VMs, "
        + Math.min(options.parallelism(), options.fleet()) + " at once)");
    world.control().clearFaults();
    world.control().resetCounters();
    Fleet fleet = new Fleet(runId, s.name(), index, options.fleet(), options.parallelism(), World.ADMIN_SECRET);
    ScenarioContext ctx = new ScenarioContext(world, fleet, options, random, progress);
    observer.watch(fleet.workflowIds());
    long started = System.nanoTime();
    fleet.start(world.client);
    try {
      s.disrupt(ctx);
    } catch (Exception e) {
      ctx.problem("the disruption itself failed: " + e);
    }
    if (!world.worker.isAlive()) {
      world.worker.start();
    }
    FleetResult result = fleet.await(options.fleetTimeout());
    observer.sample();
    double seconds = (System.nanoTime() - started) / 1e9;
    Audit.Outcome o = audit.of(fleet, result, ctx.allowance);
    s.check(ctx, o);
    owned.addAll(o.owned());
    if (!o.failedTasks().isEmpty()) {
      ctx.details.put("failedTasks", o.failedTasks());
    }
    List<String> problems = new ArrayList<>(ctx.problems);
    problems.addAll(o.problems());
    List<String> scenarioOrphans = audit.orphans(o.owned()).stream()
        .filter(v -> v.startsWith("chaos-" + s.name() + "-")).toList();
    problems.addAll(scenarioOrphans.stream().map(v -> "orphan VM " + v).toList());
    ScenarioResult r = new ScenarioResult(s.name(), s.summary(), fleet.vms().size(), o.workflows(), o.completed(),
        o.failed(), o.lost(), o.duplicateOperations(), o.wrongResults(), scenarioOrphans.size(), o.activityFailures(),
        o.activityTimeouts(), o.retriedAttempts(), o.retryReasons(), o.taskCalls(), Map.copyOf(ctx.allowance),
        observer.peakPendingWithDetails(), Math.round(seconds * 10) / 10.0, new LinkedHashMap<>(ctx.details),
        o.failures(), problems);
    progress.printf(java.util.Locale.ROOT, "chaos:   %s in %.1f s: %d/%d runs completed, %d duplicate operations,"
            + " %d retried attempts %s%s%n", r.passed() ? "passed" : "FAILED", seconds, r.completed(), r.workflows(),
        r.duplicateOperations(), r.retriedAttempts(), r.retryReasons().isEmpty() ? "" : r.retryReasons(),
        problems.isEmpty() && o.failures().isEmpty() ? "" : "\n" + String.join("\n", prefixed(o.failures(), problems)));
    return r;
  }

  private static List<String> prefixed(List<String> failures, List<String> problems) {
    List<String> out = new ArrayList<>();
    failures.forEach(f -> out.add("chaos:     failed run: " + f));
    problems.forEach(p -> out.add("chaos:     problem: " + p));
    return out;
  }

  private ChaosReport report(List<ScenarioResult> results, List<String> orphans, ChaosReport.SecretsScan scan,
      double seconds) {
    int kills = results.stream().mapToInt(r -> ((Number) r.details().getOrDefault("kills", 0)).intValue()).sum();
    int workflows = results.stream().mapToInt(ScenarioResult::workflows).sum();
    int completed = results.stream().mapToInt(ScenarioResult::completed).sum();
    int failed = results.stream().mapToInt(ScenarioResult::failed).sum();
    int duplicates = results.stream().mapToInt(ScenarioResult::duplicateOperations).sum();
    int lost = results.stream().mapToInt(ScenarioResult::lost).sum();
    int wrong = results.stream().mapToInt(ScenarioResult::wrongResults).sum();
    int secrets = scan.findings().size();
    boolean passed = results.stream().allMatch(ScenarioResult::passed) && orphans.isEmpty() && secrets == 0
        && completed == workflows;
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("kills", options.kills());
    settings.put("fleet", options.fleet());
    settings.put("parallelism", options.parallelism());
    settings.put("vcenterOutage", options.vcenterOutage().toString());
    settings.put("temporalOutage", options.temporalOutage().toString());
    settings.put("sessionExpiryEvery", options.sessionExpiryEvery().toString());
    settings.put("taskDuration", options.taskDuration().toString());
    settings.put("heartbeatInterval", options.heartbeatInterval().toString());
    settings.put("seed", options.seed());
    settings.put("workerLogLevel", options.workerLogLevel());
    settings.put("cpus", Runtime.getRuntime().availableProcessors());
    settings.put("java", Runtime.version().toString());
    return new ChaosReport(kills, workflows, completed, failed, duplicates, orphans.size(), secrets, lost, wrong, passed,
        Math.round(seconds * 10) / 10.0, settings, results, scan, orphans);
  }
}
