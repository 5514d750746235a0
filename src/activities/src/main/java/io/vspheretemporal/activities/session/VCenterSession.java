package io.vspheretemporal.activities.session;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ServiceContent;
import com.vmware.vim25.VimPortType;
import io.vspheretemporal.api.FailureTypes;
import java.net.MalformedURLException;
import java.rmi.RemoteException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in vim25 session with one vCenter. Calls that meet {@code NotAuthenticated} (vCenter
 * ended the session) log in again once and are repeated, so work in flight does not fail.
 */
public final class VCenterSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VCenterSession.class);

  private final VCenterConfig config;
  private final VimSoapClient client;
  private final VimPortType port;
  private final ManagedObjectReference serviceInstance;
  private final SessionListener listener;
  private final Semaphore permits;
  private final ReentrantLock loginLock = new ReentrantLock();
  private final AtomicLong generation = new AtomicLong();
  private volatile ServiceContent content;
  private volatile boolean closed;
  private com.vmware.vim25.mo.ServerConnection moConnection;

  private VCenterSession(VCenterConfig config, SessionListener listener) {
    this.config = config;
    this.listener = listener;
    this.client = new VimSoapClient(config.url(), TlsContexts.forPolicy(config.name(), config.tls()),
        config.callTimeout(), method -> listener.soapCall(config.name(), method));
    try {
      this.port = new VimPortType(client);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
    this.serviceInstance = new ManagedObjectReference();
    serviceInstance.setType("ServiceInstance");
    serviceInstance.setVal("ServiceInstance");
    this.permits = new Semaphore(config.maxConcurrentCalls(), true);
  }

  /** Connects and logs in; failures say which vCenter and what to do. */
  public static VCenterSession open(VCenterConfig config, SessionListener listener) {
    VCenterSession session = new VCenterSession(config, listener);
    session.login();
    return session;
  }

  public String name() {
    return config.name();
  }

  public VCenterConfig config() {
    return config;
  }

  /** Increases on each login: watchers use it to notice their collector went with the old session. */
  public long generation() {
    return generation.get();
  }

  public ServiceContent content() {
    return content;
  }

  /** Makes a call within the concurrency limit, logging in again once if vCenter ended the session. */
  public <T> T call(VimCall<T> call) throws RemoteException {
    acquire();
    try {
      return callWithRelogin(call);
    } finally {
      permits.release();
    }
  }

  /** A call outside the concurrency limit, for the watcher's long poll, which holds its connection. */
  public <T> T longPoll(VimCall<T> call) throws RemoteException {
    return callWithRelogin(call);
  }

  /** Submits a task with vSphere's operationID header, so vCenter records it as the task's activationId. */
  public <T> T submit(String operationId, VimCall<T> call) throws RemoteException {
    return call((p, c) -> VimSoapClient.withOperationId(operationId, () -> call.call(p, c)));
  }

  private <T> T callWithRelogin(VimCall<T> call) throws RemoteException {
    long seen = generation.get();
    try {
      return call.call(port, content);
    } catch (VimFaultException e) {
      if (!e.is("NotAuthenticated") || closed) {
        throw e;
      }
      relogin(seen);
      return call.call(port, content);
    }
  }

  /** Logs in again unless another thread already did since {@code seenGeneration}. */
  public void relogin(long seenGeneration) {
    loginLock.lock();
    try {
      if (generation.get() != seenGeneration) {
        return;
      }
      log.info("vCenter '{}' ended our session; logging in again", config.name());
      listener.relogin(config.name());
      client.clearSession();
      login();
    } finally {
      loginLock.unlock();
    }
  }

  private void login() {
    loginLock.lock();
    try {
      ServiceContent sc = port.retrieveServiceContent(serviceInstance);
      port.login(sc.getSessionManager(), config.username(), config.password().reveal(), null);
      content = sc;
      generation.incrementAndGet();
    } catch (VimFaultException e) {
      if (e.is("InvalidLogin")) {
        throw new VCenterException(config.name(), "InvalidLogin", false,
            "vCenter '" + config.name() + "' (" + config.url() + ") rejected the login of user '" + config.username()
                + "': wrong user name or password. Check the user name and the password secret configured for it.", e);
      }
      throw new VCenterException(config.name(), e.faultType(), FailureTypes.isRetryable(e.faultType()),
          "vCenter '" + config.name() + "' refused the login: " + e.faultType() + ": " + e.faultMessage(), e);
    } catch (VimTransportException e) {
      throw transportFailure(e);
    } catch (RemoteException e) {
      throw new VCenterException(config.name(), FailureTypes.VCENTER_UNREACHABLE, true,
          "vCenter '" + config.name() + "' login failed: " + e.getMessage(), e);
    } finally {
      loginLock.unlock();
    }
  }

  /** Turns a transport failure into the message a user can act on. */
  public VCenterException transportFailure(VimTransportException e) {
    return switch (e.kind()) {
      case TLS -> new VCenterException(config.name(), FailureTypes.CERTIFICATE_REJECTED, false,
          "vCenter '" + config.name() + "' (" + config.url() + "): " + VimSoapClient.certificateReason(e)
              + ". If this certificate is the right one, pin its SHA-256 thumbprint in the vCenter's TLS settings"
              + " or add its CA to the truststore.", e);
      case UNREACHABLE, TIMEOUT -> new VCenterException(config.name(), FailureTypes.VCENTER_UNREACHABLE, true,
          "vCenter '" + config.name() + "' is unreachable at " + config.url() + ": " + e.getMessage()
              + ". Check the URL and that this worker can reach it.", e);
      default -> new VCenterException(config.name(), FailureTypes.VCENTER_UNREACHABLE, true,
          "vCenter '" + config.name() + "': " + e.getMessage(), e);
    };
  }

  /**
   * yavijava's managed-object layer over this session, for code that must measure it (the
   * benchmark's polling baseline); the product itself never uses it.
   */
  public synchronized com.vmware.vim25.mo.ServerConnection moConnection() {
    if (moConnection == null) {
      try {
        moConnection = MoLayer.bind(config.url().toURL(), port);
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return moConnection;
  }

  /** Keeps an idle session alive (vCenter ends sessions idle for 30 minutes by default). */
  public void keepAlive() {
    try {
      call((p, c) -> p.currentTime(serviceInstance));
    } catch (RemoteException e) {
      log.debug("keep-alive of vCenter '{}' failed: {}", config.name(), e.getMessage());
    }
  }

  private void acquire() throws VimTransportException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimTransportException(VimTransportException.Kind.INTERRUPTED, "interrupted waiting for a call slot", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (content != null && client.hasSession()) {
      try {
        port.logout(content.getSessionManager());
      } catch (RemoteException e) {
        log.debug("logout from vCenter '{}' failed: {}", config.name(), e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "VCenterSession[" + config.name() + " " + config.url() + " as " + config.username() + "]";
  }
}
