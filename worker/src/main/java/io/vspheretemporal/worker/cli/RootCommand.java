package io.vspheretemporal.worker.cli;

import picocli.CommandLine.Command;

@Command(
    name = "vsphere-temporal",
    mixinStandardHelpOptions = true,
    version = "vsphere-temporal 0.1.0",
    description = "vSphere *_Task operations as durable Temporal workflow steps.",
    subcommands = {
      WorkerCommand.class,
      DemoCommand.class,
      DevServerCommand.class,
      SimCommand.class,
      ProvisionCommand.class,
      DecommissionCommand.class,
      FleetCommand.class,
      OnboardHostCommand.class,
      StatusCommand.class,
      CancelCommand.class,
      TasksCommand.class,
      CodecServerCommand.class,
      BenchCommand.class,
      ChaosCommand.class,
    })
public final class RootCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
