package io.vspheretemporal.workflows.progress;

/** How long one step took, for results. */
public record StepTiming(String step, long millis) {}
