package io.vspheretemporal.worker.config;

/**
 * @param heartbeatInterval how often running steps heartbeat, and so how fast a cancellation
 *     reaches vSphere (e.g. {@code 5s})
 * @param shutdownGrace on SIGTERM, how long in-flight steps may finish before the worker exits
 * @param maxConcurrentActivities steps one worker runs at once
 */
public record WorkerSettings(String heartbeatInterval, String shutdownGrace, Integer maxConcurrentActivities) {}
