package io.vspheretemporal.activities.session;

import com.vmware.vim25.VimPortType;
import com.vmware.vim25.mo.ServerConnection;
import com.vmware.vim25.mo.ServiceInstance;
import java.net.URL;

/**
 * yavijava's managed-object layer ({@code com.vmware.vim25.mo}) bound to one of our sessions. The
 * product does not use it (its waits poll with sleeps on the shared collector); the benchmark's
 * polling baseline does, to measure exactly that.
 */
final class MoLayer {
  private MoLayer() {}

  /** yavijava's ServiceInstance(ServerConnection) leaves the connection without its instance; this binds them. */
  static final class BoundServiceInstance extends ServiceInstance {
    BoundServiceInstance(URL url, VimPortType vim) {
      super((ServerConnection) null);
      setServerConnection(new ServerConnection(url, vim, this));
    }
  }

  static ServerConnection bind(URL url, VimPortType port) {
    return new BoundServiceInstance(url, port).getServerConnection();
  }
}
