package io.vspheretemporal.worker.status;

import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.Locale;

/** Renders a run as text: a checklist with a progress bar on the running vSphere step; fleets one line per VM. */
public final class ProgressView {
  private ProgressView() {}

  public static String render(RunStatus run) {
    StringBuilder out = new StringBuilder();
    WorkflowProgress p = run.progress();
    out.append(p == null ? run.workflowType() + " " + run.workflowId() : p.title()).append("  ").append(run.status());
    if (p != null && p.outcome() != null) {
      out.append("  (").append(p.outcome()).append(')');
    }
    out.append('\n');
    if (run.failure() != null) {
      out.append("  failure: ").append(run.failure()).append('\n');
    }
    if (p == null) {
      out.append("  (no worker answered the progress query)\n");
      return out.toString();
    }
    if (!run.children().isEmpty() || "ProvisionFleet".equals(run.workflowType())) {
      for (StepStatus vm : p.steps()) {
        RunStatus child = run.children().stream().filter(c -> c.workflowId().endsWith("/" + vm.name())).findFirst().orElse(null);
        out.append(String.format(Locale.ROOT, "  %-16s ", vm.name())).append(fleetLine(vm, child)).append('\n');
      }
      return out.toString();
    }
    for (StepStatus s : p.steps()) {
      out.append("  ").append(box(s.state())).append(' ').append(s.name());
      if (s.state() == StepState.RUNNING) {
        TaskProgress live = run.pending().isEmpty() ? null : run.pending().get(0);
        Integer pct = live != null && live.progress() != null ? live.progress() : s.progress();
        String what = live != null && live.description() != null ? live.description() : s.detail();
        if (pct != null) {
          out.append("  ").append(bar(pct)).append(String.format(Locale.ROOT, " %3d%%", pct));
        }
        if (what != null) {
          out.append("  ").append(what);
        }
        if (live != null && live.task() != null) {
          out.append("  (").append(live.task().value()).append(')');
        }
      } else {
        if (s.millis() != null) {
          out.append(String.format(Locale.ROOT, "  %.1f s", s.millis() / 1000.0));
        }
        if (s.detail() != null) {
          out.append("  ").append(s.detail());
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String fleetLine(StepStatus vm, RunStatus child) {
    if (child == null || child.progress() == null || vm.state() != StepState.RUNNING) {
      return box(vm.state()) + (vm.detail() == null ? "" : " " + vm.detail());
    }
    WorkflowProgress cp = child.progress();
    StepStatus current = cp.steps().stream().filter(s -> s.state() == StepState.RUNNING).findFirst().orElse(null);
    if (current == null) {
      return box(vm.state());
    }
    TaskProgress live = child.pending().isEmpty() ? null : child.pending().get(0);
    Integer pct = live != null && live.progress() != null ? live.progress() : current.progress();
    int done = (int) cp.steps().stream().filter(s -> s.state() == StepState.DONE || s.state() == StepState.SKIPPED).count();
    return String.format(Locale.ROOT, "[>] step %d/%d %-28s %s", done + 1, cp.steps().size(), current.name(),
        pct == null ? "" : bar(pct) + String.format(Locale.ROOT, " %3d%%", pct));
  }

  static String box(StepState state) {
    return switch (state) {
      case PENDING -> "[ ]";
      case RUNNING -> "[>]";
      case DONE -> "[x]";
      case SKIPPED -> "[-]";
      case FAILED -> "[!]";
      case UNDONE -> "[~]";
    };
  }

  static String bar(int percent) {
    int filled = Math.max(0, Math.min(20, percent / 5));
    return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
  }
}
