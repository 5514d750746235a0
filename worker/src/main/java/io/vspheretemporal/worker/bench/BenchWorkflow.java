package io.vspheretemporal.worker.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a batch of benchmark tasks at once; a failed task is a null result (an error). */
@WorkflowInterface
public interface BenchWorkflow {
  @WorkflowMethod(name = "BenchBatch")
  List<BenchTask.BenchResult> run(List<BenchTask.BenchRequest> batch);

  class Impl implements BenchWorkflow {
    @Override
    public List<BenchTask.BenchResult> run(List<BenchTask.BenchRequest> batch) {
      BenchTask task = Workflow.newActivityStub(BenchTask.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build());
      List<Promise<BenchTask.BenchResult>> running = new ArrayList<>();
      for (BenchTask.BenchRequest r : batch) {
        running.add(Async.function(task::run, r).exceptionally(e -> null));
      }
      List<BenchTask.BenchResult> results = new ArrayList<>();
      for (Promise<BenchTask.BenchResult> p : running) {
        results.add(p.get());
      }
      return results;
    }
  }
}
