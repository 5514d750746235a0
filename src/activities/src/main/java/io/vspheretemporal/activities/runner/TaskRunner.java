package io.vspheretemporal.activities.runner;

import io.temporal.activity.Activity;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.session.SecretResolver;

/**
 * The one place that runs a vSphere task as a Temporal activity (see {@link TaskExecution} for the
 * steps: re-attach or probe, submit, watch and heartbeat, cancel, map the outcome).
 */
public final class TaskRunner {
  final VCenters vcenters;
  final SecretResolver secrets;
  final RunnerSettings settings;
  final TaskListener listener;
  final ProgressSignals progressSignals;

  public TaskRunner(VCenters vcenters, SecretResolver secrets, RunnerSettings settings, TaskListener listener) {
    this(vcenters, secrets, settings, listener, ProgressSignals.none());
  }

  public TaskRunner(VCenters vcenters, SecretResolver secrets, RunnerSettings settings, TaskListener listener,
      ProgressSignals progressSignals) {
    this.vcenters = vcenters;
    this.secrets = secrets;
    this.settings = settings;
    this.listener = listener;
    this.progressSignals = progressSignals;
  }

  /** Runs the operation in the current activity and returns its typed result. */
  public <Q, R> R run(Operation<Q, R> operation, Q request) {
    return new TaskExecution<>(this, operation, request, Activity.getExecutionContext()).run();
  }

  public VCenters vcenters() {
    return vcenters;
  }

  public SecretResolver secrets() {
    return secrets;
  }

  public RunnerSettings settings() {
    return settings;
  }
}
