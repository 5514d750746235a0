package io.vspheretemporal.activities.watch;

import io.vspheretemporal.activities.vim.ObjectKey;

import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.ObjectUpdate;
import com.vmware.vim25.ObjectUpdateKind;
import com.vmware.vim25.PropertyChange;
import com.vmware.vim25.PropertyChangeOp;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertyFilterUpdate;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.UpdateSet;
import com.vmware.vim25.WaitOptions;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.session.VimTransportException;
import java.rmi.RemoteException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches managed objects of one vCenter through one {@code WaitForUpdatesEx} long poll on a
 * property collector of its own (never the session's default one: updates on a collector are
 * shared by all its filters). Each watch is one filter; the loop dispatches each object update to
 * the watches of that object. After vCenter ends the session, the collector and its filters are
 * created again; after transport errors the loop retries with backoff while watchers keep waiting.
 */
public final class PropertyWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PropertyWatcher.class);

  private final VCenterSession session;
  private final WatcherSettings settings;
  private final WatcherListener listener;
  private final Map<ObjectKey, Set<Watch>> watches = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final Thread loop;
  /**
   * Destroys the filters of closed watches. A step closes its watch when its task ended and then
   * completes its activity; with the DestroyPropertyFilter call in between, thousands of tasks ending
   * together queued behind the session's connection limit for seconds (bench, 5000 tasks: p99
   * 2.5 s from the task's end to the activity's). {@link #close} waits for the pending ones.
   */
  private final ExecutorService filterReaper = Executors.newVirtualThreadPerTaskExecutor();
  private final Object collectorLock = new Object();
  private ManagedObjectReference collector;
  private long collectorEpoch;
  private long collectorSessionGeneration = -1;
  private String version = "";
  private volatile boolean running = true;

  public PropertyWatcher(VCenterSession session, WatcherSettings settings, WatcherListener listener) {
    this.session = session;
    this.settings = settings;
    this.listener = listener;
    this.loop = Thread.ofPlatform().daemon().name("vsphere-watcher-" + session.name()).unstarted(this::run);
    loop.start();
  }

  /**
   * Starts watching {@code paths} of an object. The first state arrives through the long poll; if
   * the object does not exist, this throws {@code ManagedObjectNotFound}.
   */
  public Watch watch(ManagedObjectReference obj, List<String> paths) throws RemoteException {
    Watch w = new Watch(ObjectKey.of(obj), List.copyOf(paths));
    watches.computeIfAbsent(w.key, k -> ConcurrentHashMap.newKeySet()).add(w);
    try {
      createFilter(w);
    } catch (RemoteException | RuntimeException e) {
      remove(w);
      throw e;
    }
    wake.release();
    return w;
  }

  /**
   * Gives the watch a filter on the current collector unless it has one. Both {@link #watch} and
   * the loop's {@link #refilter} call this for a new watch, so the watch's lock makes the second
   * caller find the filter the first one made instead of creating another, which nobody would
   * ever destroy.
   */
  private void createFilter(Watch w) throws RemoteException {
    w.filtering.lock();
    try {
      for (int tries = 0; ; tries++) {
        Collector c = currentCollector();
        synchronized (w) {
          if (w.closed || w.epoch == c.epoch) {
            return;
          }
        }
        try {
          ManagedObjectReference filter = session.call((p, sc) -> p.createFilter(c.ref, spec(w), true));
          boolean closed;
          synchronized (w) {
            closed = w.closed;
            if (!closed) {
              w.filter = filter;
              w.epoch = c.epoch;
            }
          }
          if (closed) {
            destroyFilter(filter); // closed while we created it: its close saw no filter to destroy
            return;
          }
          synchronized (collectorLock) {
            if (collectorEpoch == c.epoch) {
              return;
            }
          }
          // The collector was replaced while we created the filter: create it on the new one.
        } catch (VimFaultException e) {
          if (tries < 2 && collectorGone(e, c)) {
            markStale(c);
            continue;
          }
          throw e;
        }
      }
    } finally {
      w.filtering.unlock();
    }
  }

  private void destroyFilter(ManagedObjectReference filter) {
    try {
      session.call((p, sc) -> {
        p.destroyPropertyFilter(filter);
        return null;
      });
    } catch (RemoteException | RuntimeException e) {
      log.debug("destroying a filter on '{}' failed: {}", session.name(), e.getMessage());
    }
  }

  private static PropertyFilterSpec spec(Watch w) {
    PropertySpec ps = new PropertySpec();
    ps.setType(w.key.type());
    ps.setPathSet(w.paths.toArray(String[]::new));
    ObjectSpec os = new ObjectSpec();
    os.setObj(w.key.toRef());
    os.setSkip(false);
    PropertyFilterSpec spec = new PropertyFilterSpec();
    spec.setPropSet(new PropertySpec[] {ps});
    spec.setObjectSet(new ObjectSpec[] {os});
    return spec;
  }

  /** Whether a fault says our collector (not the watched object) is gone, as after a new login. */
  private static boolean collectorGone(VimFaultException e, Collector c) {
    if (e.is("NotAuthenticated")) {
      return true;
    }
    if (!e.is("ManagedObjectNotFound")) {
      return false;
    }
    return e.fault() instanceof ManagedObjectNotFound mnf && mnf.getObj() != null
        && ObjectKey.of(mnf.getObj()).equals(ObjectKey.of(c.ref));
  }

  private record Collector(ManagedObjectReference ref, long epoch) {}

  /**
   * The collector of the current session, made when there is none. One made in an earlier
   * session is replaced and destroyed: it usually went with that session, but one made while a
   * re-login was finishing may belong to the new session, and merely forgetting it would leave it
   * and its filters on vCenter, reporting to nobody, for as long as the session lives.
   */
  private Collector currentCollector() throws RemoteException {
    ManagedObjectReference replaced = null;
    Collector current;
    synchronized (collectorLock) {
      if (collector != null && collectorSessionGeneration != session.generation()) {
        replaced = collector;
        collector = null;
      }
      if (collector == null) {
        collector = session.call((p, sc) -> p.createPropertyCollector(sc.getPropertyCollector()));
        // Read after the call: a re-login already sends with its new session before it counts the
        // new generation, and this call may have re-logged in itself.
        collectorSessionGeneration = session.generation();
        collectorEpoch++;
        version = "";
      }
      current = new Collector(collector, collectorEpoch);
    }
    if (replaced != null) {
      destroyCollector(replaced);
    }
    return current;
  }

  private void destroyCollector(ManagedObjectReference c) {
    try {
      session.call((p, sc) -> {
        p.destroyPropertyCollector(c);
        return null;
      });
    } catch (RemoteException | RuntimeException e) {
      log.debug("destroying a collector on '{}' failed (it may have gone with its session): {}",
          session.name(), e.getMessage());
    }
  }

  private void markStale(Collector c) {
    synchronized (collectorLock) {
      if (collectorEpoch == c.epoch) {
        collector = null;
      }
    }
  }

  void remove(Watch w) {
    watches.computeIfPresent(w.key, (k, set) -> {
      set.remove(w);
      return set.isEmpty() ? null : set;
    });
  }

  private void run() {
    Outage outage = new Outage();
    long refilteredEpoch = 0;
    while (running) {
      Collector c = null;
      try {
        if (watches.isEmpty()) {
          wake.tryAcquire(1, TimeUnit.SECONDS);
          continue;
        }
        c = currentCollector();
        if (c.epoch != refilteredEpoch) {
          refilter(c);
          refilteredEpoch = c.epoch;
        }
        poll(c);
        outage.over();
      } catch (VimFaultException e) {
        if (e.is("InvalidCollectorVersion")) {
          synchronized (collectorLock) {
            version = "";
          }
        } else if (c != null
            && (e.is("ManagedObjectNotFound") || e.is("NotAuthenticated") || e.is("RequestCanceled"))) {
          // The polled collector went with the old session: make a new one and refilter, unless
          // another thread already made one (forgetting that one would leave it on vCenter).
          markStale(c);
        } else {
          outage.failed(e);
        }
      } catch (VimTransportException e) {
        if (!running) {
          return; // closing: the interrupted poll is expected
        }
        if (e.kind() == VimTransportException.Kind.PROTOCOL && c != null) {
          quarantine();
        }
        outage.failed(e);
      } catch (RemoteException | RuntimeException e) {
        outage.failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void poll(Collector c) throws RemoteException {
    WaitOptions options = new WaitOptions();
    options.setMaxWaitSeconds((int) settings.maxWait().toSeconds());
    options.setMaxObjectUpdates(settings.maxObjectUpdates());
    String since;
    synchronized (collectorLock) {
      since = version;
    }
    long started = System.nanoTime();
    UpdateSet set = session.longPoll((p, sc) -> p.waitForUpdatesEx(c.ref, since, options));
    if (set == null) {
      return; // maxWait passed without a change
    }
    synchronized (collectorLock) {
      if (collectorEpoch == c.epoch) {
        version = set.getVersion();
      }
    }
    listener.polled(session.name(), dispatch(set), (System.nanoTime() - started) / 1_000_000);
    if (!Boolean.TRUE.equals(set.getTruncated())) {
      pace(started);
    }
  }

  /** Waits out the rest of the pacing interval since the poll that just answered began. */
  private void pace(long pollStarted) {
    long rest = settings.pacing().toNanos() - (System.nanoTime() - pollStarted);
    if (rest > 0) {
      try {
        Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /**
   * An answer this worker cannot parse (a value or element the vim25 binding does not know) would
   * come back on every poll and stall every watch. Find the watched objects whose properties
   * cannot be read, stop watching them (their waiters learn why), and carry on with the rest.
   */
  private void quarantine() {
    for (Set<Watch> set : watches.values()) {
      for (Watch w : set) {
        try {
          Properties.read(session, w.key.toRef(), w.paths.toArray(String[]::new));
        } catch (VimTransportException e) {
          if (e.kind() == VimTransportException.Kind.PROTOCOL) {
            log.warn("vCenter '{}': cannot read {} of {} ({}); no longer watching it", session.name(), w.paths,
                w.key, e.getMessage());
            w.unreadable(e.getMessage());
            w.close();
          }
        } catch (RemoteException | RuntimeException e) {
          // readable, or gone: the next poll tells
        }
      }
    }
  }

  /** Consecutive poll failures: logged once, retried with exponential backoff. */
  private final class Outage {
    private int failures;
    private long since;

    void failed(Exception e) {
      if (failures++ == 0) {
        since = System.nanoTime();
        log.warn("vCenter '{}': watcher lost its connection ({}); retrying while tasks keep waiting",
            session.name(), e.getMessage());
      }
      listener.disconnected(session.name(), failures);
      long delay = Math.min(settings.maxBackoff().toMillis(),
          settings.minBackoff().toMillis() << Math.min(failures - 1, 16));
      try {
        Thread.sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }

    void over() {
      if (failures > 0) {
        log.info("vCenter '{}': watcher reconnected after {} s", session.name(),
            (System.nanoTime() - since) / 1_000_000_000);
        failures = 0;
      }
    }
  }

  /** Filters whose collector was replaced (a new login) are created again on the new one. */
  private void refilter(Collector c) throws RemoteException {
    for (Set<Watch> set : watches.values()) {
      for (Watch w : set) {
        boolean stale;
        synchronized (w) {
          stale = w.epoch != c.epoch && !w.closed;
        }
        if (!stale) {
          continue;
        }
        try {
          createFilter(w); // if watch() is creating its filter right now, this waits and finds it
        } catch (VimFaultException e) {
          if (e.is("ManagedObjectNotFound")) {
            w.vanished();
          } else {
            throw e;
          }
        }
      }
    }
  }

  private int dispatch(UpdateSet set) {
    int count = 0;
    if (set.getFilterSet() == null) {
      return 0;
    }
    for (PropertyFilterUpdate fu : set.getFilterSet()) {
      if (fu.getObjectSet() == null) {
        continue;
      }
      for (ObjectUpdate ou : fu.getObjectSet()) {
        count++;
        Set<Watch> targets = watches.get(ObjectKey.of(ou.getObj()));
        if (targets == null) {
          continue;
        }
        for (Watch w : targets) {
          w.apply(ou);
        }
      }
    }
    return count;
  }

  public int watchCount() {
    return watches.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
    filterReaper.shutdown();
    try {
      if (!filterReaper.awaitTermination(10, TimeUnit.SECONDS)) {
        log.debug("filters of closed watches on '{}' still being destroyed; the collector's destroy takes them along",
            session.name());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ManagedObjectReference c;
    synchronized (collectorLock) {
      c = collector;
      collector = null;
    }
    if (c != null) {
      destroyCollector(c);
    }
  }

  /** One watched object: its latest state, and {@link #close} to stop watching. */
  public final class Watch implements AutoCloseable {
    private final ObjectKey key;
    private final List<String> paths;
    private final Latest<ObjectState> latest = new Latest<>();
    private final Map<String, Object> properties = new HashMap<>();
    private ManagedObjectReference filter;
    private long epoch = -1;
    /** Held while a filter is created for this watch (a ReentrantLock: it spans a SOAP call on a virtual thread). */
    private final ReentrantLock filtering = new ReentrantLock();
    private long sequence;
    private boolean closed;

    private Watch(ObjectKey key, List<String> paths) {
      this.key = key;
      this.paths = paths;
    }

    public ObjectKey object() {
      return key;
    }

    public Latest<ObjectState> state() {
      return latest;
    }

    /** Applies an update on the watcher's loop thread. */
    private synchronized void apply(ObjectUpdate ou) {
      if (closed) {
        return;
      }
      if (ou.getKind() == ObjectUpdateKind.leave) {
        vanished();
        return;
      }
      if (ou.getKind() == ObjectUpdateKind.enter) {
        properties.clear();
      }
      if (ou.getChangeSet() != null) {
        for (PropertyChange pc : ou.getChangeSet()) {
          if (pc.getOp() == PropertyChangeOp.remove || pc.getVal() == null) {
            properties.remove(pc.getName());
          } else {
            properties.put(pc.getName(), pc.getVal());
          }
        }
      }
      latest.set(new ObjectState(key, Map.copyOf(properties), false, null, ++sequence));
    }

    private synchronized void vanished() {
      latest.set(new ObjectState(key, Map.of(), true, null, ++sequence));
    }

    private synchronized void unreadable(String why) {
      latest.set(new ObjectState(key, Map.copyOf(properties), false, why, ++sequence));
    }

    @Override
    public void close() {
      ManagedObjectReference f;
      long e;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        f = filter;
        e = epoch;
      }
      remove(this);
      boolean current;
      synchronized (collectorLock) {
        current = collector != null && collectorEpoch == e;
      }
      if (f == null || !current) {
        return;
      }
      try {
        filterReaper.execute(() -> destroyFilter(f));
      } catch (RejectedExecutionException closing) {
        // The watcher is closing: destroying its collector takes the filter along.
      }
    }
  }
}
