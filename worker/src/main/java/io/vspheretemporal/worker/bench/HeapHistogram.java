package io.vspheretemporal.worker.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live-object class histogram of this JVM (the same as {@code jcmd GC.class_histogram}), to
 * show which classes the in-flight tasks hold when heap per task misses its target.
 */
record HeapHistogram(Map<String, long[]> byClass) {
  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  /** Takes a histogram; it runs a full GC first, like jcmd does. */
  static HeapHistogram take() {
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Map<String, long[]> rows = new HashMap<>();
      for (String line : text.split("\n")) {
        Matcher m = ROW.matcher(line);
        if (m.find()) {
          rows.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
      }
      return new HeapHistogram(rows);
    } catch (Exception e) {
      throw new IllegalStateException("this JVM offers no class histogram: " + e.getMessage(), e);
    }
  }

  /** The classes that grew most from {@code before} to this one, per task, as text. */
  String growthSince(HeapHistogram before, int tasks, int top) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%10s %10s  %s%n", "bytes/task", "objs/task", "class"));
    byClass.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), new long[] {
            e.getValue()[0] - before.byClass.getOrDefault(e.getKey(), new long[2])[0],
            e.getValue()[1] - before.byClass.getOrDefault(e.getKey(), new long[2])[1]}))
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(top)
        .forEach(e -> out.append(String.format(Locale.ROOT, "%10.0f %10.2f  %s%n",
            e.getValue()[1] / (double) tasks, e.getValue()[0] / (double) tasks, e.getKey())));
    return out.toString();
  }
}
