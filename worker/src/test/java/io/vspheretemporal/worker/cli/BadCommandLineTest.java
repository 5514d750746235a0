package io.vspheretemporal.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vspheretemporal.worker.TemporalDevServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad requests on the command line (docs/bad-inputs.md): exit 2 with a message naming the input,
 * and no workflow started on the reachable Temporal server, so nothing could reach vSphere.
 */
class BadCommandLineTest {
  static final String VM = "{vcenter: sim, name: %s, template: tmpl-ubuntu, folder: DC0/vm, cluster: DC0/host/DC0_C0,"
      + " numCpus: 2, memoryMb: 2048}";
  static TemporalDevServer temporal;

  @TempDir
  static Path dir;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    temporal = new TemporalDevServer();
  }

  @AfterAll
  static void stop() {
    temporal.close();
  }

  static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  static String[] with(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--address", temporal.target()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  static Stream<Arguments> badCommandLines() throws Exception {
    String fleet = "fleet: web\nparallelism: 2\nfailurePolicy: CONTINUE\nvms:\n  - " + VM.formatted("web-1") + "\n  - "
        + VM.formatted("web-2") + "\n";
    return Stream.of(
        Arguments.of("provision --file that is not YAML", with("provision", "--file",
            file("broken.yaml", "vcenter: sim\nname: 'web-01\n")), "not valid JSON or YAML at line"),
        Arguments.of("provision --file with a list for a name", with("provision", "--file",
            file("listname.yaml", "vcenter: sim\nname: [web-01]\n")), "name: must be a text value, not a list"),
        Arguments.of("provision --file with an unknown field", with("provision", "--file",
            file("typo.yaml", "vcenter: sim\nnmae: web-01\n")), "unknown field 'nmae'; known fields: "),
        Arguments.of("provision --file with a word for a number", with("provision", "--file",
            file("words.yaml", "vcenter: sim\nname: web-01\nnumCpus: two\n")), "numCpus: 'two' is not a whole number"),
        Arguments.of("provision --file that is empty", with("provision", "--file", file("empty.yaml", "# nothing\n")),
            "the file is empty; it must hold the ProvisionVmRequest fields"),
        Arguments.of("provision --file that does not exist", with("provision", "--file", dir.resolve("none.yaml").toString()),
            "none.yaml: no such file"),
        Arguments.of("provision --file that is a list", with("provision", "--file", file("list.yaml", "- web-01\n")),
            "the file must be a mapping of ProvisionVmRequest fields, not a list"),
        Arguments.of("provision flags without a name, with zero CPUs", with("provision", "--vcenter", "sim",
            "--template", "tmpl-ubuntu", "--folder", "DC0/vm", "--cluster", "DC0/host/DC0_C0", "--cpus", "0"),
            "ProvisionVm request rejected, nothing was started:\n  name is required\n  numCpus must be at least 1, got 0"),
        Arguments.of("provision --cpus that is not a number", with("provision", "--name", "web-01", "--cpus", "two"),
            "Invalid value for option '--cpus': 'two' is not an int"),
        Arguments.of("fleet --parallelism 0", with("fleet", "--file", file("fleet.yaml", fleet), "--parallelism", "0"),
            "ProvisionFleet request rejected, nothing was started:\n  parallelism must be 1 to 50, got 0"),
        Arguments.of("fleet --parallelism -1", with("fleet", "--file", file("fleet2.yaml", fleet), "--parallelism", "-1"),
            "parallelism must be 1 to 50, got -1"),
        Arguments.of("fleet with duplicate VM names", with("fleet", "--file", file("dup.yaml",
            fleet.replace("web-2", "web-1"))), "VM names must be unique in a fleet; repeated: web-1"),
        Arguments.of("fleet with a misspelt field in a VM", with("fleet", "--file", file("vmtypo.yaml",
            fleet.replace("numCpus: 2, memoryMb: 2048}\n  -", "cpus: 2, memoryMb: 2048}\n  -"))),
            "unknown field 'cpus' in vms[0]; known fields: [cluster, customization,"),
        Arguments.of("fleet with an unknown failure policy", with("fleet", "--file", file("policy.yaml",
            fleet.replace("CONTINUE", "STOP"))), "failurePolicy: 'STOP' is not one of [STOP_AND_UNDO_ALL, CONTINUE]"),
        Arguments.of("onboard-host without a password secret", with("onboard-host", "--vcenter", "sim", "--cluster",
            "DC0_C0", "--host", "esx-01"), "Missing required option: '--password-secret=<passwordSecret>'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommandLines")
  void exitsTwoNamingTheInputAndStartsNothing(String what, String[] args, String message) {
    List<String> before = temporal.workflowIds();
    Run r = run(args);

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains(message).doesNotContain("cannot reach Temporal");
    assertThat(r.out()).isEmpty();
    assertThat(temporal.workflowIds()).as("workflows started").isEqualTo(before);
  }

  @Test
  void aGoodRequestIsStartedThere() throws Exception {
    // the check above can fail: a request that passes is started on the same server
    List<String> before = temporal.workflowIds();
    Run r = run(with("fleet", "--file", file("good.yaml", "fleet: cli-good\nparallelism: 1\nfailurePolicy: CONTINUE\n"
        + "vms: [" + VM.formatted("good-1") + "]\n")));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo("fleet-cli-good");
    assertThat(temporal.workflowIds()).hasSize(before.size() + 1).contains("fleet-cli-good");
  }
}
