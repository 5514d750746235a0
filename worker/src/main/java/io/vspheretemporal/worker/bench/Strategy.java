package io.vspheretemporal.worker.bench;

import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.runner.RunnerSettings;

/** A way of waiting for vSphere tasks, as a benchmark activity implementation. */
public enum Strategy {
  /** Ours: the runner and the vCenter's shared watcher, one long poll for all tasks. */
  WATCHER("watcher"),
  /** The usual pyVmomi/govmomi pattern: a PropertyCollector and a WaitForUpdatesEx long poll per task. */
  COLLECTOR_PER_TASK("collector-per-task"),
  /** yavijava's {@code Task.waitForTask()}: RetrieveProperties with sleeps in between. */
  POLLING("polling");

  final String label;

  Strategy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Strategy of(String label) {
    for (Strategy s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown strategy '" + label + "': watcher, collector-per-task, polling or all");
  }

  BenchTask activity(VCenters vcenters, RunnerSettings settings) {
    return switch (this) {
      case WATCHER -> new WatcherTask(vcenters, settings);
      case COLLECTOR_PER_TASK -> new CollectorPerTask(vcenters, settings);
      case POLLING -> new PollingTask(vcenters, settings);
    };
  }
}
