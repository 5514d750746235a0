package io.vspheretemporal.activities.session;

import com.vmware.vim25.MethodFault;
import java.rmi.RemoteException;

/** vSphere answered a call with a SOAP fault, e.g. {@code NotAuthenticated} or {@code InvalidState}. */
public final class VimFaultException extends RemoteException {
  private final String faultType;
  private final String faultMessage;
  private final transient MethodFault fault;

  public VimFaultException(String faultType, String faultMessage, MethodFault fault) {
    super(faultType + ": " + faultMessage);
    this.faultType = faultType == null ? "SystemError" : faultType;
    this.faultMessage = faultMessage == null ? "" : faultMessage;
    this.fault = fault;
  }

  /** The fault's type name, e.g. {@code DuplicateName}. */
  public String faultType() {
    return faultType;
  }

  /** vSphere's message (the SOAP faultstring). */
  public String faultMessage() {
    return faultMessage;
  }

  /** The typed fault when the binding knows it, else null. */
  public MethodFault fault() {
    return fault;
  }

  public boolean is(String type) {
    return faultType.equals(type);
  }
}
