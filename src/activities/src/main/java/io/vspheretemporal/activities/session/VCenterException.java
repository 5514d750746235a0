package io.vspheretemporal.activities.session;

/**
 * A vCenter session could not be established or used. The message names the vCenter and says
 * what to do; {@code failureType} is the failure type a step reports (see {@code FailureTypes}).
 */
public final class VCenterException extends RuntimeException {
  private final String vcenter;
  private final String failureType;
  private final boolean retryable;

  public VCenterException(String vcenter, String failureType, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.vcenter = vcenter;
    this.failureType = failureType;
    this.retryable = retryable;
  }

  public String vcenter() {
    return vcenter;
  }

  public String failureType() {
    return failureType;
  }

  public boolean retryable() {
    return retryable;
  }
}
