package io.vspheretemporal.activities.runner;

import com.vmware.vim25.ManagedObjectNotFound;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.ActivityCanceledException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.session.VimTransportException;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereFault;
import java.rmi.RemoteException;
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
    String message = e.faultMessage();
    if (e.fault() instanceof ManagedObjectNotFound gone && gone.getObj() != null) {
      // vSphere's text names neither the step nor what to do about a stale reference.
      message = operation + " on " + target + ": " + gone.getObj().getType() + " " + gone.getObj().getVal()
          + " does not exist in vSphere (it was deleted, or the reference is wrong); look it up again."
          + (message.isBlank() ? "" : " vSphere said: " + message);
    }
    return failure(e.faultType(), message, operation, target, null);
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

  /**
   * A vim25 call outside a task that failed: transport errors are retried with the session's advice,
   * a SOAP fault is reported as vSphere's fault.
   */
  public static ApplicationFailure fromCall(String operation, String target, VCenterSession session, RemoteException e) {
    if (e instanceof VimTransportException t) {
      return fromSession(session.transportFailure(t));
    }
    if (e instanceof VimFaultException f) {
      return fromFault(operation, target, f);
    }
    return ApplicationFailure.newFailure(operation + " on " + target + ": " + e.getMessage(),
        FailureTypes.VCENTER_UNREACHABLE);
  }

  public static ApplicationFailure invalidRequest(String operation, List<String> problems) {
    return ApplicationFailure.newBuilder()
        .setType(FailureTypes.INVALID_REQUEST)
        .setMessage(operation + " request rejected, nothing was sent to vSphere: " + String.join("; ", problems))
        .setNonRetryable(true)
        .build();
  }

  /**
   * Whether the SDK stopped this attempt itself because its heartbeats kept failing past the
   * heartbeat timeout (Temporal unreachable from this worker), rather than the workflow cancelling
   * it: both arrive as {@link ActivityCanceledException}, but only a cancellation may touch vSphere.
   */
  public static boolean heartbeatsTimedOut(ActivityCanceledException e) {
    return e.getCause() instanceof TimeoutFailure t && t.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_HEARTBEAT;
  }

  /**
   * What ends an attempt whose heartbeats could not reach Temporal: retryable, so that if Temporal
   * still counts the attempt as running, the next one starts (and re-attaches) instead of the step
   * being reported cancelled.
   */
  public static ApplicationFailure temporalUnreachable(String what) {
    return ApplicationFailure.newFailure(what + ": heartbeats did not reach Temporal for longer than the heartbeat"
        + " timeout; this attempt stops and leaves vSphere's work running for the next attempt, which takes it over",
        FailureTypes.TEMPORAL_UNREACHABLE);
  }

  public static ApplicationFailure nonRetryable(String type, String message) {
    return ApplicationFailure.newBuilder().setType(type).setMessage(message).setNonRetryable(true).build();
  }
}
