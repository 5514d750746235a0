package io.vspheretemporal.worker.cli;

import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.fleet.ProvisionFleetWorkflowImpl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "Starts ProvisionFleet from a JSON/YAML request: many VMs as child workflows.")
public final class FleetCommand extends Starter implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--file", required = true, description = "the ProvisionFleet request as JSON or YAML") Path file;
  @Option(names = "--parallelism", description = "override the request's parallelism") Integer parallelism;
  @Option(names = "--policy", description = "override the failure policy: ${COMPLETION-CANDIDATES}") FailurePolicy policy;

  @Override
  public Integer call() {
    ProvisionFleetRequest r;
    try {
      r = RequestFiles.read(file, ProvisionFleetRequest.class);
    } catch (BadRequestFile e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    r = new ProvisionFleetRequest(r.fleet(), r.vms(), parallelism != null ? parallelism : r.parallelism(),
        policy != null ? policy : r.failurePolicy());
    List<String> problems = ProvisionFleetWorkflowImpl.check(r).problems();
    if (!problems.isEmpty()) {
      return rejected(spec.commandLine().getErr(), "ProvisionFleet", problems);
    }
    String vcenter = r.vms().isEmpty() || r.vms().get(0) == null ? "" : r.vms().get(0).vcenter();
    return start(spec.commandLine().getOut(), spec.commandLine().getErr(), "ProvisionFleet",
        "fleet-" + slug(r.fleet()), vcenter, null, r);
  }
}
