package io.vspheretemporal.worker.chaos;

import java.time.Duration;
import java.util.Map;

/**
 * vCenter restarts and forgets every task, twice: first with running tasks' work lost (their
 * steps must find it not done and submit once more), then with it done just before (their steps
 * must find it done through their probes and submit nothing).
 */
final class RestartScenario implements Scenario {
  @Override
  public String name() {
    return "restart";
  }

  @Override
  public String summary() {
    return "vCenter restarts twice and forgets its tasks: running work lost once, finished once";
  }

  @Override
  public void disrupt(ScenarioContext ctx) throws Exception {
    restart(ctx, false, "workLost");
    restart(ctx, true, "workDone");
  }

  /** Restarts vCenter and records how many tasks it forgot and how many of them were still running. */
  private static void restart(ScenarioContext ctx, boolean finishInFlight, String label) throws InterruptedException {
    int inFlight = ctx.awaitTasksInFlight(2, Duration.ofMinutes(2));
    if (inFlight == 0) {
      ctx.problem("no vSphere task was running for the " + (finishInFlight ? "second" : "first") + " restart");
      return;
    }
    // Tasks whose work the restart lost may rightly be submitted once more, and only those.
    Map<String, Integer> r = ctx.world.control().restart(finishInFlight, Duration.ZERO);
    Map<String, Integer> running = new java.util.TreeMap<>();
    r.forEach((key, n) -> {
      if (key.startsWith("workLost.")) {
        running.put(key.substring("workLost.".length()), n);
      }
    });
    running.forEach((method, n) -> ctx.allowance.merge(method, n, Integer::sum));
    int forgotten = r.getOrDefault("forgottenTasks", 0);
    ctx.say("vCenter restarted and forgot " + forgotten + " tasks; the " + inFlight + " running had their work "
        + (finishInFlight ? "done" : "lost") + (running.isEmpty() ? "" : " " + running));
    ctx.details.put(label + "TasksForgotten", forgotten);
    ctx.details.put(label + "TasksRunning", inFlight);
    if (!running.isEmpty()) {
      ctx.details.put(label + "Resubmittable", running);
    }
  }
}
