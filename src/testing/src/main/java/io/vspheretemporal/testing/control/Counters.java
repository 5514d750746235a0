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

  /** Tasks created per method, in-flight now and at most. */
  public record TaskCounts(Map<String, Long> created, int inFlight, int peakInFlight, int known) {
    public long created(String method) {
      return created == null ? 0 : created.getOrDefault(method, 0L);
    }
  }
}
