package io.vspheretemporal.testing.control;

/** A task as the simulator knows it. {@code result} is {@code Type:value} of a MoRef result. */
public record SimTask(
    String ref, String name, String entity, String entityName, String state, int progress,
    boolean cancelable, boolean cancelled, String activationId, String error, String result) {}
