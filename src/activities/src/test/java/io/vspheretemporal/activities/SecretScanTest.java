package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.vspheretemporal.activities.flows.AddHostWorkflow;
import io.vspheretemporal.activities.flows.AddHostWorkflowImpl;
import io.vspheretemporal.activities.flows.CloneWorkflow;
import io.vspheretemporal.activities.flows.CloneWorkflowImpl;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No password reaches a log line, heartbeat, failure message or workflow payload: the vCenter
 * password, a guest customization secret and a host root password, across successful and
 * failing steps.
 */
@VcSim(taskMillis = 1500)
class SecretScanTest {

  @Test
  void noSecretAppearsInLogsHeartbeatsFailuresOrHistories(Simulator sim) throws Exception {
    String guestSecret = "Gu3st-" + UUID.randomUUID();
    String hostSecret = "R00t-" + UUID.randomUUID();
    Map<String, Secret> secrets = Map.of("win-admin", Secret.of(guestSecret), "esx-root", Secret.of(hostSecret));
    List<String> seen = new ArrayList<>();
    List<String> workflowIds = new ArrayList<>();

    try (LogCapture logs = new LogCapture();
        TemporalHarness h = TemporalHarness.start(sim, SessionListener.NONE, name -> Optional.ofNullable(secrets.get(name)),
            TaskListener.NONE, CloneWorkflowImpl.class, AddHostWorkflowImpl.class)) {
      SimRefs refs = new SimRefs(sim);
      GuestCustomization windows = new GuestCustomization("windows", "win-01", null, "192.0.2.40", "255.255.255.0",
          "192.0.2.1", List.of("192.0.2.53"), "win-admin");
      CloneVmRequest clone = CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), "win-01", null)
          .withCustomization(windows).poweredOn();

      CloneWorkflow ok = h.newWorkflow(CloneWorkflow.class, "secret-clone");
      WorkflowClient.start(ok::clone, clone);
      WorkflowStub okStub = WorkflowStub.fromTyped(ok);
      workflowIds.add(okStub.getExecution().getWorkflowId());
      watchHeartbeats(h, okStub, seen);
      seen.add(String.valueOf(okStub.getResult(MoRef.class)));

      sim.control().injectFault("CloneVM_Task", "DuplicateName", 1);
      CloneWorkflow failing = h.newWorkflow(CloneWorkflow.class, "secret-dup");
      assertThatThrownBy(() -> failing.clone(clone)).satisfies(e -> seen.add(stackText(e)));
      workflowIds.add(WorkflowStub.fromTyped(failing).getExecution().getWorkflowId());

      AddHostWorkflow host = h.newWorkflow(AddHostWorkflow.class, "secret-host");
      seen.add(String.valueOf(host.addHost(
          new AddHostRequest(refs.cluster(), "esx-scan.example.com", "root", "esx-root", null, true))));
      workflowIds.add(WorkflowStub.fromTyped(host).getExecution().getWorkflowId());

      AddHostWorkflow unknownSecret = h.newWorkflow(AddHostWorkflow.class, "secret-unknown");
      assertThatThrownBy(() -> unknownSecret.addHost(
          new AddHostRequest(refs.cluster(), "esx-unknown.example.com", "root", "nope", null, true)))
          .satisfies(e -> seen.add(stackText(e)));
      workflowIds.add(WorkflowStub.fromTyped(unknownSecret).getExecution().getWorkflowId());

      for (String id : workflowIds) {
        h.client().fetchHistory(id).getEvents().forEach(e -> seen.add(e.toString()));
      }
      seen.addAll(logs.lines());
    }

    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(String.join("\n", seen)).contains("win-admin").contains("esx-root")
        .doesNotContain(sim.password()).doesNotContain(guestSecret).doesNotContain(hostSecret);
  }

  private static void watchHeartbeats(TemporalHarness h, WorkflowStub stub, List<String> seen) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TaskProgress> p = h.pendingProgress(stub);
      p.ifPresent(x -> seen.add(x.toString()));
      if (p.isPresent() && "running".equals(p.get().state())) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private static String stackText(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
