package io.vspheretemporal.worker.chaos;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.SimulatorControl;
import io.vspheretemporal.testing.SimulatorOptions;
import io.vspheretemporal.testing.SimulatorProcess;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import io.vspheretemporal.worker.runtime.DevServerProcess;
import io.vspheretemporal.worker.runtime.TemporalConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a chaos run starts, each in a process of its own as in production: the vSphere
 * simulator, Temporal's in-memory server, a TCP proxy between them and the worker, and the worker
 * ({@code worker --config}) with a vCenter password and a customization secret the run knows, so
 * that it can look for them everywhere afterwards.
 */
final class World implements AutoCloseable {
  static final String NAMESPACE = "default";
  static final String ADMIN_SECRET = "chaos-admin";

  final Path workDir;
  final String vcenterPassword = "chaos-vc-" + UUID.randomUUID();
  final String adminPassword = "chaos-admin-" + UUID.randomUUID();
  final int metricsPort;
  private final List<AutoCloseable> started = new ArrayList<>();
  /** Stops the child processes when the chaos run itself is stopped (Ctrl-C, SIGTERM). */
  private final Thread stopChildren = new Thread(this::closeChildren, "chaos-stop-children");
  SimulatorProcess sim;
  DevServerProcess temporal;
  TcpProxy proxy;
  WorkerProcess worker;
  WorkflowServiceStubs service;
  WorkflowClient client;

  private World(Path workDir) throws IOException {
    this.workDir = workDir;
    this.metricsPort = freePort();
  }

  static World start(ChaosOptions o, PrintStream progress) throws Exception {
    Files.createDirectories(o.workDir());
    World w = new World(o.workDir());
    Runtime.getRuntime().addShutdownHook(w.stopChildren);
    try {
      progress.println("chaos: starting the vSphere simulator (built from src/testing/vcsim on first use)...");
      SimulatorOptions d = SimulatorOptions.defaults();
      w.sim = SimulatorProcess.start(new SimulatorOptions(false, o.taskDuration(), Map.of(), d.queueDelay(),
          o.guestDelay(), d.username(), w.vcenterPassword, d.vmsPerPool()));
      w.started.add(w.sim);
      progress.println("chaos: starting Temporal's in-memory server and the worker...");
      w.temporal = DevServerProcess.start(freePort(), "1g", w.workDir.resolve("dev-server.log"));
      w.started.add(w.temporal);
      w.proxy = new TcpProxy(w.temporal.port());
      w.started.add(w.proxy);
      Path config = w.workDir.resolve("worker.yaml");
      Files.writeString(config, w.workerConfig(o));
      Path logback = w.workDir.resolve("worker-logback.xml");
      Files.writeString(logback, logback(o.workerLogLevel()));
      w.worker = new WorkerProcess(config, logback,
          Map.of("CHAOS_VCENTER_PASSWORD", w.vcenterPassword, "CHAOS_ADMIN_PASSWORD", w.adminPassword), w.workDir);
      w.started.add(w.worker);
      w.service = TemporalConnection.open("localhost:" + w.temporal.port(), NAMESPACE, null, null, null);
      // No payload encryption: payloads in clear are the hardest case for the secrets scan.
      w.client = WorkflowClient.newInstance(w.service, DataConverters.clientOptions(NAMESPACE, EncryptionKeys.none()));
      w.worker.start();
      progress.println("chaos: simulator " + w.sim.simulator().sdkUrl() + ", Temporal localhost:" + w.temporal.port()
          + " (the worker goes through a proxy on " + w.proxy.port() + "), logs in " + w.workDir);
      return w;
    } catch (Exception | Error e) {
      w.close();
      throw e;
    }
  }

  /** The worker's configuration as a user writes it; secrets come from the environment. */
  private String workerConfig(ChaosOptions o) {
    Simulator s = sim.simulator();
    return """
        temporal:
          target: localhost:%d
          namespace: %s
          taskQueues: [vsphere]
        vcenters:
          - name: sim
            url: %s
            username: %s
            password: {env: CHAOS_VCENTER_PASSWORD}
        secrets:
          %s: {env: CHAOS_ADMIN_PASSWORD}
        worker:
          heartbeatInterval: %dms
          shutdownGrace: 2s
          stickyWorkflows: false          # the in-memory server cannot move a dead worker's sticky workflows
        metrics:
          port: %d
        logging:
          format: text
        """.formatted(proxy.port(), NAMESPACE, s.sdkUrl(), s.username(), ADMIN_SECRET,
        o.heartbeatInterval().toMillis(), metricsPort);
  }

  /** The shipped logback configuration at the requested level; the vim25 binding stays off as shipped. */
  private static String logback(String level) {
    return """
        <configuration>
          <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
            <target>System.err</target>
            <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{30} - %%msg%%n</pattern></encoder>
          </appender>
          <logger name="com.vmware" level="OFF"/>
          <logger name="io.grpc" level="INFO"/>
          <logger name="io.netty" level="INFO"/>
          <logger name="io.temporal" level="%s"/>
          <root level="%s"><appender-ref ref="STDERR"/></root>
        </configuration>
        """.formatted(level, level);
  }

  SimulatorControl control() {
    return sim.simulator().control();
  }

  /** Whether the run is still open (running); false once it closed or if it does not exist. */
  boolean isRunning(String workflowId) {
    try {
      return service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(NAMESPACE).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
          .getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopChildren);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to
    }
    closeChildren();
  }

  private synchronized void closeChildren() {
    if (service != null) {
      service.shutdownNow();
    }
    if (sim != null) {
      try { // the simulator keeps only its last lines; they explain a vSphere fault the audit reports
        Files.write(workDir.resolve("simulator-tail.log"), sim.lastOutput());
      } catch (IOException ignored) {
        // diagnostics only
      }
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
    started.clear();
  }
}
