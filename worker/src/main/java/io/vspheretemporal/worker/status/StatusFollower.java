package io.vspheretemporal.worker.status;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Follows a run until it closes, redrawing its progress in place on a terminal, or printing each
 * change as new lines elsewhere (logs, pipes, tests).
 */
public final class StatusFollower {
  private final StatusReader reader;
  private final PrintStream out;
  private final boolean terminal;

  public StatusFollower(StatusReader reader, PrintStream out, boolean terminal) {
    this.reader = reader;
    this.out = out;
    this.terminal = terminal;
  }

  /** Returns the final status. */
  public RunStatus follow(String workflowId, Duration every) throws InterruptedException {
    String previous = null;
    int lines = 0;
    while (true) {
      RunStatus run = reader.read(workflowId);
      String text = ProgressView.render(run);
      if (!text.equals(previous)) {
        if (terminal && lines > 0) {
          out.print("\033[" + lines + "A\033[J");
        }
        out.print(text);
        out.flush();
        lines = (int) text.lines().count();
        previous = text;
      }
      if (run.closed()) {
        return run;
      }
      Thread.sleep(every.toMillis());
    }
  }
}
