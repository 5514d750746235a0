package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.codec.EncryptionCodec;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 7's encryption, end to end: a worker and CLI with temporal.encryption provision a VM on the
 * simulator; Temporal's raw history holds no plaintext of the request, while the CLI and the codec
 * server show it decrypted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY = new byte[32];
  private static final String KEY_BASE64;
  /** The marker: the VM's name, in the request, memo, activity inputs, summaries, heartbeats and result. */
  private static final String VM;
  private static final String IP = "192.0.2.71";
  private static final String RUN = "encrypted-run-1";
  private static Stack stack;

  static {
    SecureRandom random = new SecureRandom();
    random.nextBytes(KEY);
    KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);
    byte[] tag = new byte[4];
    random.nextBytes(tag);
    VM = "enc-" + HexFormat.of().formatHex(tag);
  }

  @BeforeAll
  static void start() throws Exception {
    stack = new Stack(yaml -> yaml.replace("  taskQueues: [vsphere]\n", """
          taskQueues: [vsphere]
          encryption:
            currentKey: k1
            keys:
              k1: {env: E2E_ENCRYPTION_KEY}
        """), Map.of("E2E_ENCRYPTION_KEY", KEY_BASE64));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  /** The CLI gets only the key: the worker's vCenter password is not set, and not needed. */
  private static Map<String, String> cliEnv() {
    return Map.of("E2E_ENCRYPTION_KEY", KEY_BASE64);
  }

  @Test
  @Order(1)
  void provisionWaitWithTheWorkersConfigShowsReadableProgress() throws Exception {
    Cli.Result r = Cli.run(Duration.ofMinutes(2), cliEnv(), "provision", "--config", stack.config.toString(),
        "--id", RUN, "--vcenter", "sim", "--name", VM, "--template", "tmpl-ubuntu", "--folder", "DC0/vm",
        "--cluster", "DC0/host/DC0_C0", "--cpus", "2", "--memory-mb", "2048", "--ip", IP, "--netmask", "255.255.255.0",
        "--ip-timeout", "60", "--wait");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("COMPLETED").contains("provisioned at " + IP);
    assertThat(stack.control.vm(VM).orElseThrow().ipAddress()).isEqualTo(IP);

    Cli.Result status = Cli.run(Duration.ofSeconds(60), cliEnv(), "status", "--config", stack.config.toString(), RUN,
        "--once", "--json");
    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode run = JSON.readTree(status.out());
    assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.path("progress").path("steps").size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  @Order(2)
  void theRawHistoryHoldsNoPlaintextButDecryptsToTheRequestAndResult() throws Exception {
    List<HistoryEvent> events = rawHistory();
    StringBuilder stored = new StringBuilder();
    int encrypted = 0;
    for (HistoryEvent e : events) {
      // Search attributes are indexed by the server, so never encrypted (docs/encryption.md); VSphereVmName is the
      // VM name by design. Everything else must be ciphertext.
      HistoryEvent.Builder b = e.toBuilder();
      if (b.hasWorkflowExecutionStartedEventAttributes()) {
        b.getWorkflowExecutionStartedEventAttributesBuilder().clearSearchAttributes();
      }
      if (b.hasUpsertWorkflowSearchAttributesEventAttributes()) {
        b.clearUpsertWorkflowSearchAttributesEventAttributes();
      }
      stored.append(b.build().toByteString().toString(StandardCharsets.ISO_8859_1));
      encrypted += countEncrypted(b.build());
    }
    assertThat(events).hasSizeGreaterThan(10);
    assertThat(stored.toString()).doesNotContain(VM).doesNotContain(IP).doesNotContain("json/plain");
    assertThat(encrypted).isGreaterThan(10);

    DataConverter converter = DataConverters.forKeys(keys());
    var started = events.get(0).getWorkflowExecutionStartedEventAttributes();
    assertThat(started.getMemo().getFieldsMap().values()).allMatch(EncryptionCodec::isEncrypted);
    assertThat(converter.fromPayload(started.getMemo().getFieldsOrThrow("vmName"), String.class, String.class)).isEqualTo(VM);
    Object request = converter.fromPayloads(0, Optional.of(started.getInput()), Object.class, Object.class);
    assertThat(JSON.writeValueAsString(request)).contains("\"" + VM + "\"").contains(IP);
    HistoryEvent completed = events.get(events.size() - 1);
    Object result = converter.fromPayloads(0, Optional.of(completed.getWorkflowExecutionCompletedEventAttributes().getResult()),
        Object.class, Object.class);
    assertThat(JSON.writeValueAsString(result)).contains(VM).contains(IP);
  }

  @Test
  @Order(3)
  void withoutTheKeyStatusSaysWhichKeyItNeeds() throws Exception {
    Cli.Result r = Cli.run(Duration.ofSeconds(60), Map.of(), "status", "--address", stack.address(), RUN, "--once");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("key 'k1'").contains("--config");
  }

  @Test
  @Order(4)
  void theCodecServerDecryptsTheHistoryForTheUi() throws Exception {
    int port = Cli.freePort();
    String token = "e2e-token-" + java.util.UUID.randomUUID();
    try (Cli.Background server = Cli.start(Map.of("E2E_ENCRYPTION_KEY", KEY_BASE64, "E2E_CODEC_TOKEN", token),
        "codec-server", "--config", stack.config.toString(), "--port", Integer.toString(port),
        "--token-env", "E2E_CODEC_TOKEN")) {
      server.await("codec server on http://127.0.0.1:" + port, Duration.ofSeconds(60));
      Payloads input = rawHistory().get(0).getWorkflowExecutionStartedEventAttributes().getInput();
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder decode = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decode"))
          .header("Content-Type", "application/json").header("X-Namespace", "default")
          .POST(HttpRequest.BodyPublishers.ofString(JsonFormat.printer().print(input)));

      HttpResponse<String> refused = http.send(decode.build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> r = http.send(decode.header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      Payloads.Builder out = Payloads.newBuilder();
      JsonFormat.parser().merge(r.body(), out);
      assertThat(out.getPayloads(0).getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
      assertThat(out.getPayloads(0).getData().toStringUtf8()).contains("\"" + VM + "\"");
      assertThat(server.stdout() + server.stderr()).doesNotContain(token).doesNotContain(KEY_BASE64);
    }
  }

  @Test
  @Order(5)
  void theWorkerSaysEncryptionIsOnAndNeverLogsTheKey() throws Exception {
    String logs = stack.worker.stderr() + stack.worker.stdout();
    assertThat(logs).contains("payloads encrypted with key k1").doesNotContain(KEY_BASE64);
  }

  private static EncryptionKeys keys() {
    return new EncryptionKeys("k1", Map.of("k1", new SecretKeySpec(KEY, "AES")));
  }

  /** The history as Temporal stores it: fetched with the bare service stubs, no data converter involved. */
  private static List<HistoryEvent> rawHistory() {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(stack.address()).build());
    try {
      List<HistoryEvent> events = new ArrayList<>();
      ByteString page = ByteString.EMPTY;
      do {
        GetWorkflowExecutionHistoryResponse r = service.blockingStub().getWorkflowExecutionHistory(
            GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(RUN)).setNextPageToken(page).build());
        events.addAll(r.getHistory().getEventsList());
        page = r.getNextPageToken();
      } while (!page.isEmpty());
      return events;
    } finally {
      service.shutdownNow();
    }
  }

  private static int countEncrypted(com.google.protobuf.Message m) {
    if (m instanceof Payload p) {
      return EncryptionCodec.isEncrypted(p) ? 1 : 0;
    }
    int n = 0;
    for (var field : m.getAllFields().entrySet()) {
      Object value = field.getValue();
      if (value instanceof List<?> list) {
        for (Object o : list) {
          n += o instanceof com.google.protobuf.Message child ? countEncrypted(child) : 0;
        }
      } else if (value instanceof com.google.protobuf.Message child) {
        n += countEncrypted(child);
      }
    }
    return n;
  }
}
