package io.vspheretemporal.worker.cli;

import picocli.CommandLine;

/** Entry point of {@code worker/bin/vsphere-temporal}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + e.getMessage());
      return ExitCodes.FAILURE;
    });
    return cli;
  }
}
