package io.vspheretemporal.activities.runner;

import java.time.Duration;

/** What task steps report for metrics. */
public interface TaskListener {
  default void started(String vcenter, String operation) {}

  /** A task was submitted; its reference is heartbeated right after this returns. */
  default void submitted(String vcenter, String operation, String task) {}

  /**
   * A task's end reached this worker {@code lag} after vSphere completed it (by vCenter's clock):
   * how quickly completions are noticed.
   */
  default void detected(String vcenter, String operation, Duration lag) {}

  /** @param outcome {@code success}, {@code error} or {@code cancelled} */
  default void finished(String vcenter, String operation, String outcome, Duration duration) {}

  TaskListener NONE = new TaskListener() {};
}
