package io.vspheretemporal.testing.control;

import java.time.Instant;

/**
 * A task as the simulator knows it. {@code result} is {@code Type:value} of a MoRef result;
 * {@code error} is {@code Fault: message}; times are RFC 3339.
 */
public record SimTask(
    String ref, String name, String entity, String entityName, String state, int progress,
    boolean cancelable, boolean cancelled, String activationId, String error, String result,
    String startTime, String completeTime) {

  public Instant completed() {
    return completeTime == null ? null : Instant.parse(completeTime);
  }
}
