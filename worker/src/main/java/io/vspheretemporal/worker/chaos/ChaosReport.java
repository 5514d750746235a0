package io.vspheretemporal.worker.chaos;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The figures of a chaos run: the totals issue 7 asks for first, then each scenario and the
 * secrets scan in detail.
 */
@JsonPropertyOrder({"kills", "workflows", "completed", "failed", "duplicateOperations", "orphanVms", "secretsFound",
    "lost", "wrongResults", "passed", "wallSeconds", "settings", "scenarios", "secrets", "orphans"})
public record ChaosReport(
    int kills,
    int workflows,
    int completed,
    int failed,
    int duplicateOperations,
    int orphanVms,
    int secretsFound,
    int lost,
    int wrongResults,
    boolean passed,
    double wallSeconds,
    Map<String, Object> settings,
    List<ScenarioResult> scenarios,
    SecretsScan secrets,
    List<String> orphans) {

  /**
   * What the secrets scan read and found. Findings name the secret by its label and where it was,
   * never its value.
   */
  public record SecretsScan(long historyEvents, long payloads, long failureMessages, long heartbeatDetails,
      long describes, long metricsScrapes, int workerLogs, long workerLogBytes, long bytesScanned,
      List<SecretScanner.Finding> findings) {}
}
