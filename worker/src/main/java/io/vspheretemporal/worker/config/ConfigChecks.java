package io.vspheretemporal.worker.config;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.TlsPolicy;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a parsed configuration, applies defaults and reads its secrets; collects every problem. */
final class ConfigChecks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Map<String, String> env;
  private final List<String> problems;
  private final boolean temporalOnly;

  ConfigChecks(Map<String, String> env, List<String> problems) {
    this(env, problems, false);
  }

  /** @param temporalOnly a command's read of the temporal section: no vCenter is required */
  ConfigChecks(Map<String, String> env, List<String> problems, boolean temporalOnly) {
    this.env = env;
    this.problems = problems;
    this.temporalOnly = temporalOnly;
  }

  ResolvedConfig resolve(WorkerConfig c) {
    TemporalConfig t = c.temporal() == null ? new TemporalConfig(null, null, null, null, null) : c.temporal();
    String target = t.target() == null ? "localhost:7233" : t.target();
    if (!target.matches("[^\\s:/]+:\\d{1,5}")) {
      problems.add("temporal.target: '" + target + "' is not host:port (e.g. temporal.example.com:7233)");
    }
    String namespace = t.namespace() == null ? "default" : t.namespace();
    List<String> queues = t.taskQueues() == null || t.taskQueues().isEmpty() ? List.of("vsphere") : t.taskQueues();
    for (int i = 0; i < queues.size(); i++) {
      if (queues.get(i) == null || queues.get(i).isBlank()) {
        problems.add("temporal.taskQueues[" + i + "]: must not be empty");
      }
    }
    checkTemporalTls(t.tls());
    Secret apiKey = t.apiKey() == null ? null : secret("temporal.apiKey", t.apiKey());
    EncryptionKeys encryption = new EncryptionChecks(problems, this::secret).resolve(t.encryption());

    Map<String, Secret> secrets = new LinkedHashMap<>();
    if (c.secrets() != null) {
      c.secrets().forEach((name, source) -> {
        Secret s = secret("secrets." + name, source);
        if (s != null) {
          secrets.put(name, s);
        }
      });
    }
    List<VCenterConfig> vcenters = temporalOnly ? List.of() : vcenters(c.vcenters());

    WorkerSettings w = c.worker() == null ? new WorkerSettings(null, null, null, null) : c.worker();
    Duration heartbeat = duration("worker.heartbeatInterval", w.heartbeatInterval(), Duration.ofSeconds(5));
    Duration grace = duration("worker.shutdownGrace", w.shutdownGrace(), Duration.ofSeconds(30));
    int maxActivities = w.maxConcurrentActivities() == null ? 10_000 : w.maxConcurrentActivities();
    if (maxActivities < 1) {
      problems.add("worker.maxConcurrentActivities: must be at least 1, got " + maxActivities);
    }
    int port = c.metrics() == null || c.metrics().port() == null ? 9464 : c.metrics().port();
    if (port < 0 || port > 65535) {
      problems.add("metrics.port: " + port + " is not a port (0 turns metrics off)");
    }
    String format = c.logging() == null || c.logging().format() == null ? "text" : c.logging().format();
    if (!format.equals("text") && !format.equals("json")) {
      problems.add("logging.format: must be text or json, got '" + format + "'");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ResolvedConfig(target, namespace, List.copyOf(queues), t.tls(), apiKey, vcenters, secrets,
        heartbeat, grace, maxActivities, !Boolean.FALSE.equals(w.stickyWorkflows()), port, format, encryption);
  }

  private List<VCenterConfig> vcenters(List<VCenterEntry> entries) {
    List<VCenterConfig> out = new ArrayList<>();
    if (entries == null || entries.isEmpty()) {
      problems.add("vcenters: configure at least one vCenter (name, url, username, password)");
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      VCenterEntry v = entries.get(i);
      String at = "vcenters[" + i + "]";
      if (v == null) {
        problems.add(at + ": empty entry");
        continue;
      }
      if (v.name() == null || !NAME.matcher(v.name()).matches()) {
        problems.add(at + ".name: required; letters, digits, '.', '_' and '-' (workflow requests use it)");
      } else if (!names.add(v.name())) {
        problems.add(at + ".name: '" + v.name() + "' is used by another vCenter");
      }
      at = v.name() == null ? at : at + " (" + v.name() + ")";
      URI url = url(at + ".url", v.url());
      if (v.username() == null || v.username().isBlank()) {
        problems.add(at + ".username: required");
      }
      Secret password = v.password() == null ? missing(at + ".password") : secret(at + ".password", v.password());
      TlsPolicy tls = tls(at + ".tls", v.tls());
      int calls = v.maxConcurrentCalls() == null ? 16 : v.maxConcurrentCalls();
      if (calls < 1) {
        problems.add(at + ".maxConcurrentCalls: must be at least 1, got " + calls);
      }
      if (url != null && password != null && tls != null && v.name() != null && v.username() != null) {
        out.add(VCenterConfig.of(v.name(), url, v.username(), password, tls).withMaxConcurrentCalls(Math.max(calls, 1)));
      }
    }
    return out;
  }

  private Secret missing(String at) {
    problems.add(at + ": required; give {env: VARIABLE} or {file: /path/to/secret}");
    return null;
  }

  private URI url(String at, String text) {
    if (text == null || text.isBlank()) {
      problems.add(at + ": required, e.g. https://vc01.example.com/sdk");
      return null;
    }
    try {
      URI u = URI.create(text);
      if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
        problems.add(at + ": '" + text + "' is not an http(s) URL such as https://vc01.example.com/sdk");
        return null;
      }
      return u;
    } catch (IllegalArgumentException e) {
      problems.add(at + ": '" + text + "' is not a URL: " + e.getMessage());
      return null;
    }
  }

  private TlsPolicy tls(String at, VCenterTls t) {
    if (t == null) {
      return TlsPolicy.Verify.jdkDefaults();
    }
    int chosen = (t.thumbprint() != null ? 1 : 0) + (t.truststore() != null ? 1 : 0) + (Boolean.TRUE.equals(t.insecure()) ? 1 : 0);
    if (chosen > 1) {
      problems.add(at + ": choose one of thumbprint, truststore and insecure");
      return null;
    }
    if (t.thumbprint() != null) {
      try {
        return new TlsPolicy.Pinned(t.thumbprint());
      } catch (IllegalArgumentException e) {
        problems.add(at + ".thumbprint: " + e.getMessage());
        return null;
      }
    }
    if (Boolean.TRUE.equals(t.insecure())) {
      return new TlsPolicy.Insecure();
    }
    if (t.truststore() != null) {
      if (!Files.isReadable(Path.of(t.truststore()))) {
        problems.add(at + ".truststore: cannot read " + t.truststore());
        return null;
      }
      Secret pw = t.truststorePassword() == null ? null : secret(at + ".truststorePassword", t.truststorePassword());
      return new TlsPolicy.Verify(Path.of(t.truststore()), pw);
    }
    return TlsPolicy.Verify.jdkDefaults();
  }

  private void checkTemporalTls(TemporalTls tls) {
    if (tls == null) {
      return;
    }
    if ((tls.clientCert() == null) != (tls.clientKey() == null)) {
      problems.add("temporal.tls: give both clientCert and clientKey, or neither");
    }
    for (var file : new String[][] {{"clientCert", tls.clientCert()}, {"clientKey", tls.clientKey()}, {"serverCa", tls.serverCa()}}) {
      if (file[1] != null && !Files.isReadable(Path.of(file[1]))) {
        problems.add("temporal.tls." + file[0] + ": cannot read " + file[1]);
      }
    }
  }

  /** Reads a secret; problems name the key and the variable or file, never the value. */
  private Secret secret(String at, SecretSource s) {
    if (s == null || (s.env() == null) == (s.file() == null)) {
      problems.add(at + ": give exactly one of env (a variable name) or file (a path)");
      return null;
    }
    if (s.env() != null) {
      String v = env.get(s.env());
      if (v == null || v.isEmpty()) {
        problems.add(at + ": environment variable " + s.env() + " is not set");
        return null;
      }
      return Secret.of(v);
    }
    try {
      String v = Files.readString(Path.of(s.file())).strip();
      if (v.isEmpty()) {
        problems.add(at + ": file " + s.file() + " is empty");
        return null;
      }
      return Secret.of(v);
    } catch (IOException e) {
      problems.add(at + ": cannot read file " + s.file() + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  private Duration duration(String at, String text, Duration dflt) {
    if (text == null) {
      return dflt;
    }
    Duration d = Durations.parse(text);
    if (d == null || d.isZero()) {
      problems.add(at + ": '" + text + "' is not a duration like 500ms, 5s, 2m or 1h");
      return dflt;
    }
    return d;
  }
}
