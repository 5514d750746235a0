package io.vspheretemporal.activities.watch;

import io.vspheretemporal.activities.session.SessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What a session and its watcher reported: re-logins, answered polls and lost connections, in order. */
final class WatcherEvents implements SessionListener, WatcherListener {
  final AtomicInteger relogins = new AtomicInteger();
  final AtomicInteger disconnects = new AtomicInteger();
  /** Object updates per answered long poll (empty answers are not reported). */
  final List<Integer> answered = new CopyOnWriteArrayList<>();
  /** Polls answered after the first lost connection. */
  final AtomicInteger answeredAfterDisconnect = new AtomicInteger();

  @Override
  public void relogin(String vcenter) {
    relogins.incrementAndGet();
  }

  @Override
  public void polled(String vcenter, int objectUpdates, long millis) {
    answered.add(objectUpdates);
    if (disconnects.get() > 0) {
      answeredAfterDisconnect.incrementAndGet();
    }
  }

  @Override
  public void disconnected(String vcenter, int failures) {
    disconnects.incrementAndGet();
  }
}
