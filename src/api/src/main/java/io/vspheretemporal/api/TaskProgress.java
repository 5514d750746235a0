package io.vspheretemporal.api;

/**
 * What a vSphere task step heartbeats: the Temporal UI shows it under the pending activity, and a
 * retried attempt reads it back to re-attach to the task instead of starting the operation again.
 *
 * @param operation the vSphere method, e.g. {@code CloneVM_Task}
 * @param target what the operation runs on, e.g. {@code DC0_C0_RP0_VM0}
 * @param task the vSphere task, once submitted
 * @param state {@code submitting}, {@code queued}, {@code running}, {@code success} or {@code error}
 * @param progress percent done as vSphere reports it (null when it reports none)
 * @param description what vSphere says the task is doing
 * @param cancelRequested whether this step asked vSphere to cancel the task
 * @param attempt the Temporal attempt that wrote this
 * @param operationKey the key sent as vSphere's operationID, which vCenter keeps as the task's activationId
 */
public record TaskProgress(
    String operation,
    String target,
    MoRef task,
    String state,
    Integer progress,
    String description,
    boolean cancelRequested,
    int attempt,
    String operationKey) {

  public static final String SUBMITTING = "submitting";

  public boolean submitted() {
    return task != null;
  }
}
