package io.vspheretemporal.activities.runner;

import java.time.Duration;

/**
 * How task steps report and wait.
 *
 * @param heartbeatInterval a running task heartbeats its state at least this often (a state change
 *     heartbeats at once). It also bounds how fast a workflow's cancellation reaches vSphere, since
 *     Temporal delivers cancellation in heartbeat answers; the worker's heartbeat throttle must not
 *     be longer (see {@code VSphereWorkerOptions})
 * @param cancelWaitLimit after asking vSphere to cancel, how long to wait for the task to end
 *     before reporting the cancellation anyway
 */
public record RunnerSettings(Duration heartbeatInterval, Duration cancelWaitLimit) {
  public static RunnerSettings defaults() {
    return new RunnerSettings(Duration.ofSeconds(5), Duration.ofMinutes(5));
  }
}
