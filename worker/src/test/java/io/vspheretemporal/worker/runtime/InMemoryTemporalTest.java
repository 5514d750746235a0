package io.vspheretemporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory server behind dev-server and demo keeps real time, as a real server does. */
class InMemoryTemporalTest {
  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    void sleep();
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public void sleep() {
      Workflow.sleep(Duration.ofMinutes(10));
    }
  }

  @Test
  void aTimerIsNotSkippedWhileNothingElseHappens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    TestServer.PortBoundTestServer server = InMemoryTemporal.start(port);
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:" + port).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      WorkerFactory factory = WorkerFactory.newInstance(client);
      factory.newWorker("q").registerWorkflowImplementationTypes(SleeperImpl.class);
      factory.start();
      Sleeper wf = client.newWorkflowStub(Sleeper.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("sleeper").build());
      WorkflowClient.start(wf::sleep);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!types(client).contains(EventType.EVENT_TYPE_TIMER_STARTED) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(types(client)).contains(EventType.EVENT_TYPE_TIMER_STARTED);
      Thread.sleep(2000); // with time skipping unlocked the 10-minute timer fires within milliseconds

      assertThat(types(client)).doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
      factory.shutdownNow();
    } finally {
      service.shutdownNow();
      server.close();
    }
  }

  private static List<EventType> types(WorkflowClient client) {
    return client.fetchHistory("sleeper").getEvents().stream().map(HistoryEvent::getEventType).toList();
  }
}
