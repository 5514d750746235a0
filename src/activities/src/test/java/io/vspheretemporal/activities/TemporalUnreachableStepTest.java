package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimTask;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When heartbeats cannot reach Temporal for longer than the heartbeat timeout, the SDK stops the
 * attempt with an ActivityCanceledException, as a workflow's cancellation does. The step must not
 * take it for one: cancelling the vSphere task would make the next attempt find it cancelled and
 * run the operation a second time.
 */
@VcSim(taskMillis = 500)
class TemporalUnreachableStepTest {
  private static final String BUFFER = "temporal.activity.localTimeoutBufferMs";

  private SimWorker worker;
  private TestActivityEnvironment env;

  @AfterEach
  void stop() {
    System.clearProperty(BUFFER);
    if (env != null) {
      env.close();
    }
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void heartbeatsFailingPastTheTimeoutLeaveTheCloneRunningAndFailTheAttemptRetryably(Simulator sim) throws Exception {
    System.setProperty(BUFFER, "0"); // the SDK adds 5 s to the 2 s heartbeat timeout by default
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(6));
    worker = new SimWorker(sim, SecretResolver.none());
    env = worker.environment();
    AtomicReference<String> task = new AtomicReference<>();
    env.setActivityHeartbeatListener(TaskProgress.class, p -> {
      if (task.get() != null) {
        throw Status.UNAVAILABLE.withDescription("Temporal is out of reach").asRuntimeException();
      }
      if (p.task() != null) {
        task.set(p.task().value()); // the reference reached Temporal; from now on nothing does
      }
    });
    SimRefs refs = new SimRefs(sim);
    VmActivities vms = SimWorker.stub(env, VmActivities.class);

    ActivityFailure f = catchThrowableOfType(ActivityFailure.class, () -> vms.cloneVm(
        CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), "unreachable-clone", null)));

    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure cause = (ApplicationFailure) f.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.TEMPORAL_UNREACHABLE);
    assertThat(cause.isNonRetryable()).isFalse();
    assertThat(cause.getOriginalMessage()).contains("CloneVM_Task").contains(task.get());
    assertThat(sim.control().counters().calls("CancelTask")).as("vSphere's task was not cancelled").isZero();
    SimTask clone = Await.until("the clone task's end", Duration.ofSeconds(20),
        () -> sim.control().tasks().stream().filter(t -> t.ref().equals(task.get())).findFirst().orElseThrow(),
        t -> !"running".equals(t.state()) && !"queued".equals(t.state()));
    assertThat(clone.state()).isEqualTo("success");
    assertThat(sim.control().vm("unreachable-clone")).isPresent();
    assertThat(clone.cancelled()).isFalse();
  }
}
