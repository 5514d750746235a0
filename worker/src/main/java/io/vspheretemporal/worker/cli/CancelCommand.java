package io.vspheretemporal.worker.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.vspheretemporal.worker.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = {"Requests cancellation of a run: its running cancelable vSphere tasks are cancelled",
        "(CancelTask), others are waited out, then the workflow undoes what it did."})
public final class CancelCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  String workflowId;

  @Override
  public Integer call() {
    WorkflowClient client;
    try {
      client = temporal.client();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      client.newUntypedWorkflowStub(workflowId).cancel();
    } catch (WorkflowNotFoundException e) {
      spec.commandLine().getErr().println("no running workflow with id " + workflowId);
      return ExitCodes.CONFIG;
    }
    spec.commandLine().getOut().println("cancellation requested for " + workflowId);
    return ExitCodes.OK;
  }
}
