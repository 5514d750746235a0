package io.vspheretemporal.worker.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private Durations() {}

  /** The duration, or null when the text is not one. */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      return null; // too many digits for a duration: not one either
    }
  }
}
