package io.vspheretemporal.activities.watch;

/** What a watcher reports for metrics. */
public interface WatcherListener {
  /** A long poll returned {@code objectUpdates} updates after {@code millis}. */
  default void polled(String vcenter, int objectUpdates, long millis) {}

  /** The watcher lost its connection and is retrying; {@code failures} in a row so far. */
  default void disconnected(String vcenter, int failures) {}

  WatcherListener NONE = new WatcherListener() {};
}
