package io.vspheretemporal.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.FaultRule;
import io.vspheretemporal.testing.control.SimHost;
import io.vspheretemporal.testing.control.SimObject;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.testing.control.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Client of the simulator's JSON control API ({@code /_sim/}, see README). */
public final class SimulatorControl {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final URI base;
  private final HttpClient http;

  public SimulatorControl(URI base, Optional<String> thumbprint) {
    this.base = base;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    thumbprint.ifPresent(t -> builder.sslContext(PinnedThumbprint.sslContext(t)));
    this.http = builder.build();
  }

  public URI base() {
    return base;
  }

  public Counters counters() {
    return get("counters", new TypeReference<>() {});
  }

  /** Starts counting from zero (peaks restart from the current level). */
  public Counters resetCounters() {
    return post("counters/reset", Map.of(), new TypeReference<>() {});
  }

  /** The next {@code count} calls of {@code method} fail with {@code fault} (vSphere's default wording). */
  public void injectFault(String method, String fault, int count) {
    injectFault(new FaultRule(method, fault, count, null, count));
  }

  public void injectFault(FaultRule rule) {
    post("faults", rule, new TypeReference<List<FaultRule>>() {});
  }

  public List<FaultRule> faults() {
    return get("faults", new TypeReference<>() {});
  }

  public void clearFaults() {
    send("DELETE", "faults", null, new TypeReference<List<FaultRule>>() {});
  }

  /** Ends every client session; each client's next call gets NotAuthenticated. */
  public int expireSessions() {
    Map<String, Integer> out = post("sessions/expire", Map.of(), new TypeReference<>() {});
    return out.get("expired");
  }

  /** Connections are refused ({@code refuse}) or cut without an answer ({@code drop}) for a while. */
  public void outage(String mode, Duration length) {
    post("outage", Map.of("mode", mode, "seconds", length.toMillis() / 1000.0), new TypeReference<Map<String, Object>>() {});
  }

  /** Whether an outage is on (in {@code refuse} mode the control API cannot answer, so this throws). */
  public boolean outageActive() {
    Map<String, Object> view = get("outage", new TypeReference<>() {});
    return Boolean.TRUE.equals(view.get("dropping")) || Boolean.TRUE.equals(view.get("refusing"));
  }

  public void endOutage() {
    send("DELETE", "outage", null, new TypeReference<Map<String, Object>>() {});
  }

  /**
   * A vCenter restart: every task is forgotten and every session ends. With {@code finishInFlight}
   * the operations of running tasks happen first; otherwise they never happen. The answer holds
   * {@code forgottenTasks}, {@code expiredSessions} and, per method, {@code workLost.<method>}: tasks
   * whose operation will never happen (a client may rightly submit those again).
   */
  public Map<String, Integer> restart(boolean finishInFlight, Duration down) {
    return post("restart", Map.of("finishInFlight", finishInFlight, "downSeconds", down.toMillis() / 1000.0),
        new TypeReference<>() {});
  }

  public SimulatorConfig config() {
    return get("config", new TypeReference<>() {});
  }

  public SimulatorConfig taskDuration(Duration d) {
    return configure(Map.of("taskDuration", SimulatorOptions.go(d)));
  }

  public SimulatorConfig taskDuration(String method, Duration d) {
    return configure(Map.of("taskDurations", Map.of(method, SimulatorOptions.go(d))));
  }

  public SimulatorConfig guestDelay(Duration d) {
    return configure(Map.of("guestDelay", SimulatorOptions.go(d)));
  }

  public SimulatorConfig configure(Map<String, Object> settings) {
    return post("config", new LinkedHashMap<>(settings), new TypeReference<>() {});
  }

  public List<SimTask> tasks() {
    return get("tasks", new TypeReference<>() {});
  }

  public List<SimVm> vms() {
    return get("vms", new TypeReference<>() {});
  }

  /** Virtual machines whose name starts with the prefix. */
  public List<SimVm> vms(String namePrefix) {
    return get("vms?name=" + java.net.URLEncoder.encode(namePrefix, java.nio.charset.StandardCharsets.UTF_8),
        new TypeReference<>() {});
  }

  public Optional<SimVm> vm(String name) {
    return vms(name).stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Managed entities of one type, e.g. {@code Folder}, {@code ResourcePool}, {@code Datastore}. */
  public List<SimObject> objects(String type) {
    return get("objects?type=" + type, new TypeReference<>() {});
  }

  /** The one entity of that type and name; fails if there is none or more than one. */
  public SimObject object(String type, String name) {
    List<SimObject> found = objects(type).stream().filter(o -> o.name().equals(name)).toList();
    if (found.size() != 1) {
      throw new IllegalStateException(found.size() + " " + type + " objects are named " + name);
    }
    return found.get(0);
  }

  public List<SimHost> hosts() {
    return get("hosts", new TypeReference<>() {});
  }

  private <T> T get(String path, TypeReference<T> type) {
    return send("GET", path, null, type);
  }

  private <T> T post(String path, Object body, TypeReference<T> type) {
    return send("POST", path, body, type);
  }

  private <T> T send(String method, String path, Object body, TypeReference<T> type) {
    try {
      HttpRequest.BodyPublisher publisher = body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
      HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .method(method, publisher)
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("simulator control " + method + " " + path + " answered "
            + response.statusCode() + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("simulator control " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
