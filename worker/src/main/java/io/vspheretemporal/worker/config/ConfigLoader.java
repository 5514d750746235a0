package io.vspheretemporal.worker.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the worker's YAML configuration, applies environment overrides, and reports every
 * problem at once: unknown keys, wrong types, missing or unreadable secrets, bad values.
 *
 * <p>Environment overrides: {@code VSPHERE_TEMPORAL_TARGET}, {@code VSPHERE_TEMPORAL_NAMESPACE},
 * {@code VSPHERE_TEMPORAL_TASK_QUEUE} (comma-separated), {@code VSPHERE_TEMPORAL_METRICS_PORT},
 * {@code VSPHERE_TEMPORAL_LOG_FORMAT}, {@code VSPHERE_TEMPORAL_SECRET_<NAME>} for secret
 * {@code <name>} (lower case, {@code _} as {@code -}), {@code VSPHERE_TEMPORAL_ENCRYPTION_KEY_<ID>}
 * for encryption key {@code <id>} (the same way) and {@code VSPHERE_TEMPORAL_ENCRYPTION_CURRENT_KEY}.
 */
public final class ConfigLoader {
  public static final String SECRET_PREFIX = "VSPHERE_TEMPORAL_SECRET_";
  public static final String ENCRYPTION_KEY_PREFIX = "VSPHERE_TEMPORAL_ENCRYPTION_KEY_";
  public static final String ENCRYPTION_CURRENT_KEY = "VSPHERE_TEMPORAL_ENCRYPTION_CURRENT_KEY";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {}

  public static ResolvedConfig load(Path file, Map<String, String> env) {
    return load(read(file), env);
  }

  /**
   * What a command that only talks to Temporal needs: the {@code temporal} section of the worker's
   * configuration (or of the environment alone when {@code file} is null), checked as the worker
   * checks it. The other sections are not read, so their secrets need not be set. The result has
   * no vCenters and no secrets.
   */
  public static ResolvedConfig loadTemporalSection(Path file, Map<String, String> env) {
    return load(file == null ? YAML.createObjectNode() : read(file), env, true);
  }

  private static JsonNode read(Path file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("--config: " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("--config: " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return tree == null || tree.isNull() ? YAML.createObjectNode() : tree;
  }

  static ResolvedConfig load(JsonNode tree, Map<String, String> env) {
    return load(tree, env, false);
  }

  static ResolvedConfig load(JsonNode tree, Map<String, String> env, boolean temporalOnly) {
    if (!tree.isObject()) {
      throw new ConfigException("the configuration must be a YAML mapping (temporal:, vcenters:, ...)");
    }
    ObjectNode root = ((ObjectNode) tree).deepCopy();
    applyEnvironment(root, env);
    if (temporalOnly) {
      root.retain("temporal");
    }
    List<String> problems = new ArrayList<>(UnknownKeys.find(root, WorkerConfig.class));
    WorkerConfig config = null;
    try {
      config = YAML.treeToValue(root, WorkerConfig.class);
    } catch (JsonMappingException e) {
      problems.add(path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      problems.add(e.getMessage());
    }
    if (config == null) {
      throw new ConfigException(problems);
    }
    return new ConfigChecks(env, problems, temporalOnly).resolve(config);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "configuration" : sb.toString();
  }

  private static void applyEnvironment(ObjectNode root, Map<String, String> env) {
    ObjectNode temporal = child(root, "temporal");
    override(env, "VSPHERE_TEMPORAL_TARGET", v -> temporal.put("target", v));
    override(env, "VSPHERE_TEMPORAL_NAMESPACE", v -> temporal.put("namespace", v));
    override(env, "VSPHERE_TEMPORAL_TASK_QUEUE", v -> {
      ArrayNode queues = temporal.putArray("taskQueues");
      for (String q : v.split(",")) {
        queues.add(q.trim());
      }
    });
    override(env, "VSPHERE_TEMPORAL_METRICS_PORT", v -> child(root, "metrics").put("port", v));
    override(env, "VSPHERE_TEMPORAL_LOG_FORMAT", v -> child(root, "logging").put("format", v));
    env.keySet().stream().filter(k -> k.startsWith(SECRET_PREFIX) && k.length() > SECRET_PREFIX.length()).sorted()
        .forEach(k -> child(root, "secrets").putObject(secretName(k)).put("env", k));
    override(env, ENCRYPTION_CURRENT_KEY, v -> child(temporal, "encryption").put("currentKey", v));
    env.keySet().stream().filter(k -> k.startsWith(ENCRYPTION_KEY_PREFIX) && k.length() > ENCRYPTION_KEY_PREFIX.length())
        .sorted().forEach(k -> child(child(temporal, "encryption"), "keys")
            .putObject(k.substring(ENCRYPTION_KEY_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'))
            .put("env", k));
  }

  /** {@code VSPHERE_TEMPORAL_SECRET_WIN_ADMIN} names secret {@code win-admin}. */
  static String secretName(String variable) {
    return variable.substring(SECRET_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void override(Map<String, String> env, String name, java.util.function.Consumer<String> apply) {
    String v = env.get(name);
    if (v != null && !v.isBlank()) {
      apply.accept(v.trim());
    }
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    JsonNode c = parent.get(name);
    if (c instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(name);
  }
}
