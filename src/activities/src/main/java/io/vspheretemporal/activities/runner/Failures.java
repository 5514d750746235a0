package io.vspheretemporal.activities.runner;

import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereFault;
import java.util.List;

/**
 * Turns what went wrong into the {@link ApplicationFailure} a workflow sees: its type is vSphere's
 * fault name, its message vSphere's own, and it is retried only where retrying can help.
 */
public final class Failures {
  private Failures() {}

  public static ApplicationFailure fromTask(String operation, String target, MoRef task, TaskSnapshot snapshot) {
    return failure(snapshot.faultType(), snapshot.faultMessage(), operation, target, task);
  }

  public static ApplicationFailure fromFault(String operation, String target, VimFaultException e) {
    return failure(e.faultType(), e.faultMessage(), operation, target, null);
  }

  private static ApplicationFailure failure(String fault, String message, String operation, String target, MoRef task) {
    String text = message == null || message.isBlank() ? fault : message;
    return ApplicationFailure.newBuilder()
        .setType(fault)
        .setMessage(text)
        .setNonRetryable(!FailureTypes.isRetryable(fault))
        .setDetails(new VSphereFault(fault, text, operation, target, task))
        .build();
  }

  public static ApplicationFailure fromSession(VCenterException e) {
    return ApplicationFailure.newBuilder()
        .setType(e.failureType())
        .setMessage(e.getMessage())
        .setNonRetryable(!e.retryable())
        .build();
  }

  public static ApplicationFailure invalidRequest(String operation, List<String> problems) {
    return ApplicationFailure.newBuilder()
        .setType(FailureTypes.INVALID_REQUEST)
        .setMessage(operation + " request rejected, nothing was sent to vSphere: " + String.join("; ", problems))
        .setNonRetryable(true)
        .build();
  }

  public static ApplicationFailure nonRetryable(String type, String message) {
    return ApplicationFailure.newBuilder().setType(type).setMessage(message).setNonRetryable(true).build();
  }
}
