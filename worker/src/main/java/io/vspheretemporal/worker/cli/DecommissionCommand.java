package io.vspheretemporal.worker.cli;

import io.vspheretemporal.workflows.decommission.DecommissionVmRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "decommission", mixinStandardHelpOptions = true,
    description = "Starts DecommissionVm: power off if on, destroy; succeeds if the VM is already gone.")
public final class DecommissionCommand extends Starter implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--vcenter", required = true) String vcenter;
  @Option(names = "--vm", required = true, description = "inventory path or name") String vm;

  @Override
  public Integer call() {
    return start(spec.commandLine().getOut(), spec.commandLine().getErr(), "DecommissionVm",
        "decommission-" + slug(vcenter) + "-" + slug(vm), vcenter, vm, new DecommissionVmRequest(vcenter, vm));
  }
}
