package io.vspheretemporal.worker.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.vspheretemporal.activities.session.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The codec server as the Temporal UI and CLI call it, over HTTP. */
class CodecServerTest {
  private static final String UI = "http://localhost:8233";
  private static final String TOKEN = "tok-" + java.util.UUID.randomUUID();
  private static final EncryptionKeys KEYS = TestKeys.keys("k1", "k1", TestKeys.base64());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private CodecServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = new CodecServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), KEYS, Set.of(UI), Secret.of(TOKEN));
    base = URI.create("http://127.0.0.1:" + server.address().getPort());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Payload plain(String json) {
    return Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build();
  }

  private static String body(Payload... payloads) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(List.of(payloads)));
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Payload> payloads(String json) throws Exception {
    Payloads.Builder b = Payloads.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.getPayloadsList();
  }

  @Test
  void decodeAnswersTheUiWithThePlainPayloads() throws Exception {
    Payload original = plain("{\"vm\":\"web-secret-04\"}");
    Payload sealed = new EncryptionCodec(KEYS).encode(List.of(original)).get(0);
    Payload untouched = plain("\"written before encryption\"");

    HttpResponse<String> r = post("/decode", body(sealed, untouched), "Authorization", "Bearer " + TOKEN,
        "Origin", UI, "X-Namespace", "default");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
    assertThat(payloads(r.body())).containsExactly(original, untouched);
  }

  @Test
  void encodeThenDecodeRoundTripsUnderANamespacePath() throws Exception {
    Payload original = plain("{\"signal\":1}");
    HttpResponse<String> enc = post("/default/encode", body(original), "Authorization", "Bearer " + TOKEN);
    assertThat(enc.statusCode()).as(enc.body()).isEqualTo(200);
    Payload sealed = payloads(enc.body()).get(0);
    assertThat(EncryptionCodec.isEncrypted(sealed)).isTrue();
    assertThat(sealed.getMetadataOrThrow(EncryptionCodec.KEY_ID).toStringUtf8()).isEqualTo("k1");

    HttpResponse<String> dec = post("/default/decode", enc.body(), "Authorization", "Bearer " + TOKEN);
    assertThat(payloads(dec.body())).containsExactly(original);
  }

  @Test
  void thePreflightNeedsNoTokenAndAllowsWhatTheUiSends() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/decode"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", UI)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace")
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
    assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
        .contains("authorization").contains("content-type").contains("x-namespace");
  }

  @Test
  void withoutTheRightTokenNothingIsDecrypted() throws Exception {
    Payload sealed = new EncryptionCodec(KEYS).encode(List.of(plain("1"))).get(0);

    HttpResponse<String> none = post("/decode", body(sealed), "Origin", UI);
    HttpResponse<String> wrong = post("/decode", body(sealed), "Origin", UI, "Authorization", "Bearer nope");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    // the browser may read the refusal: the UI shows it
    assertThat(wrong.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
  }

  @Test
  void anotherOriginIsRefusedEvenWithTheToken() throws Exception {
    Payload sealed = new EncryptionCodec(KEYS).encode(List.of(plain("1"))).get(0);
    HttpResponse<String> r = post("/decode", body(sealed), "Origin", "https://evil.example", "Authorization", "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(r.body()).contains("--ui-origin https://evil.example");
  }

  @Test
  void anUnknownKeyOrABadBodyIsA400SayingWhy() throws Exception {
    Payload otherKey = new EncryptionCodec(TestKeys.keys("k0", "k0", TestKeys.base64())).encode(List.of(plain("1"))).get(0);
    HttpResponse<String> unknown = post("/decode", body(otherKey), "Authorization", "Bearer " + TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("key 'k0'").contains("temporal.encryption.keys");

    HttpResponse<String> bad = post("/decode", "{\"payloads\": 3", "Authorization", "Bearer " + TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("not Payloads in protobuf JSON");

    HttpResponse<String> elsewhere = post("/metrics", "{}", "Authorization", "Bearer " + TOKEN);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void withoutATokenConfiguredTheLoopbackServerAnswersTheCli() throws Exception {
    try (CodecServer open = new CodecServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), KEYS, Set.of(UI), null)) {
      Payload sealed = new EncryptionCodec(KEYS).encode(List.of(plain("\"x\""))).get(0);
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + open.address().getPort() + "/decode"))
          .POST(HttpRequest.BodyPublishers.ofString(body(sealed))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(payloads(r.body())).containsExactly(plain("\"x\""));
    }
  }
}
