package io.vspheretemporal.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds every key of a configuration tree that the configuration records do not have, with its
 * path ({@code vcenters[0].pasword}), so a typo is reported instead of silently ignored.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  static List<String> find(JsonNode node, Class<?> type) {
    List<String> problems = new ArrayList<>();
    walk(node, type, "", problems);
    return problems;
  }

  private static void walk(JsonNode node, Type type, String path, List<String> problems) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw) && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]", problems);
        }
      } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          walk(e.getValue(), p.getActualTypeArguments()[1], join(path, e.getKey()), problems);
        }
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !c.isRecord() || !node.isObject()) {
      return;
    }
    Map<String, RecordComponent> components = Arrays.stream(c.getRecordComponents())
        .collect(Collectors.toMap(RecordComponent::getName, rc -> rc));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      RecordComponent rc = components.get(e.getKey());
      String at = join(path, e.getKey());
      if (rc == null) {
        problems.add(at + ": unknown key; " + (path.isEmpty() ? "top-level keys are " : "keys under " + path + " are ")
            + known(components.keySet()));
      } else {
        walk(e.getValue(), rc.getGenericType(), at, problems);
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String known(Set<String> names) {
    return names.stream().sorted().collect(Collectors.joining(", "));
  }
}
