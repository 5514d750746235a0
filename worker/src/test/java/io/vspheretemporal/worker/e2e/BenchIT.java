package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at CI size: it runs every strategy on the same tasks and reports what each costs
 * vCenter, in the documented JSON shape. Only structural facts are asserted (one long poll for
 * ours, one per task for the baseline); times and bytes vary by machine and are not.
 */
class BenchIT {
  private static final int TASKS = 20;

  @Test
  void reportsEachStrategySideBySideInTheDocumentedShape() throws Exception {
    Path json = Files.createTempFile("bench", ".json");
    Cli.Result r = Cli.run(Duration.ofMinutes(4), Map.of(),
        "bench", "--tasks", Integer.toString(TASKS), "--duration", "3s", "--heartbeat-interval", "1s", "--json", json.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("| strategy | tasks | SOAP/task").contains("collector-per-task vs watcher");

    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    Map<String, JsonNode> rows = new HashMap<>();
    doc.path("results").forEach(row -> rows.put(row.path("strategy").asText(), row));
    assertThat(rows).containsOnlyKeys("watcher", "collector-per-task", "polling");
    for (JsonNode row : rows.values()) {
      assertThat(row.path("tasks").asInt()).isEqualTo(TASKS);
      assertThat(row.path("errors").asInt()).as(row.toString()).isZero();
      assertThat(row.path("latencyMs").path("p50").asDouble()).isLessThanOrEqualTo(row.path("latencyMs").path("p99").asDouble());
      assertThat(row.path("latencyMs").path("p99").asDouble()).isLessThanOrEqualTo(row.path("latencyMs").path("max").asDouble());
      assertThat(row.path("heartbeatsPerTaskMinute").asDouble()).isPositive();
      assertThat(row.path("heapBytesPerTask").asLong()).isGreaterThanOrEqualTo(0);
      assertThat(row.path("cpuMsPerTask").asDouble()).isPositive();
      assertThat(row.path("soapPerTask").asDouble()).isGreaterThan(row.path("soapPerTaskExcludingSubmit").asDouble());
      assertThat(row.path("soapPerTaskByMethod").path("ReconfigVM_Task").asDouble()).isEqualTo(1.0);
    }

    JsonNode ours = rows.get("watcher");
    JsonNode perTask = rows.get("collector-per-task");
    JsonNode polling = rows.get("polling");
    // One long poll to vCenter however many tasks wait; the usual pattern holds one per task.
    assertThat(ours.path("peakLongPolls").asInt()).isEqualTo(1);
    assertThat(perTask.path("peakLongPolls").asInt()).isGreaterThan(TASKS / 2);
    assertThat(polling.path("soapPerTaskByMethod").has("WaitForUpdatesEx")).isFalse();
    assertThat(ours.path("soapPerTaskExcludingSubmit").asDouble())
        .isLessThan(perTask.path("soapPerTaskExcludingSubmit").asDouble())
        .isLessThan(polling.path("soapPerTaskExcludingSubmit").asDouble());
    assertThat(doc.path("ratios")).hasSize(2);
  }
}
