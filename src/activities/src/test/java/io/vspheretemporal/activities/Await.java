package io.vspheretemporal.activities;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until it satisfies a condition, for effects that show up a little after a call returns. */
public final class Await {
  private static final Duration PAUSE = Duration.ofMillis(50);

  private Await() {}

  /** The first value that satisfies {@code done}; fails naming {@code what} and the last value seen. */
  public static <T> T until(String what, Duration limit, Supplier<T> value, Predicate<? super T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = value.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + limit + "; last seen: " + last);
      }
      try {
        Thread.sleep(PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
      last = value.get();
    }
    return last;
  }
}
