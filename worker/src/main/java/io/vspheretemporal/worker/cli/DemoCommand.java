package io.vspheretemporal.worker.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testserver.TestServer;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.TlsPolicy;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.SimulatorOptions;
import io.vspheretemporal.testing.SimulatorProcess;
import io.vspheretemporal.testing.SimulatorUnavailableException;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import io.vspheretemporal.worker.demo.Demo;
import io.vspheretemporal.worker.metrics.WorkerMetrics;
import io.vspheretemporal.worker.runtime.InMemoryTemporal;
import io.vspheretemporal.worker.runtime.TemporalConnection;
import io.vspheretemporal.worker.runtime.VSphereWorker;
import io.vspheretemporal.worker.status.RunStatus;
import io.vspheretemporal.worker.status.StatusFollower;
import io.vspheretemporal.worker.status.StatusReader;
import io.vspheretemporal.workflows.fleet.FleetResult;
import io.vspheretemporal.workflows.fleet.VmOutcome;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The embedded default: an in-memory Temporal server, the vSphere simulator and a worker",
        "in this process; provisions a small fleet with live progress, prints a summary, exits 0."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--vms", defaultValue = "3", description = "VMs to provision (default: ${DEFAULT-VALUE})")
  int vms;

  @Option(names = "--task-duration", defaultValue = "2s", description = "how long each simulated vSphere task runs")
  String taskDuration;

  @Override
  public Integer call() throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    PrintStream out = System.out;
    out.println("Starting the vSphere simulator (built from src/testing/vcsim on first use)...");
    SimulatorProcess sim;
    try {
      sim = SimulatorProcess.start(SimulatorOptions.defaults()
          .withTaskDuration(io.vspheretemporal.worker.config.Durations.parse(taskDuration))
          .withGuestDelay(Duration.ofSeconds(1)));
    } catch (SimulatorUnavailableException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    int port = freePort();
    TestServer.PortBoundTestServer temporal = InMemoryTemporal.start(port);
    VSphereWorker worker = null;
    try {
      Simulator s = sim.simulator();
      out.println("Simulator:  " + s.sdkUrl() + "   Temporal (in memory): localhost:" + port);
      worker = VSphereWorker.start(Demo.config(port, s), new WorkerMetrics());
      WorkflowClient client = WorkflowClient.newInstance(
          TemporalConnection.open("localhost:" + port, "default", null, null, null),
          DataConverters.clientOptions("default", EncryptionKeys.none()));
      String id = "demo-fleet-" + System.currentTimeMillis();
      WorkflowStub fleet = client.newUntypedWorkflowStub("ProvisionFleet",
          WorkflowOptions.newBuilder().setTaskQueue("vsphere").setWorkflowId(id).build());
      fleet.start(io.vspheretemporal.worker.demo.DemoFleetRequests.of("sim", vms));
      out.println("Provisioning " + vms + " VMs as workflow " + id + ":\n");
      long started = System.nanoTime();
      RunStatus end = new StatusFollower(new StatusReader(client), out, System.console() != null)
          .follow(id, Duration.ofMillis(300));
      double seconds = (System.nanoTime() - started) / 1e9;
      if (!"COMPLETED".equals(end.status())) {
        out.println("\nThe fleet did not complete: " + end.status() + (end.failure() == null ? "" : ": " + end.failure()));
        return ExitCodes.FAILURE;
      }
      printSummary(out, fleet.getResult(FleetResult.class), s.control().counters(), seconds);
      return ExitCodes.OK;
    } finally {
      if (worker != null) {
        worker.shutdown(Duration.ofSeconds(2));
      }
      temporal.close();
      sim.close();
    }
  }

  private static void printSummary(PrintStream out, FleetResult result, Counters counters, double seconds) {
    out.printf(Locale.ROOT, "%nProvisioned %d of %d VMs in %.1f s:%n", result.provisioned(), result.vms().size(), seconds);
    out.printf(Locale.ROOT, "  %-14s %-10s %-16s %s%n", "VM", "MOREF", "IP ADDRESS", "STATUS");
    for (VmOutcome vm : result.vms()) {
      out.printf(Locale.ROOT, "  %-14s %-10s %-16s %s%n", vm.name(), vm.vm() == null ? "-" : vm.vm().value(),
          vm.ipAddress() == null ? "-" : vm.ipAddress(), vm.status());
    }
    out.printf(Locale.ROOT, "vSphere saw %d CloneVM_Task, %d WaitForUpdatesEx and %d SOAP calls in all.%n",
        counters.calls("CloneVM_Task"), counters.calls("WaitForUpdatesEx"), counters.totalCalls());
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
