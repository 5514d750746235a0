package io.vspheretemporal.activities.watch;

import java.time.Duration;

/**
 * @param maxWait how long one WaitForUpdatesEx may wait for a change (its {@code maxWaitSeconds},
 *     whole seconds, at least one: vSphere answers a wait of 0 at once, which would make the long
 *     poll a busy loop)
 * @param maxObjectUpdates how many object updates one answer may carry before vCenter truncates it
 * @param minBackoff first pause after a failed poll; doubles up to {@code maxBackoff}
 * @param pacing after an answer with changes, the next poll starts no sooner than this after the
 *     previous one started, so that changes arriving meanwhile (mostly progress of other tasks) ride
 *     in one answer instead of one poll each; it adds at most this much to noticing a completion.
 *     Zero polls again at once
 */
public record WatcherSettings(Duration maxWait, int maxObjectUpdates, Duration minBackoff, Duration maxBackoff,
    Duration pacing) {
  /** Without pacing (poll again at once). */
  public WatcherSettings(Duration maxWait, int maxObjectUpdates, Duration minBackoff, Duration maxBackoff) {
    this(maxWait, maxObjectUpdates, minBackoff, maxBackoff, Duration.ZERO);
  }

  public WatcherSettings {
    if (pacing == null || pacing.isNegative()) {
      throw new IllegalArgumentException("pacing must be zero or more, got " + pacing);
    }
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
    return new WatcherSettings(Duration.ofSeconds(30), 1000, Duration.ofMillis(200), Duration.ofSeconds(5),
        Duration.ofMillis(50));
  }
}
