package io.vspheretemporal.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.vspheretemporal.worker.codec.UnknownKeyException;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.runtime.RunAttributes;
import io.vspheretemporal.worker.status.RunStatus;
import io.vspheretemporal.worker.status.StatusFollower;
import io.vspheretemporal.worker.status.StatusReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the commands that start a workflow share: connecting, a stable workflow id (starting the
 * same request twice while it runs is refused, not duplicated), memo and search attributes so the
 * run is findable, printing the id, and following the run with {@code --wait}.
 */
abstract class Starter {
  @Mixin
  TemporalOptions temporal;

  @Option(names = "--id", description = "workflow id (default: derived from the request, e.g. provision-<vcenter>-<name>)")
  String id;

  @Option(names = "--wait", description = "follow the run's progress until it ends; exit 1 if it fails")
  boolean await;

  @Option(names = "--json", description = "with --wait, print the final status as JSON")
  boolean json;

  int start(PrintWriter out, PrintWriter err, String type, String defaultId, String vcenter, String vmName, Object request) {
    WorkflowClient client;
    try {
      client = temporal.client();
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    String workflowId = id != null ? id : defaultId;
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put("vcenter", vcenter);
    if (vmName != null) {
      memo.put("vmName", vmName);
    }
    WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
        .setTaskQueue(temporal.taskQueue()).setWorkflowId(workflowId).setMemo(memo);
    if (RunAttributes.available(client.getWorkflowServiceStubs(), temporal.namespace())) {
      options.setTypedSearchAttributes(RunAttributes.typed(vcenter, vmName));
    }
    WorkflowStub stub = client.newUntypedWorkflowStub(type, options.build());
    try {
      stub.start(request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      err.println("a run with workflow id " + workflowId + " is already running; follow it with `status " + workflowId
          + "` or give another --id");
      return ExitCodes.CONFIG;
    }
    out.println(workflowId);
    out.flush();
    if (!await) {
      return ExitCodes.OK;
    }
    try {
      RunStatus end = new StatusFollower(new StatusReader(client), System.out, System.console() != null && !json)
          .follow(workflowId, Duration.ofMillis(500));
      if (json) {
        out.println(new ObjectMapper().writeValueAsString(end));
      }
      return "COMPLETED".equals(end.status()) ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (UnknownKeyException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILURE;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String slug(String s) {
    return s == null ? "" : s.replaceAll("[^A-Za-z0-9_.-]+", "-");
  }
}
