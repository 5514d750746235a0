package io.vspheretemporal.activities.session;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (a password) that never prints itself: {@code toString} is a placeholder, so a
 * secret that reaches a log line, exception or payload by mistake shows nothing.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value.clone();
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "secret value").toCharArray());
  }

  /** The clear text, for the one place that must send it (a login, a customization spec). */
  public String reveal() {
    return new String(value);
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Arrays.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "[secret]";
  }
}
