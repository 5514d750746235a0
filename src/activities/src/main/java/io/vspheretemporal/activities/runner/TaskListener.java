package io.vspheretemporal.activities.runner;

import java.time.Duration;

/** What task steps report for metrics. */
public interface TaskListener {
  default void started(String vcenter, String operation) {}

  /** @param outcome {@code success}, {@code error} or {@code cancelled} */
  default void finished(String vcenter, String operation, String outcome, Duration duration) {}

  TaskListener NONE = new TaskListener() {};
}
