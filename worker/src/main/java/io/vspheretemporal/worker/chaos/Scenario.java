package io.vspheretemporal.worker.chaos;

/**
 * One way of hurting a fleet run. The runner starts the scenario's fleet, calls {@link #disrupt}
 * while it runs, waits for it to end and audits the outcome; {@link #check} adds what this
 * scenario in particular promises.
 */
interface Scenario {
  /** Short, lower case; it names the scenario's VMs ({@code chaos-<name>-NN}). */
  String name();

  /** What it does, for the report. */
  String summary();

  /** Hurts the running fleet; returns when the disruption is over (the fleet may still run). */
  void disrupt(ScenarioContext ctx) throws Exception;

  /** This scenario's own promises about the audited outcome; problems go to {@code ctx.problem}. */
  default void check(ScenarioContext ctx, Audit.Outcome outcome) {}
}
