package io.vspheretemporal.worker;

import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.worker.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code worker --config FILE} run in this JVM, for configurations that must stop it (it runs forever otherwise). */
public record WorkerRun(int exit, String out, String err) {

  public static WorkerRun of(Path config) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("worker", "--config", config.toString());
    return new WorkerRun(exit, out.toString(), err.toString());
  }

  /**
   * A configuration for one vCenter named {@code sim} at the simulator, its password read from a
   * file in {@code dir} holding {@code password}; {@code vcenterExtra} is added to the vCenter's
   * entry and {@code extra} at the end.
   */
  public static Path config(Path dir, String temporalTarget, Simulator sim, String password, String vcenterExtra,
      String extra) throws Exception {
    Path secret = Files.writeString(Files.createTempFile(dir, "vc", ".pw"), password);
    String yaml = """
        temporal: {target: "%s"}
        vcenters:
          - name: sim
            url: %s
            username: %s
            password: {file: %s}
        %s
        %s
        %s
        """.formatted(temporalTarget, sim.sdkUrl(), sim.username(), secret, indent(vcenterExtra),
        extra.contains("metrics:") ? "" : "metrics: {port: 0}", extra);
    return Files.writeString(Files.createTempFile(dir, "worker", ".yaml"), yaml);
  }

  private static String indent(String vcenterExtra) {
    return vcenterExtra.isEmpty() ? "" : "    " + vcenterExtra;
  }
}
