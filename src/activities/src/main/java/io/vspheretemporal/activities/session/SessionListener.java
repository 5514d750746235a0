package io.vspheretemporal.activities.session;

/** What a session reports for metrics and logs. */
public interface SessionListener {
  /** One SOAP call is about to be sent. */
  default void soapCall(String vcenter, String method) {}

  /** The session logged in again after vCenter ended it. */
  default void relogin(String vcenter) {}

  SessionListener NONE = new SessionListener() {};
}
