package io.vspheretemporal.activities.watch;

import java.time.Duration;

/**
 * @param maxWait how long one WaitForUpdatesEx may wait for a change (its {@code maxWaitSeconds})
 * @param maxObjectUpdates how many object updates one answer may carry before vCenter truncates it
 * @param minBackoff first pause after a failed poll; doubles up to {@code maxBackoff}
 */
public record WatcherSettings(Duration maxWait, int maxObjectUpdates, Duration minBackoff, Duration maxBackoff) {
  public static WatcherSettings defaults() {
    return new WatcherSettings(Duration.ofSeconds(30), 1000, Duration.ofMillis(200), Duration.ofSeconds(5));
  }
}
