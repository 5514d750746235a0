package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.vspheretemporal.activities.flows.CloneWorkflow;
import io.vspheretemporal.activities.flows.CloneWorkflowImpl;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task step in a workflow rides out a vCenter that drops every connection for a while. */
@VcSim(taskMillis = 500)
class OutageStepTest {
  private TemporalHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aCloneStepSucceedsAcrossAThreeSecondOutageWithOneCloneTask(Simulator sim) throws Exception {
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(6));
    harness = TemporalHarness.start(sim, CloneWorkflowImpl.class);
    SimRefs refs = new SimRefs(sim);
    CloneWorkflow wf = harness.newWorkflow(CloneWorkflow.class, "outage");
    WorkflowClient.start(wf::clone, CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), "outage-clone", null));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    TaskStepTest.awaitProgress(harness, stub, p -> p.progress() != null && p.progress() >= 10);

    sim.control().outage("drop", Duration.ofSeconds(3));
    MoRef vm = stub.getResult(MoRef.class);

    assertThat(vm.value()).isEqualTo(sim.control().vm("outage-clone").orElseThrow().ref());
    assertThat(sim.control().counters().calls("CloneVM_Task")).isEqualTo(1);
    assertThat(TaskStepTest.attempts(harness, stub)).as("the step never failed").isEqualTo(1);
  }
}
