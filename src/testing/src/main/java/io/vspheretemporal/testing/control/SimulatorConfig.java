package io.vspheretemporal.testing.control;

import java.util.Map;

/** The simulator's run-time timing settings, in Go duration syntax (e.g. {@code 2s}). */
public record SimulatorConfig(
    String taskDuration, Map<String, String> taskDurations, String queueDelay, String guestDelay, String taskRetention) {}
