package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vspheretemporal.testing.control.SimTask;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Issue 5's acceptance, end to end: the packaged jar as dev-server, sim, worker and CLI processes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Stack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = new Stack();
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private static String[] provision(String name, String ip, String... more) {
    List<String> args = new ArrayList<>(List.of("provision", "--address", stack.address(), "--vcenter", "sim",
        "--name", name, "--template", "tmpl-ubuntu", "--folder", "DC0/vm", "--cluster", "DC0/host/DC0_C0",
        "--cpus", "2", "--memory-mb", "2048", "--ip", ip, "--netmask", "255.255.255.0", "--ip-timeout", "60"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  @Order(1)
  void provisionWaitSucceedsAndTheVmHasItsAddress() throws Exception {
    Cli.Result r = Cli.run(Duration.ofMinutes(2), Map.of(), provision("e2e-web-01", "192.0.2.61", "--wait"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst()).contains("provision-sim-e2e-web-01");
    assertThat(r.out()).contains("COMPLETED").contains("provisioned at 192.0.2.61");
    assertThat(stack.control.vm("e2e-web-01").orElseThrow().ipAddress()).isEqualTo("192.0.2.61");
  }

  @Test
  @Order(2)
  void statusJsonShowsTheCurrentStepAndRisingProgress() throws Exception {
    stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(5));
    assertThat(Cli.run(Duration.ofSeconds(60), Map.of(), provision("e2e-web-02", "192.0.2.62")).exit()).isZero();
    Process status = new ProcessBuilder(Cli.command("status", "--address", stack.address(), "provision-sim-e2e-web-02",
        "--json", "--every", "300ms")).redirectErrorStream(false).start();
    List<Integer> cloneProgress = new ArrayList<>();
    String last = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(status.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        JsonNode run = JSON.readTree(line);
        last = run.path("status").asText();
        if ("Clone".equals(run.path("progress").path("current").asText()) && run.path("pending").size() > 0) {
          JsonNode p = run.path("pending").get(0).path("progress");
          if (!p.isNull() && !p.isMissingNode()) {
            cloneProgress.add(p.asInt());
          }
        }
      }
    }
    stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(1));
    assertThat(status.waitFor()).isZero();
    assertThat(last).isEqualTo("COMPLETED");
    assertThat(cloneProgress.stream().distinct().toList()).hasSizeGreaterThanOrEqualTo(3).isSorted();
  }

  @Test
  @Order(3)
  void cancelDuringACloneLeavesNoVm() throws Exception {
    // Long enough that the clone is still running when the cancel arrives, however slowly the
    // CLI's JVMs start on a loaded machine; a cancelled clone ends at once.
    stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(90));
    try {
      assertThat(Cli.run(Duration.ofSeconds(60), Map.of(), provision("e2e-web-03", "192.0.2.63")).exit()).isZero();
      awaitStep("provision-sim-e2e-web-03", "Clone");
      Cli.Result cancel = Cli.run(Duration.ofSeconds(60), Map.of(), "cancel", "--address", stack.address(),
          "provision-sim-e2e-web-03");
      assertThat(cancel.exit()).as(cancel.err()).isZero();
      Cli.Result end = Cli.run(Duration.ofSeconds(90), Map.of(), "status", "--address", stack.address(),
          "provision-sim-e2e-web-03", "--every", "300ms");
      assertThat(end.out()).contains("CANCELED");
    } finally {
      stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(1));
    }
    assertThat(stack.control.counters().calls("CancelTask")).as(stack.worker.stderr()).isGreaterThanOrEqualTo(1);
    List<SimTask> clones = stack.control.tasks().stream()
        .filter(t -> "CloneVM_Task".equals(t.name()) && t.activationId() != null
            && t.activationId().startsWith("provision-sim-e2e-web-03/"))
        .toList();
    assertThat(clones).as("the run's CloneVM_Task").hasSize(1);
    assertThat(clones.get(0).cancelled()).as("cancelled in vSphere").isTrue();
    assertThat(clones.get(0).state()).isEqualTo("error");
    assertThat(stack.control.vm("e2e-web-03")).isEmpty();
  }

  @Test
  @Order(4)
  void tasksListsTheCloneAndTheWorkflowThatStartedIt() throws Exception {
    Cli.Result r = Cli.run(Duration.ofSeconds(60), stack.env(), "tasks", "--config", stack.config.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = JSON.readTree(r.out());
    assertThat(rows.findValuesAsText("operation")).contains("CloneVM_Task");
    boolean found = false;
    for (JsonNode row : rows) {
      if ("CloneVM_Task".equals(row.path("operation").asText())
          && "provision-sim-e2e-web-01".equals(row.path("workflowId").asText())) {
        found = "success".equals(row.path("state").asText()) && "tmpl-ubuntu".equals(row.path("entity").asText());
      }
    }
    assertThat(found).as(r.out()).isTrue();
  }

  @Test
  @Order(5)
  void sigtermDuringACloneThenANewWorkerCompletesWithOneClone() throws Exception {
    stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(6));
    stack.control.resetCounters();
    assertThat(Cli.run(Duration.ofSeconds(60), Map.of(), provision("e2e-web-04", "192.0.2.64")).exit()).isZero();
    awaitStep("provision-sim-e2e-web-04", "Clone");
    assertThat(stack.worker.terminate(Duration.ofSeconds(30))).isIn(0, 143);
    assertThat(stack.worker.stderr()).contains("stopping");
    stack.worker = stack.startWorker();
    Cli.Result end = Cli.run(Duration.ofMinutes(2), Map.of(), "status", "--address", stack.address(),
        "provision-sim-e2e-web-04", "--every", "300ms");
    stack.control.taskDuration("CloneVM_Task", Duration.ofSeconds(1));
    assertThat(end.out()).contains("COMPLETED");
    assertThat(stack.control.counters().calls("CloneVM_Task")).isEqualTo(1);
    assertThat(stack.control.vm("e2e-web-04").orElseThrow().ipAddress()).isEqualTo("192.0.2.64");
  }

  @Test
  @Order(6)
  void noSecretInTheWorkersLogs() throws Exception {
    assertThat(stack.worker.stderr() + stack.worker.stdout()).isNotEmpty().doesNotContain(Stack.PASSWORD);
  }

  private static void awaitStep(String workflowId, String step) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Cli.Result r = Cli.run(Duration.ofSeconds(30), Map.of(), "status", "--address", stack.address(), workflowId,
          "--json", "--once");
      JsonNode run = r.exit() == 0 ? JSON.readTree(r.out()) : null;
      // The step runs in vSphere once its activity heartbeated the task it submitted.
      if (run != null && step.equals(run.path("progress").path("current").asText())
          && run.path("pending").size() > 0 && !run.path("pending").get(0).path("task").isNull()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(workflowId + " never reached step " + step);
  }
}
