package io.vspheretemporal.activities.flows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.vspheretemporal.api.VSphereSteps;
import java.time.Duration;

/** The product's defaults, with timeouts and backoff short enough for tests. */
final class TestStepOptions {
  private TestStepOptions() {}

  static ActivityOptions tasks() {
    return ActivityOptions.newBuilder(VSphereSteps.taskDefaults())
        .setHeartbeatTimeout(Duration.ofSeconds(3))
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder(VSphereSteps.retries())
            .setInitialInterval(Duration.ofMillis(200))
            .setMaximumInterval(Duration.ofSeconds(1))
            .build())
        .build();
  }
}
