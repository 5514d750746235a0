package io.vspheretemporal.activities.session;

import java.rmi.RemoteException;

/**
 * A call did not get a SOAP answer: the connection was refused or cut, timed out, TLS failed, or
 * the server answered something that is not SOAP.
 */
public final class VimTransportException extends RemoteException {

  /** What went wrong, for deciding whether to retry and what to tell the user. */
  public enum Kind { UNREACHABLE, TIMEOUT, TLS, HTTP, PROTOCOL, INTERRUPTED }

  private final Kind kind;

  public VimTransportException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
