package io.vspheretemporal.worker.chaos;

import java.util.List;
import java.util.Map;

/**
 * One scenario's figures, as the report and its JSON show them.
 *
 * @param workflows the fleet and its ProvisionVm children
 * @param lost runs that never ended
 * @param taskCalls *_Task submissions the simulator counted, by method
 * @param allowance submissions expected beyond one per VM and step (work a restart made vSphere forget)
 * @param retriedAttempts activity attempts beyond the first; {@code retryReasons} what ended the attempts before
 * @param peakStepsObserved the most pending activities with heartbeat details seen at once
 * @param details what the scenario did, e.g. kills, outage length held
 * @param problems every broken promise; the scenario passed when there is none
 */
public record ScenarioResult(
    String name,
    String summary,
    int vms,
    int workflows,
    int completed,
    int failed,
    int lost,
    int duplicateOperations,
    int wrongResults,
    int orphanVms,
    int activityFailures,
    int activityTimeouts,
    int retriedAttempts,
    Map<String, Integer> retryReasons,
    Map<String, Long> taskCalls,
    Map<String, Integer> allowance,
    int peakStepsObserved,
    double seconds,
    Map<String, Object> details,
    List<String> failures,
    List<String> problems) {

  @com.fasterxml.jackson.annotation.JsonProperty("passed")
  public boolean passed() {
    return problems.isEmpty() && failures.isEmpty() && lost == 0 && duplicateOperations == 0 && wrongResults == 0
        && orphanVms == 0 && completed == workflows;
  }
}
