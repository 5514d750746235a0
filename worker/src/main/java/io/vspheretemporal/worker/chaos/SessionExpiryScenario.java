package io.vspheretemporal.worker.chaos;

import java.time.Duration;

/**
 * vCenter ends every session at a fixed period while the fleet runs (as an administrator's
 * "terminate sessions" or a vCenter's session limit does). Steps log in again and carry on: not
 * one may fail, nor even need a second attempt.
 */
final class SessionExpiryScenario implements Scenario {
  private final Duration every;

  SessionExpiryScenario(Duration every) {
    this.every = every;
  }

  @Override
  public String name() {
    return "sessions";
  }

  @Override
  public String summary() {
    return "vCenter ends every session every " + ScenarioContext.seconds(every) + " while the fleet runs";
  }

  @Override
  public void disrupt(ScenarioContext ctx) throws Exception {
    int expiries = 0;
    int sessions = 0;
    while (true) {
      Thread.sleep(every);
      if (!ctx.fleetRunning()) {
        break;
      }
      sessions += ctx.world.control().expireSessions();
      expiries++;
    }
    ctx.details.put("expiries", expiries);
    ctx.details.put("sessionsEnded", sessions);
    ctx.say("ended every session " + expiries + " times (" + sessions + " sessions)");
    if (expiries < 2) {
      ctx.problem("the fleet ended after " + expiries + " session expiries; give it more VMs (--fleet) so that"
          + " sessions expire several times while it runs");
    }
  }

  @Override
  public void check(ScenarioContext ctx, Audit.Outcome o) {
    if (o.activityFailures() > 0 || o.activityTimeouts() > 0 || o.retriedAttempts() > 0) {
      ctx.problem("steps failed while sessions expired: " + o.activityFailures() + " activities failed, "
          + o.activityTimeouts() + " timed out, " + o.retriedAttempts() + " attempts retried " + o.retryReasons());
    }
  }
}
