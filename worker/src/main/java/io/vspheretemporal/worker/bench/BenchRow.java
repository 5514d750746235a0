package io.vspheretemporal.worker.bench;

import java.util.Map;

/**
 * One measured run: {@code tasks} concurrent tasks waited on with {@code strategy}. SOAP counts,
 * long polls and connections are the simulator's (the server side); heap and CPU the worker JVM's
 * (Temporal's in-memory server runs in a process of its own, so they are the worker's alone).
 */
public record BenchRow(
    String strategy,
    int tasks,
    double soapPerTask,
    double soapPerTaskExcludingSubmit,
    Map<String, Double> soapPerTaskByMethod,
    int peakLongPolls,
    int peakConnections,
    Latency latencyMs,
    double heartbeatsPerTaskMinute,
    long heapBytesPerTask,
    double cpuMsPerTask,
    double simulatorCpuMsPerTask,
    double wallSeconds,
    int errors) {

  /** Detection latency: the simulator completing a task to the activity returning, in milliseconds. */
  public record Latency(double p50, double p99, double max) {}
}
