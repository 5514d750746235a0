package io.vspheretemporal.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.vspheretemporal.worker.codec.UnknownKeyException;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.status.ProgressView;
import io.vspheretemporal.worker.status.RunStatus;
import io.vspheretemporal.worker.status.StatusFollower;
import io.vspheretemporal.worker.status.StatusReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows a run's steps with live progress bars of its running vSphere task(s), refreshed",
        "until the run ends. --json prints one JSON document per refresh (scripts read the last line)."})
public final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  String workflowId;

  @Option(names = "--once", description = "print the current status once")
  boolean once;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--every", defaultValue = "1s", description = "refresh interval (default: ${DEFAULT-VALUE})")
  String every;

  @Override
  public Integer call() throws Exception {
    WorkflowClient client;
    try {
      client = temporal.client();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    StatusReader reader = new StatusReader(client);
    Duration interval = io.vspheretemporal.worker.config.Durations.parse(every);
    try {
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        while (true) {
          RunStatus run = reader.read(workflowId);
          System.out.println(mapper.writeValueAsString(run));
          System.out.flush();
          if (once || run.closed()) {
            return run.closed() && !"COMPLETED".equals(run.status()) ? ExitCodes.FAILURE : ExitCodes.OK;
          }
          Thread.sleep(interval.toMillis());
        }
      }
      if (once) {
        System.out.print(ProgressView.render(reader.read(workflowId)));
        return ExitCodes.OK;
      }
      RunStatus end = new StatusFollower(reader, System.out, System.console() != null).follow(workflowId, interval);
      return "COMPLETED".equals(end.status()) ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (StatusRuntimeException e) {
      spec.commandLine().getErr().println("no run with workflow id " + workflowId + " (" + e.getStatus().getCode() + ")");
      return ExitCodes.CONFIG;
    } catch (UnknownKeyException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
  }
}
