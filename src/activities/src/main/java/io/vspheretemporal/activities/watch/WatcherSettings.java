package io.vspheretemporal.activities.watch;

import java.time.Duration;

/**
 * @param maxWait how long one WaitForUpdatesEx may wait for a change (its {@code maxWaitSeconds},
 *     whole seconds, at least one: vSphere answers a wait of 0 at once, which would make the long
 *     poll a busy loop)
 * @param maxObjectUpdates how many object updates one answer may carry before vCenter truncates it
 * @param minBackoff first pause after a failed poll; doubles up to {@code maxBackoff}
 */
public record WatcherSettings(Duration maxWait, int maxObjectUpdates, Duration minBackoff, Duration maxBackoff) {
  public WatcherSettings {
    if (maxWait == null || maxWait.toSeconds() < 1) {
      throw new IllegalArgumentException("maxWait must be at least 1 s (WaitForUpdatesEx waits whole seconds), got "
          + maxWait);
    }
    if (maxObjectUpdates < 1) {
      throw new IllegalArgumentException("maxObjectUpdates must be at least 1, got " + maxObjectUpdates);
    }
    if (minBackoff == null || minBackoff.toMillis() < 1 || maxBackoff == null || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("minBackoff must be at least 1 ms and maxBackoff at least minBackoff, got "
          + minBackoff + " and " + maxBackoff);
    }
  }

  public static WatcherSettings defaults() {
    return new WatcherSettings(Duration.ofSeconds(30), 1000, Duration.ofMillis(200), Duration.ofSeconds(5));
  }
}
