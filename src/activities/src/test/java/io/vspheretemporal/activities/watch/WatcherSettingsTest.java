package io.vspheretemporal.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that would make the watcher poll without pause are refused when they are made. */
class WatcherSettingsTest {
  static final Duration MS_100 = Duration.ofMillis(100);
  static final Duration S_1 = Duration.ofSeconds(1);

  @Test
  void aWaitBelowOneSecondIsRefusedBecauseItWouldBeSentAsZero() {
    // maxWaitSeconds 0 makes WaitForUpdatesEx answer at once: 726 polls in 2 s on a quiet object.
    assertThatThrownBy(() -> new WatcherSettings(Duration.ofMillis(500), 1000, MS_100, S_1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait must be at least 1 s");
  }

  @Test
  void noObjectUpdatesOrNoBackoffIsRefused() {
    assertThatThrownBy(() -> new WatcherSettings(S_1, 0, MS_100, S_1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxObjectUpdates");
    assertThatThrownBy(() -> new WatcherSettings(S_1, 1000, Duration.ZERO, S_1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minBackoff");
    assertThatThrownBy(() -> new WatcherSettings(S_1, 1000, S_1, MS_100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
  }

  @Test
  void theDefaultsAndTheSmallestSettingsAreFine() {
    assertThat(WatcherSettings.defaults().maxWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(new WatcherSettings(S_1, 1, Duration.ofMillis(1), Duration.ofMillis(1)).maxObjectUpdates()).isEqualTo(1);
  }
}
