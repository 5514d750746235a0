package io.vspheretemporal.worker.chaos;

import java.time.Duration;

/**
 * vCenter out of reach while tasks run: the simulator cuts every SOAP connection and drops each
 * new request unanswered for the whole outage. No activity may fail or time out because of it.
 */
final class VCenterOutageScenario implements Scenario {
  private final Duration length;

  VCenterOutageScenario(Duration length) {
    this.length = length;
  }

  @Override
  public String name() {
    return "vc-outage";
  }

  @Override
  public String summary() {
    return "vCenter drops every connection for " + ScenarioContext.seconds(length) + " while tasks run";
  }

  @Override
  public void disrupt(ScenarioContext ctx) throws Exception {
    // Cut when every slot of the fleet is inside a running task.
    int slots = Math.min(ctx.options.parallelism(), ctx.fleet.vms().size());
    int inFlight = ctx.awaitTasksInFlight(slots, Duration.ofMinutes(2));
    if (inFlight == 0) {
      ctx.problem("no vSphere task was running to cut off; the outage did not happen");
      return;
    }
    ctx.world.control().outage("drop", length);
    long started = System.nanoTime();
    ctx.say("vCenter unreachable (drop) for " + ScenarioContext.seconds(length) + " with " + inFlight + " tasks in flight");
    Thread.sleep(length);
    while (ctx.world.control().outageActive()) {
      Thread.sleep(100);
    }
    ctx.details.put("outageSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    ctx.details.put("tasksInFlightAtOutage", inFlight);
    ctx.say("vCenter reachable again");
  }

  @Override
  public void check(ScenarioContext ctx, Audit.Outcome o) {
    if (o.activityFailures() > 0 || o.activityTimeouts() > 0) {
      ctx.problem(o.activityFailures() + " activities failed and " + o.activityTimeouts()
          + " timed out during or after the vCenter outage");
    }
  }
}
