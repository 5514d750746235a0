package io.vspheretemporal.worker.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vspheretemporal.testing.SimulatorUnavailableException;
import io.vspheretemporal.worker.bench.BenchRow;
import io.vspheretemporal.worker.bench.Benchmark;
import io.vspheretemporal.worker.bench.Strategy;
import io.vspheretemporal.worker.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Runs N concurrent vSphere task activities against the simulator and Temporal's in-memory",
        "server with each waiting strategy, and reports them side by side (markdown on stdout, --json FILE)."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--tasks", required = true, split = ",", description = "task counts, e.g. 100,1000,5000")
  List<Integer> tasks;

  @Option(names = "--duration", defaultValue = "20s", description = "how long each vSphere task runs (default: ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--strategy", defaultValue = "all", description = "watcher, collector-per-task, polling or all")
  String strategy;

  @Option(names = "--heartbeat-interval", defaultValue = "5s", description = "the steps' heartbeat cadence (default: ${DEFAULT-VALUE})")
  String heartbeat;

  @Option(names = "--json", description = "write the results as JSON here")
  Path json;

  @Option(names = "--heap-profile", description = "print the classes each in-flight task holds (a class histogram taken with all tasks in flight, minus one before)")
  boolean heapProfile;

  @Override
  public Integer call() throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    Duration d = Durations.parse(duration);
    Duration hb = Durations.parse(heartbeat);
    if (d == null || hb == null) {
      System.err.println("--duration and --heartbeat-interval take durations like 20s or 500ms");
      return ExitCodes.CONFIG;
    }
    List<Strategy> strategies = "all".equals(strategy) ? Arrays.asList(Strategy.values()) : List.of(Strategy.of(strategy));
    List<BenchRow> rows;
    try {
      rows = new Benchmark(tasks, d, strategies, hb, heapProfile).run(System.err);
    } catch (SimulatorUnavailableException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    System.out.print(Benchmark.markdown(rows));
    if (json != null) {
      Map<String, Object> env = new LinkedHashMap<>();
      env.put("taskDuration", duration);
      env.put("heartbeatInterval", heartbeat);
      env.put("cpus", Runtime.getRuntime().availableProcessors());
      env.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
      env.put("java", Runtime.version().toString());
      Benchmark.writeJson(json, rows, env);
    }
    return rows.stream().anyMatch(r -> r.errors() > 0) ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
