package io.vspheretemporal.activities;

import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.watch.PropertyWatcher;
import io.vspheretemporal.activities.watch.WatcherListener;
import io.vspheretemporal.activities.watch.WatcherSettings;
import io.vspheretemporal.api.FailureTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vCenters a worker serves, by name: one session and one watcher each, opened on first use
 * (a vCenter that is down at start-up does not stop the worker), kept alive, closed on shutdown.
 */
public final class VCenters implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VCenters.class);

  private final Map<String, VCenterConfig> configs;
  private final SessionListener sessionListener;
  private final WatcherSettings watcherSettings;
  private final WatcherListener watcherListener;
  private final Map<String, Connection> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService keepAlive;

  private record Connection(VCenterSession session, PropertyWatcher watcher) {}

  public VCenters(List<VCenterConfig> configs, SessionListener sessionListener,
      WatcherSettings watcherSettings, WatcherListener watcherListener) {
    Map<String, VCenterConfig> byName = new LinkedHashMap<>();
    for (VCenterConfig c : configs) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two vCenters are named '" + c.name() + "'; names must be unique");
      }
    }
    this.configs = Map.copyOf(byName);
    this.sessionListener = sessionListener;
    this.watcherSettings = watcherSettings;
    this.watcherListener = watcherListener;
    this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vsphere-keepalive");
      t.setDaemon(true);
      return t;
    });
  }

  public static VCenters of(VCenterConfig... configs) {
    return new VCenters(List.of(configs), SessionListener.NONE, WatcherSettings.defaults(), WatcherListener.NONE);
  }

  public Set<String> names() {
    return configs.keySet();
  }

  public VCenterSession session(String name) {
    return connection(name).session();
  }

  public PropertyWatcher watcher(String name) {
    return connection(name).watcher();
  }

  private Connection connection(String name) {
    Connection c = open.get(name);
    if (c != null) {
      return c;
    }
    VCenterConfig config = configs.get(name);
    if (config == null) {
      throw new VCenterException(name, FailureTypes.UNKNOWN_VCENTER, false,
          "no vCenter named '" + name + "' is configured on this worker (configured: "
              + String.join(", ", configs.keySet()) + "); use one of those names in the request", null);
    }
    synchronized (config) {
      c = open.get(name);
      if (c == null) {
        VCenterSession session = VCenterSession.open(config, sessionListener);
        c = new Connection(session, new PropertyWatcher(session, watcherSettings, watcherListener));
        open.put(name, c);
        long every = config.keepAlive().toSeconds();
        if (every > 0) {
          keepAlive.scheduleWithFixedDelay(session::keepAlive, every, every, TimeUnit.SECONDS);
        }
        log.info("connected to vCenter '{}' at {} as {}", name, config.url(), config.username());
      }
      return c;
    }
  }

  /** Opens every session now; returns the failures by vCenter name (none when all connected). */
  public Map<String, VCenterException> connectAll() {
    Map<String, VCenterException> failures = new LinkedHashMap<>();
    for (String name : configs.keySet()) {
      try {
        connection(name);
      } catch (VCenterException e) {
        failures.put(name, e);
      }
    }
    return failures;
  }

  @Override
  public void close() {
    keepAlive.shutdownNow();
    for (Connection c : open.values()) {
      c.watcher().close();
      c.session().close();
    }
    open.clear();
  }
}
