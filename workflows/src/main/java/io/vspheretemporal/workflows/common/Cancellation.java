package io.vspheretemporal.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.CancellationScope;

/** Whether a failure means the workflow was cancelled. */
public final class Cancellation {
  private Cancellation() {}

  public static boolean isCancellation(Throwable e) {
    Throwable t = e;
    while ((t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof CanceledFailure || CancellationScope.current().isCancelRequested();
  }
}
