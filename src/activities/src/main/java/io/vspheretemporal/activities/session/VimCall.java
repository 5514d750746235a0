package io.vspheretemporal.activities.session;

import com.vmware.vim25.ServiceContent;
import com.vmware.vim25.VimPortType;
import java.rmi.RemoteException;

/** One or more vim25 calls made with a session's port. */
@FunctionalInterface
public interface VimCall<T> {
  T call(VimPortType port, ServiceContent content) throws RemoteException;
}
