package io.vspheretemporal.activities.watch;

import com.vmware.vim25.ManagedObjectReference;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;

/**
 * Waits on one vSphere task through a {@link PropertyWatcher}: the task's {@code info}, as a
 * {@link TaskSnapshot}, whenever it changes.
 */
public final class TaskWatch implements AutoCloseable {
  /**
   * The TaskInfo fields a step needs. Watching them rather than the whole info means a progress
   * change sends one small value instead of the whole TaskInfo: less for vCenter to send and for
   * the worker to parse and keep.
   */
  static final List<String> FIELDS = List.of("info.state", "info.progress", "info.cancelable", "info.cancelled",
      "info.description", "info.result", "info.error", "info.completeTime");

  /** The same with the error's message instead of the error, when the fault cannot be parsed. */
  static final List<String> PLAIN = List.of("info.state", "info.progress", "info.cancelable", "info.cancelled",
      "info.description", "info.result", "info.error.localizedMessage", "info.completeTime");

  private final PropertyWatcher.Watch watch;
  private final boolean plain;
  private long seen;

  private TaskWatch(PropertyWatcher.Watch watch, boolean plain) {
    this.watch = watch;
    this.plain = plain;
  }

  /** Starts watching; throws {@code ManagedObjectNotFound} if vSphere does not know the task. */
  public static TaskWatch of(PropertyWatcher watcher, ManagedObjectReference task) throws RemoteException {
    return new TaskWatch(watcher.watch(task, FIELDS), false);
  }

  /**
   * Watches only TaskInfo's plain fields, for a task whose full info this worker cannot parse
   * (e.g. a fault type newer than its vim25 binding): the end and vSphere's message still arrive,
   * the fault's type does not.
   */
  public static TaskWatch plain(PropertyWatcher watcher, ManagedObjectReference task) throws RemoteException {
    return new TaskWatch(watcher.watch(task, PLAIN), true);
  }

  /**
   * The task's state once it changed since the last call, or after {@code timeout} without change.
   * Returns null until the first state arrived; {@link Outcome#gone()} when vSphere forgot the task.
   */
  public Outcome next(Duration timeout) throws InterruptedException {
    ObjectState state = watch.state().awaitNewer(seen, timeout);
    boolean changed = state != null && state.sequence() > seen;
    if (state != null) {
      seen = state.sequence();
    }
    if (state == null) {
      return new Outcome(null, false, false, null);
    }
    if (state.gone()) {
      return new Outcome(null, true, changed, null);
    }
    if (state.properties().isEmpty()) {
      return new Outcome(null, false, changed, state.unreadable());
    }
    return new Outcome(TaskSnapshot.of(state.object(), state.properties(), plain), false, changed, state.unreadable());
  }

  /** Wakes a waiting {@link #next} early, e.g. when cancellation was requested. */
  public void wake() {
    watch.state().poke();
  }

  @Override
  public void close() {
    watch.close();
  }

  /**
   * @param snapshot the latest task state (null before the first)
   * @param gone vSphere no longer knows the task
   * @param changed whether this is news since the previous call
   * @param unreadable why the task's info can no longer be watched (vSphere sent values this
   *     worker cannot parse), else null
   */
  public record Outcome(TaskSnapshot snapshot, boolean gone, boolean changed, String unreadable) {}
}
