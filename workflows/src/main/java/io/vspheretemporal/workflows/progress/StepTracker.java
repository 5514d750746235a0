package io.vspheretemporal.workflows.progress;

import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.TaskProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checklist of a workflow's steps. Every change is published as the workflow's current details
 * (short markdown the Temporal UI shows) and is what the progress query returns. Workflow code only:
 * it reads time from {@link Workflow#currentTimeMillis()}.
 */
public final class StepTracker {
  private final String title;
  private final List<StepStatus> steps = new ArrayList<>();
  private String outcome;

  public StepTracker(String title, List<String> names) {
    this.title = title;
    for (String name : names) {
      steps.add(new StepStatus(name, StepState.PENDING, null, null, null, null, null));
    }
    publish();
  }

  /** Runs a step: marked running, then done with its duration, or failed with the failure's message. */
  public <T> T run(String name, Supplier<T> step) {
    start(name);
    try {
      T result = step.get();
      finish(name, StepState.DONE, null);
      return result;
    } catch (RuntimeException e) {
      finish(name, StepState.FAILED, Failures.describe(e));
      throw e;
    }
  }

  public void run(String name, Runnable step) {
    run(name, () -> {
      step.run();
      return null;
    });
  }

  public void start(String name) {
    int i = index(name);
    steps.set(i, new StepStatus(name, StepState.RUNNING, null, null, null, Workflow.currentTimeMillis(), null));
    publish();
  }

  public void finish(String name, StepState state, String detail) {
    int i = index(name);
    StepStatus s = steps.get(i);
    Long millis = s.startedAt() == null ? null : Workflow.currentTimeMillis() - s.startedAt();
    steps.set(i, new StepStatus(name, state, null, null, detail, s.startedAt(), millis));
    publish();
  }

  public void skip(String name, String why) {
    int i = index(name);
    steps.set(i, steps.get(i).with(StepState.SKIPPED, why, null));
    publish();
  }

  /** Marks a finished step as undone by compensation, e.g. {@code destroyed web-01}. */
  public void undone(String name, String how) {
    int i = index(name);
    StepStatus s = steps.get(i);
    steps.set(i, s.with(StepState.UNDONE, how, s.millis()));
    publish();
  }

  /** Live progress of the running vSphere task (from {@code VSphereProgressListener} signals). */
  public void onProgress(TaskProgress p) {
    for (int i = 0; i < steps.size(); i++) {
      StepStatus s = steps.get(i);
      if (s.state() == StepState.RUNNING) {
        String task = p.task() == null ? null : p.task().value();
        String detail = p.state() + (p.description() == null ? "" : " - " + p.description());
        steps.set(i, s.live(task, p.progress(), detail));
        publish();
        return;
      }
    }
  }

  public void outcome(String text) {
    outcome = text;
    publish();
  }

  public boolean isDone(String name) {
    return steps.get(index(name)).state() == StepState.DONE;
  }

  public WorkflowProgress progress() {
    String current = steps.stream().filter(s -> s.state() == StepState.RUNNING).map(StepStatus::name)
        .findFirst().orElse(null);
    return new WorkflowProgress(title, List.copyOf(steps), current, outcome);
  }

  /** Durations of the steps that ran. */
  public List<StepTiming> timings() {
    return steps.stream().filter(s -> s.millis() != null).map(s -> new StepTiming(s.name(), s.millis())).toList();
  }

  private int index(String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no step named " + name);
  }

  private void publish() {
    Workflow.setCurrentDetails(Markdown.of(progress()));
  }
}
