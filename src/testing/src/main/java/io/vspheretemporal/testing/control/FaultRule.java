package io.vspheretemporal.testing.control;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The next {@code count} calls of {@code method} fail with {@code fault}: a {@code *_Task} method
 * still returns a task, which ends in error; other methods answer a SOAP fault.
 *
 * @param message vSphere's message to carry; null for vCenter's usual wording
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String method, String fault, int count, String message, Integer remaining) {
  public static FaultRule of(String method, String fault) {
    return new FaultRule(method, fault, 1, null, null);
  }
}
