package io.vspheretemporal.worker.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import io.vspheretemporal.activities.session.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's codec server protocol, so the Temporal UI and CLI can show encrypted payloads: POST
 * {@code .../decode} and {@code .../encode} with {@code {"payloads":[...]}} (Payloads in protobuf
 * JSON) answer the same with the payloads decrypted or encrypted. Only the last path segment counts,
 * so {@code /default/decode} works too; every namespace gets the same keys.
 *
 * <p>Access: browsers may call it only from the allowed origins (CORS, preflight included); a
 * request from any other origin is refused before anything is decrypted. With a token, every
 * encode and decode needs {@code Authorization: Bearer <token>}; preflights carry no credentials
 * and need none. Who may bind where is the command's business (loopback by default).
 */
public final class CodecServer implements AutoCloseable {
  /** The UI sends a page of history at a time; Temporal's own limit per payload is 2 MB. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(CodecServer.class);
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private final HttpServer server;
  private final EncryptionCodec codec;
  private final Set<String> origins;
  private final byte[] token;

  /**
   * @param origins web origins (scheme://host:port) whose pages may call it, e.g. the UI's
   * @param token the bearer token every encode and decode must carry; null for none
   */
  public CodecServer(InetSocketAddress address, EncryptionKeys keys, Set<String> origins, Secret token) throws IOException {
    this.codec = new EncryptionCodec(keys);
    this.origins = Set.copyOf(origins);
    this.token = token == null ? null : token.reveal().getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(address, 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String origin = x.getRequestHeaders().getFirst("Origin");
      if (origin != null && !origins.contains(origin)) {
        text(x, 403, "origin " + origin + " may not use this codec server; start it with --ui-origin " + origin);
        return;
      }
      Headers h = x.getResponseHeaders();
      if (origin != null) {
        h.set("Access-Control-Allow-Origin", origin);
        h.set("Access-Control-Allow-Credentials", "true");
        h.set("Vary", "Origin");
      }
      if ("OPTIONS".equals(x.getRequestMethod())) {
        h.set("Access-Control-Allow-Methods", "POST, OPTIONS");
        h.set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Namespace");
        h.set("Access-Control-Max-Age", "600");
        x.sendResponseHeaders(204, -1);
        return;
      }
      String path = x.getRequestURI().getPath();
      boolean decode = path.endsWith("/decode");
      if (!decode && !path.endsWith("/encode")) {
        text(x, 404, "POST .../decode or .../encode");
        return;
      }
      if (!"POST".equals(x.getRequestMethod())) {
        h.set("Allow", "POST, OPTIONS");
        text(x, 405, "use POST");
        return;
      }
      if (!authorized(x.getRequestHeaders().getFirst("Authorization"))) {
        h.set("WWW-Authenticate", "Bearer");
        text(x, 401, "missing or wrong bearer token");
        return;
      }
      transcode(x, decode);
    } catch (RuntimeException e) {
      log.warn("codec server request failed", e);
    }
  }

  private void transcode(HttpExchange x, boolean decode) throws IOException {
    byte[] body;
    try (InputStream in = x.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      text(x, 413, "body larger than " + MAX_BODY_BYTES + " bytes; send fewer payloads at once");
      return;
    }
    Payloads.Builder in = Payloads.newBuilder();
    try {
      PARSER.merge(new String(body, StandardCharsets.UTF_8), in);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      text(x, 400, "the body is not Payloads in protobuf JSON ({\"payloads\":[{\"metadata\":{...},\"data\":\"...\"}]}): "
          + e.getMessage());
      return;
    }
    List<Payload> out;
    try {
      out = decode ? codec.decode(in.getPayloadsList()) : codec.encode(in.getPayloadsList());
    } catch (PayloadCodecException e) {
      log.info("codec server could not {}: {}", decode ? "decode" : "encode", e.getMessage());
      text(x, 400, e.getMessage());
      return;
    }
    byte[] json = PRINTER.print(Payloads.newBuilder().addAllPayloads(out)).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(200, json.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(json);
    }
  }

  private boolean authorized(String header) {
    if (token == null) {
      return true;
    }
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
  }

  private static void text(HttpExchange x, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
