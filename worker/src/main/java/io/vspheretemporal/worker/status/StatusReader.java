package io.vspheretemporal.worker.status;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.workflows.progress.StepStatus;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a run's status from Temporal: describe for status and heartbeats, a query for the checklist. */
public final class StatusReader {
  private final WorkflowClient client;

  public StatusReader(WorkflowClient client) {
    this.client = client;
  }

  public RunStatus read(String workflowId) {
    DescribeWorkflowExecutionResponse d = client.getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .build());
    String status = d.getWorkflowExecutionInfo().getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    String type = d.getWorkflowExecutionInfo().getType().getName();
    List<TaskProgress> pending = new ArrayList<>();
    DataConverter converter = client.getOptions().getDataConverter(); // decrypts when encryption is on
    for (PendingActivityInfo a : d.getPendingActivitiesList()) {
      if (a.hasHeartbeatDetails()) {
        try {
          pending.add(converter.fromPayloads(0, Optional.of(a.getHeartbeatDetails()), TaskProgress.class, TaskProgress.class));
        } catch (RuntimeException e) {
          rethrowUnknownKey(e); // otherwise a look-up or guest wait heartbeats something else
        }
      }
    }
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    WorkflowProgress progress = query(stub);
    String failure = null;
    if ("FAILED".equals(status) || "TIMED_OUT".equals(status)) {
      failure = failure(stub);
    }
    List<RunStatus> children = new ArrayList<>();
    if ("ProvisionFleet".equals(type) && progress != null) {
      for (StepStatus vm : progress.steps()) {
        if (vm.startedAt() != null) {
          children.add(read(workflowId + "/" + vm.name()));
        }
      }
    }
    return new RunStatus(workflowId, type, status, progress, pending, failure, children);
  }

  private static WorkflowProgress query(WorkflowStub stub) {
    try {
      return stub.query("progress", WorkflowProgress.class);
    } catch (RuntimeException e) {
      rethrowUnknownKey(e);
      return null; // no worker serves the query right now
    }
  }

  /** Without the key nothing of the run can be shown: say which key, rather than show an empty status. */
  private static void rethrowUnknownKey(RuntimeException e) {
    DataConverters.unknownKey(e).ifPresent(u -> {
      throw u;
    });
  }

  private static String failure(WorkflowStub stub) {
    try {
      stub.getResult(0, java.util.concurrent.TimeUnit.MILLISECONDS, Object.class);
      return null;
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        rethrowUnknownKey(r);
      }
      Throwable t = e.getCause() == null ? e : e.getCause();
      return t.getMessage();
    }
  }
}
