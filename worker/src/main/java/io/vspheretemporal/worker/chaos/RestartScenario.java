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
    int lost = restart(ctx, false);
    int finished = restart(ctx, true);
    ctx.details.put("tasksForgottenWorkLost", lost);
    ctx.details.put("tasksForgottenWorkDone", finished);
  }

  private static int restart(ScenarioContext ctx, boolean finishInFlight) throws InterruptedException {
    if (ctx.awaitTasksInFlight(2, Duration.ofMinutes(2)) == 0) {
      ctx.problem("no vSphere task was running for the " + (finishInFlight ? "second" : "first") + " restart");
      return 0;
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
    ctx.say("vCenter restarted, " + forgotten + " tasks forgotten, their work " + (finishInFlight ? "done" : "lost")
        + (running.isEmpty() ? "" : " " + running));
    return forgotten;
  }
}
