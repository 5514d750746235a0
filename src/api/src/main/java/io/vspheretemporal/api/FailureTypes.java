package io.vspheretemporal.api;

import java.util.List;

/**
 * Failure types of vSphere steps. A failed task's {@code ApplicationFailure} type is the vSphere
 * fault name ({@code DuplicateName}, {@code HostCommunication}, ...); the constants here are the
 * types we raise ourselves and the faults that are never retried.
 */
public final class FailureTypes {
  /** The step's input was rejected before anything was sent to vSphere. */
  public static final String INVALID_REQUEST = "InvalidRequest";
  /** The request names a vCenter the worker is not configured for. */
  public static final String UNKNOWN_VCENTER = "UnknownVCenter";
  /** The vCenter could not be reached (connection refused, timeout, DNS); retried. */
  public static final String VCENTER_UNREACHABLE = "VCenterUnreachable";
  /**
   * This attempt's heartbeats could not reach Temporal for longer than the heartbeat timeout, so the
   * attempt stopped; its vSphere task was left running for the next attempt, which re-attaches. Retried.
   */
  public static final String TEMPORAL_UNREACHABLE = "TemporalUnreachable";
  /** The vCenter's certificate is not trusted or does not match the pinned thumbprint. */
  public static final String CERTIFICATE_REJECTED = "CertificateRejected";
  /** A secret named in the request is not known to the worker. */
  public static final String UNKNOWN_SECRET = "UnknownSecret";
  /** An inventory look-up found nothing. */
  public static final String NOT_FOUND = "NotFound";
  /** A guest wait ran out of time. */
  public static final String GUEST_TIMEOUT = "GuestTimeout";
  /** vSphere forgot the task and nothing tells whether its work happened. */
  public static final String TASK_LOST = "TaskLost";
  /**
   * The task failed with a fault this worker's vim25 binding cannot parse (newer than API 6.0);
   * the message is still vSphere's.
   */
  public static final String UNREADABLE_TASK_FAULT = "UnreadableTaskFault";

  /**
   * Faults where retrying the same request cannot help: the request is wrong, the object is in
   * the wrong state for it, or permissions are missing. Everything else is retried.
   */
  public static final List<String> NON_RETRYABLE = List.of(
      INVALID_REQUEST, UNKNOWN_VCENTER, CERTIFICATE_REJECTED, UNKNOWN_SECRET, NOT_FOUND, GUEST_TIMEOUT, TASK_LOST,
      UNREADABLE_TASK_FAULT,
      "InvalidArgument", "InvalidRequest", "DuplicateName", "InvalidName", "NotFound", "ManagedObjectNotFound",
      "NoPermission", "InvalidLogin", "NotSupported", "NotImplemented", "InvalidState", "InvalidPowerState",
      "InvalidDatastore", "InvalidDatastorePath", "FileAlreadyExists", "AlreadyExists", "AlreadyConnected",
      "VmConfigFault", "InvalidDeviceSpec", "CustomizationFault", "InvalidProperty", "InvalidType",
      "RequestCanceled", "MethodNotFound", "NotAuthenticated", "LicenseExpired", "NoHost", "MigrationFault",
      "DisallowedOperationOnFailoverHost", "OutOfBounds", "SSLVerifyFault", "AlreadyBeingManaged");

  private FailureTypes() {}

  public static boolean isRetryable(String type) {
    return !NON_RETRYABLE.contains(type);
  }
}
