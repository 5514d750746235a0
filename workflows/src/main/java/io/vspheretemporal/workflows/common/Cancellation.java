package io.vspheretemporal.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.CancellationScope;

/**
 * Whether a failure means the workflow was cancelled. Call it from the workflow's own code: in a
 * promise callback {@code CancellationScope.current()} is the callback thread's scope, which never
 * sees the workflow's cancellation, so only a {@code CanceledFailure} cause counts there.
 */
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
