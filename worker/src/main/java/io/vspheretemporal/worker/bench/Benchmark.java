package io.vspheretemporal.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.worker.runtime.DevServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every strategy on the same workload, one after the other in this process, and reports them
 * side by side: the worker's own cost (heap, CPU) and vCenter's (SOAP calls, long polls,
 * connections) per task, detection latency and heartbeat traffic. Temporal's in-memory server runs
 * as a child process so that the worker's heap and CPU are measured alone.
 */
public final class Benchmark {
  private static final int WARM_UP_TASKS = 100;
  private static final Duration WARM_UP_DURATION = Duration.ofSeconds(2);
  private final List<Integer> taskCounts;
  private final Duration taskDuration;
  private final List<Strategy> strategies;
  private final RunnerSettings settings;
  private final boolean heapProfile;

  public Benchmark(List<Integer> taskCounts, Duration taskDuration, List<Strategy> strategies, Duration heartbeatInterval,
      boolean heapProfile) {
    this.taskCounts = List.copyOf(taskCounts);
    this.taskDuration = taskDuration;
    this.strategies = List.copyOf(strategies);
    this.settings = new RunnerSettings(heartbeatInterval, Duration.ofMinutes(5));
    this.heapProfile = heapProfile;
  }

  public List<BenchRow> run(PrintStream progress) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path serverLog = Files.createTempFile("vsphere-temporal-bench-dev-server", ".log");
    DevServerProcess temporal = DevServerProcess.start(port, "4g", serverLog);
    try {
      for (Strategy strategy : strategies) {
        // Class loading, JIT and first-use caches would otherwise land on the first measured run's
        // heap and CPU per task.
        progress.printf(Locale.ROOT, "bench: warming up %s with %d tasks of %s (not reported)...%n",
            strategy.label(), WARM_UP_TASKS, WARM_UP_DURATION);
        new BenchRun("localhost:" + port, strategy, WARM_UP_TASKS, WARM_UP_DURATION, settings, null).measure();
      }
      List<BenchRow> rows = new ArrayList<>();
      for (int n : taskCounts) {
        for (Strategy strategy : strategies) {
          progress.printf(Locale.ROOT, "bench: %d tasks of %s with %s...%n", n, taskDuration, strategy.label());
          BenchRow row = new BenchRun("localhost:" + port, strategy, n, taskDuration, settings,
              heapProfile ? progress : null).measure();
          progress.printf(Locale.ROOT, "bench:   %.1f s, %d errors%n", row.wallSeconds(), row.errors());
          rows.add(row);
        }
      }
      return rows;
    } finally {
      temporal.close();
      Files.deleteIfExists(serverLog);
    }
  }

  /** The markdown table, and for each N how ours compares with each baseline. */
  public static String markdown(List<BenchRow> rows) {
    StringBuilder md = new StringBuilder();
    md.append("| strategy | tasks | SOAP/task | SOAP/task excl. submit | peak long polls | peak connections | "
        + "latency p50 / p99 / max (ms) | heartbeats/task-min | heap/task | worker CPU ms/task | vcsim CPU ms/task | errors |\n");
    md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (BenchRow r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d | %d | %.1f / %.1f / %.1f | %.1f | %s | %.2f | %.2f | %d |%n",
          r.strategy(), r.tasks(), r.soapPerTask(), r.soapPerTaskExcludingSubmit(), r.peakLongPolls(),
          r.peakConnections(), r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMs().max(),
          r.heartbeatsPerTaskMinute(), r.heapBytesPerTask() < 0 ? "n/a" : kb(r.heapBytesPerTask()), r.cpuMsPerTask(),
          r.simulatorCpuMsPerTask(), r.errors()));
    }
    for (Map<String, Object> ratio : ratios(rows)) {
      md.append(String.format(Locale.ROOT, "%n%s tasks, %s vs watcher: %.1fx the SOAP calls per task (excl. submit), "
              + "%.1fx the peak connections, %.1fx the p99 latency, %.1fx the heap and %.1fx the CPU per task",
          ratio.get("tasks"), ratio.get("baseline"), ratio.get("soap"), ratio.get("connections"), ratio.get("p99"),
          ratio.get("heap"), ratio.get("cpu")));
    }
    return md.append('\n').toString();
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  /** Each baseline's cost as a multiple of ours, per task count. */
  static List<Map<String, Object>> ratios(List<BenchRow> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (BenchRow ours : rows.stream().filter(r -> r.strategy().equals("watcher")).toList()) {
      for (BenchRow other : rows.stream().filter(r -> r.tasks() == ours.tasks() && !r.strategy().equals("watcher")).toList()) {
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("tasks", ours.tasks());
        ratio.put("baseline", other.strategy());
        ratio.put("soap", div(other.soapPerTaskExcludingSubmit(), ours.soapPerTaskExcludingSubmit()));
        ratio.put("connections", div(other.peakConnections(), ours.peakConnections()));
        ratio.put("p99", div(other.latencyMs().p99(), ours.latencyMs().p99()));
        ratio.put("heap", div(other.heapBytesPerTask(), ours.heapBytesPerTask()));
        ratio.put("cpu", div(other.cpuMsPerTask(), ours.cpuMsPerTask()));
        out.add(ratio);
      }
    }
    return out;
  }

  private static double div(double a, double b) {
    return b <= 0 ? 0 : BenchRun.round(a / b);
  }

  public static void writeJson(Path file, List<BenchRow> rows, Map<String, Object> environment) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("results", rows);
    doc.put("ratios", ratios(rows));
    doc.put("environment", environment);
    Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
  }
}
