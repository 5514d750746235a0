package io.vspheretemporal.worker.chaos;

import java.time.Duration;

/**
 * SIGKILLs the worker at random moments while the fleet runs and starts a new one each time.
 * Steps the dead worker ran are retried by the next one, which re-attaches to their vSphere tasks.
 */
final class KillScenario implements Scenario {
  /** A kill comes this long after the previous worker reported it started, at random in between. */
  static final Duration MIN_GAP = Duration.ofMillis(300);
  static final Duration MAX_GAP = Duration.ofSeconds(4);

  private final int kills;

  KillScenario(int kills) {
    this.kills = kills;
  }

  @Override
  public String name() {
    return "kills";
  }

  @Override
  public String summary() {
    return kills + " SIGKILLs of the worker at random moments (every other one inside a running vSphere task),"
        + " a new worker started after each";
  }

  @Override
  public void disrupt(ScenarioContext ctx) throws Exception {
    int done = 0;
    int withTasks = 0;
    int tasksCut = 0;
    for (int k = 1; k <= kills; k++) {
      long gap = MIN_GAP.toMillis() + (long) (ctx.random.nextDouble() * (MAX_GAP.toMillis() - MIN_GAP.toMillis()));
      Thread.sleep(gap);
      if (k % 2 == 0) {
        // Every other kill lands inside a running vSphere task, at a random point of it: those are
        // the steps that must re-attach instead of submitting again.
        if (ctx.awaitTasksInFlight(1, Duration.ofSeconds(30)) > 0) {
          long into = (long) (ctx.random.nextDouble() * ctx.options.taskDuration().toMillis());
          Thread.sleep(into);
          gap += into;
        }
      }
      if (!ctx.fleetRunning()) {
        ctx.problem("the fleet ended after " + done + " of " + kills + " kills; give it more VMs (--fleet) or longer"
            + " tasks (--task-duration) so that every kill lands while it runs");
        break;
      }
      int inFlight = ctx.world.control().counters().tasks().inFlight();
      ctx.world.worker.kill();
      done++;
      if (inFlight > 0) {
        withTasks++;
        tasksCut += inFlight;
      }
      ctx.say("kill " + k + "/" + kills + " after " + gap + " ms, " + inFlight + " vSphere tasks in flight; restarting");
      ctx.world.worker.start();
    }
    ctx.details.put("kills", done);
    ctx.details.put("killsWithTasksInFlight", withTasks);
    ctx.details.put("tasksInFlightAtKills", tasksCut);
  }
}
