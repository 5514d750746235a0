package io.vspheretemporal.worker;

import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Temporal's in-memory server on a free port, as {@code dev-server} runs it, for in-process worker and CLI tests. */
public final class TemporalDevServer implements AutoCloseable {
  private final int port;
  private final TestServer.PortBoundTestServer server;
  private final WorkflowServiceStubs service;

  public TemporalDevServer() throws IOException {
    port = freePort();
    server = TestServer.createPortBoundServer(port, false);
    service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
  }

  public String target() {
    return "localhost:" + port;
  }

  /** Ids of every workflow run the server has seen, open or closed: proof that nothing was started. */
  public List<String> workflowIds() {
    List<String> ids = new ArrayList<>();
    service.blockingStub().listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
            .setNamespace("default").build())
        .getExecutionsList().forEach(e -> ids.add(e.getExecution().getWorkflowId()));
    service.blockingStub().listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
            .setNamespace("default").build())
        .getExecutionsList().forEach(e -> ids.add(e.getExecution().getWorkflowId()));
    return ids;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    service.shutdownNow();
    server.close();
  }
}
