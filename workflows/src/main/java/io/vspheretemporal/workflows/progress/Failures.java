package io.vspheretemporal.workflows.progress;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TimeoutFailure;

/** What a failed step says in a checklist or result: vSphere's fault and message, not a stack. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApplicationFailure af) {
      return af.getType() + ": " + af.getOriginalMessage();
    }
    if (t instanceof CanceledFailure) {
      return "cancelled";
    }
    if (t instanceof TimeoutFailure tf) {
      return "timed out (" + tf.getTimeoutType() + ")";
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** The vSphere fault type of a failed step, e.g. {@code DuplicateName}, or null. */
  public static String faultType(Throwable e) {
    Throwable t = e;
    while ((t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure af ? af.getType() : null;
  }
}
