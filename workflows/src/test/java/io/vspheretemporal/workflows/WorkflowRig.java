package io.vspheretemporal.workflows;

import io.temporal.client.WorkflowStub;
import io.vspheretemporal.activities.TemporalHarness;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** The shipped workflows on an in-process Temporal server, their activities on the simulator. */
final class WorkflowRig {
  private WorkflowRig() {}

  static TemporalHarness start(Simulator sim) {
    return start(sim, SecretResolver.none());
  }

  /** The same, with a worker that resolves secrets named in requests through {@code secrets}. */
  static TemporalHarness start(Simulator sim, SecretResolver secrets) {
    return TemporalHarness.start(sim, SessionListener.NONE, secrets, TaskListener.NONE,
        VSphereWorkflows.implementations().toArray(Class<?>[]::new));
  }

  /** A VM from tmpl-ubuntu in DC0_C0, 2 vCPU / 4 GB, with a static address. */
  static ProvisionVmRequest vm(String name, String ip) {
    return new ProvisionVmRequest("sim", name, "tmpl-ubuntu", "DC0/vm", null, "DC0/host/DC0_C0", null, null,
        2, 4096L, null,
        GuestCustomization.linuxStatic(null, "example.test", ip, "255.255.255.0", "192.0.2.1", List.of("192.0.2.53")),
        60);
  }

  /** {@code count} VMs named {@code prefix-01}, ... with addresses {@code subnet.1}, ... */
  static List<ProvisionVmRequest> fleet(String prefix, String subnet, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> vm(String.format("%s-%02d", prefix, i), subnet + "." + i))
        .toList();
  }

  /** Polls until the condition holds; fails naming what never happened after 30 s. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 30 s for " + what);
      }
      Thread.sleep(50);
    }
  }

  static WorkflowProgress awaitProgress(WorkflowStub stub, Predicate<WorkflowProgress> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    WorkflowProgress last = null;
    while (System.nanoTime() < deadline) {
      last = stub.query("progress", WorkflowProgress.class);
      if (last != null && condition.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the workflow never reached the expected progress; last: " + last);
  }
}
