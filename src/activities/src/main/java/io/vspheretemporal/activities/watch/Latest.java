package io.vspheretemporal.activities.watch;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The most recent value handed over by one thread to a waiting one. Only the latest matters:
 * a waiter that was slow sees the newest value, not a backlog.
 */
public final class Latest<T> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private T value;
  private long version;
  private boolean poked;

  public void set(T newValue) {
    lock.lock();
    try {
      value = newValue;
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a waiter without a new value (e.g. a cancellation request arrived). */
  public void poke() {
    lock.lock();
    try {
      poked = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public T get() {
    lock.lock();
    try {
      return value;
    } finally {
      lock.unlock();
    }
  }

  public long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the version passes {@code seen}, a poke, or the timeout; returns the current value. */
  public T awaitNewer(long seen, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (version <= seen && !poked && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      poked = false;
      return value;
    } finally {
      lock.unlock();
    }
  }
}
