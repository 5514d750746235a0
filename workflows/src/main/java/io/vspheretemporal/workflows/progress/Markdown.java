package io.vspheretemporal.workflows.progress;

/** The short markdown checklist a workflow shows as its current details. */
final class Markdown {
  private Markdown() {}

  static String of(WorkflowProgress p) {
    StringBuilder md = new StringBuilder("**").append(p.title()).append("**");
    if (p.outcome() != null) {
      md.append(" - ").append(p.outcome());
    }
    md.append('\n');
    for (StepStatus s : p.steps()) {
      md.append("- ").append(s.state().box).append(' ');
      if (s.state() == StepState.RUNNING) {
        md.append("**").append(s.name()).append("**");
        if (s.progress() != null) {
          md.append(" ").append(bar(s.progress())).append(' ').append(s.progress()).append('%');
        }
      } else {
        md.append(s.name());
      }
      if (s.millis() != null && s.state() != StepState.RUNNING) {
        md.append(" (").append(String.format(java.util.Locale.ROOT, "%.1f", s.millis() / 1000.0)).append(" s)");
      }
      if (s.detail() != null) {
        md.append(" - ").append(s.detail());
      }
      md.append('\n');
    }
    return md.toString();
  }

  static String bar(int percent) {
    int filled = Math.max(0, Math.min(10, percent / 10));
    return "`" + "#".repeat(filled) + ".".repeat(10 - filled) + "`";
  }
}
