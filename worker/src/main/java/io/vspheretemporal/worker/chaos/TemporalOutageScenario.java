package io.vspheretemporal.worker.chaos;

import java.time.Duration;

/**
 * Temporal out of the worker's reach while tasks run: the proxy between them resets every
 * connection and every new one for the whole outage. Steps whose heartbeats time out meanwhile
 * are retried and re-attach to their vSphere tasks; none may run its operation twice.
 */
final class TemporalOutageScenario implements Scenario {
  private final Duration length;

  TemporalOutageScenario(Duration length) {
    this.length = length;
  }

  @Override
  public String name() {
    return "tp-outage";
  }

  @Override
  public String summary() {
    return "Temporal unreachable from the worker for " + ScenarioContext.seconds(length) + " while tasks run";
  }

  @Override
  public void disrupt(ScenarioContext ctx) throws Exception {
    int inFlight = ctx.awaitTasksInFlight(2, Duration.ofMinutes(2));
    if (inFlight == 0) {
      ctx.problem("no vSphere task was running to cut off; the outage did not happen");
      return;
    }
    long started = System.nanoTime();
    ctx.world.proxy.cut(length);
    ctx.say("Temporal unreachable for " + ScenarioContext.seconds(length) + " with " + inFlight + " tasks in flight");
    Thread.sleep(length);
    ctx.details.put("outageSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    ctx.details.put("tasksInFlightAtOutage", inFlight);
    ctx.details.put("connectionsCut", ctx.world.proxy.cutConnections());
    ctx.details.put("connectionsRefused", ctx.world.proxy.refusedConnections());
    ctx.say("Temporal reachable again (" + ctx.world.proxy.cutConnections() + " connections cut, "
        + ctx.world.proxy.refusedConnections() + " refused meanwhile)");
  }
}
