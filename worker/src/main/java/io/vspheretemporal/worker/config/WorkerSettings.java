package io.vspheretemporal.worker.config;

/**
 * @param heartbeatInterval how often running steps heartbeat, and so how fast a cancellation
 *     reaches vSphere (e.g. {@code 5s})
 * @param shutdownGrace on SIGTERM, how long in-flight steps may finish before the worker exits
 * @param maxConcurrentActivities steps one worker runs at once
 * @param stickyWorkflows keep workflows cached on the worker that last ran them (Temporal's sticky
 *     execution; default true). Set false against the in-memory {@code dev-server}, which never
 *     moves a stopped worker's workflows to another worker
 */
public record WorkerSettings(String heartbeatInterval, String shutdownGrace, Integer maxConcurrentActivities,
    Boolean stickyWorkflows) {}
