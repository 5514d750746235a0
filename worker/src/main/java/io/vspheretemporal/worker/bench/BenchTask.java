package io.vspheretemporal.worker.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** One benchmark task: start a vSphere task, wait for it with the strategy under test. */
@ActivityInterface
public interface BenchTask {
  @ActivityMethod(name = "BenchTask")
  BenchResult run(BenchRequest request);

  /** @param vm the VM value (e.g. vm-63) an empty ReconfigVM_Task runs on */
  record BenchRequest(String vcenter, String vm) {}

  /**
   * @param task the vSphere task's value, to find its completion time in the simulator
   * @param returnedAtMicros when the activity returned (epoch microseconds, this host's clock)
   */
  record BenchResult(String task, long returnedAtMicros) {}
}
