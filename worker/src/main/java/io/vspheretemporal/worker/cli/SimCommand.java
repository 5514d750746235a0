package io.vspheretemporal.worker.cli;

import io.vspheretemporal.testing.SimulatorBuild;
import io.vspheretemporal.testing.SimulatorUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {
      "Runs the vSphere simulator (as src/testing/bin/vcsim): prints its SDK URL first, then the",
      "login, control URL and (with --tls) certificate thumbprint; runs until stopped."})
public final class SimCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "0", description = "port (default: a free one)")
  int port;

  @Option(names = "--tls", description = "serve HTTPS with a generated self-signed certificate")
  boolean tls;

  @Option(names = "--task-duration", defaultValue = "2s", description = "how long each task runs (default: ${DEFAULT-VALUE})")
  String taskDuration;

  @Parameters(arity = "0..*", description = "further simulator flags (e.g. --guest-delay 1s --password secret)")
  List<String> more = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> command = new ArrayList<>();
    try {
      command.add(SimulatorBuild.binary().toString());
    } catch (SimulatorUnavailableException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    command.addAll(List.of("--port", Integer.toString(port), "--task-duration", taskDuration));
    if (tls) {
      command.add("--tls");
    }
    command.addAll(more);
    Process sim = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sim::destroy));
    return sim.waitFor();
  }
}
