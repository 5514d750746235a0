package io.vspheretemporal.testing.control;

import java.util.Map;

/**
 * The simulator's counters since its last reset, all measured on the server's side.
 * {@code cpuMillis} is the simulator process's own CPU time since it started.
 */
public record Counters(
    String since,
    Map<String, Long> calls,
    long totalCalls,
    int longPollsInFlight,
    int peakLongPollsInFlight,
    int soapConnections,
    int peakSoapConnections,
    TaskCounts tasks,
    long cpuMillis,
    long heapBytes) {

  /** SOAP calls of one method, e.g. {@code calls("CloneVM_Task")}. */
  public long calls(String method) {
    return calls == null ? 0 : calls.getOrDefault(method, 0L);
  }

  /** Tasks created per method, in flight now and at most (in all and per method). */
  public record TaskCounts(Map<String, Long> created, int inFlight, int peakInFlight,
      Map<String, Integer> peakInFlightByMethod, int known) {
    public long created(String method) {
      return created == null ? 0 : created.getOrDefault(method, 0L);
    }

    /** The most tasks of one method that were in flight at once, e.g. concurrent clones. */
    public int peakInFlight(String method) {
      return peakInFlightByMethod == null ? 0 : peakInFlightByMethod.getOrDefault(method, 0);
    }
  }
}
