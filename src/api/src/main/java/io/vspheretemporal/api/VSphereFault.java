package io.vspheretemporal.api;

/**
 * Details of a failed vSphere step, attached to its {@code ApplicationFailure}: the failure's type
 * is {@link #fault} and its message is vSphere's own.
 *
 * @param fault the vSphere fault type, e.g. {@code DuplicateName}
 * @param message vSphere's localized message
 * @param operation the vSphere method, e.g. {@code CloneVM_Task}
 * @param target the object the operation ran on
 * @param task the task that failed, when there was one
 */
public record VSphereFault(String fault, String message, String operation, String target, MoRef task) {}
