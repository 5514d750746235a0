package io.vspheretemporal.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A task that fails with a fault newer than the vim25 binding (QuarantineModeFault, vSphere 6.7)
 * fails its step with vSphere's message, and does not stall the other tasks sharing the watcher.
 */
@VcSim(taskMillis = 1500)
class UnreadableFaultTest {

  @Test
  void aFaultTheBindingCannotParseFailsOnlyItsOwnStep(Simulator sim) throws Exception {
    try (SimWorker worker = new SimWorker(sim, SecretResolver.none())) {
      TestActivityEnvironment cloneEnv = worker.environment();
      TestActivityEnvironment reconfigEnv = worker.environment();
      SimRefs refs = new SimRefs(sim);
      sim.control().injectFault("ReconfigVM_Task", "QuarantineModeFault", 1);

      CompletableFuture<MoRef> clone = CompletableFuture.supplyAsync(() -> SimWorker.stub(cloneEnv, VmActivities.class)
          .cloneVm(CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), "beside-the-poison", null)));
      VmActivities vm = SimWorker.stub(reconfigEnv, VmActivities.class);
      assertThatThrownBy(() -> vm.reconfigureVm(ReconfigureVmRequest.cpuAndMemory(refs.vm("DC0_C0_RP0_VM1"), 2, 2048)))
          .isInstanceOf(ActivityFailure.class)
          .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.getType()).isEqualTo(FailureTypes.UNREADABLE_TASK_FAULT);
            assertThat(f.getOriginalMessage()).isEqualTo("QuarantineModeFault (injected by the simulator)");
            assertThat(f.isNonRetryable()).isTrue();
          });
      assertThat(clone.get().value()).isEqualTo(sim.control().vm("beside-the-poison").orElseThrow().ref());
    }
  }
}
