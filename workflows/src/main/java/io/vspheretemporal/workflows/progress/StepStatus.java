package io.vspheretemporal.workflows.progress;

/**
 * One step of a workflow as queries show it.
 *
 * @param task the vSphere task running this step, while it runs
 * @param progress the task's percent done as vSphere reports it
 * @param detail the task's description, a failure's message, why it was skipped, or what undid it
 * @param millis how long the step took (or has taken so far)
 */
public record StepStatus(
    String name, StepState state, String task, Integer progress, String detail, Long startedAt, Long millis) {

  StepStatus with(StepState newState, String newDetail, Long newMillis) {
    return new StepStatus(name, newState, task, progress, newDetail, startedAt, newMillis);
  }

  StepStatus live(String newTask, Integer newProgress, String newDetail) {
    return new StepStatus(name, state, newTask, newProgress, newDetail, startedAt, millis);
  }
}
