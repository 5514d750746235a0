package io.vspheretemporal.worker.bench;

import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.SecretResolver;

/** Ours: the product's runner, waiting through the vCenter's shared watcher. */
final class WatcherTask implements BenchTask {
  /** The runner reports the submitted task on the activity's own thread. */
  private static final ThreadLocal<String> SUBMITTED = new ThreadLocal<>();
  private final TaskRunner runner;

  WatcherTask(VCenters vcenters, RunnerSettings settings) {
    this.runner = new TaskRunner(vcenters, SecretResolver.none(), settings, new TaskListener() {
      @Override
      public void submitted(String vcenter, String operation, String task) {
        SUBMITTED.set(task);
      }
    });
  }

  @Override
  public BenchResult run(BenchRequest request) {
    try {
      runner.run(BenchOperation.EMPTY_RECONFIGURE, request);
      return new BenchResult(SUBMITTED.get(), BenchOperation.nowMicros());
    } finally {
      SUBMITTED.remove();
    }
  }
}
