package io.vspheretemporal.worker.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vspheretemporal.worker.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;

/** Workflow requests read from JSON or YAML files; an unknown field is an error naming it. */
final class RequestFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RequestFiles() {}

  static <T> T read(Path file, Class<T> type) {
    try {
      return YAML.readValue(file.toFile(), type);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new ConfigException("--file " + file + ": unknown field '" + e.getPropertyName() + "'; known fields: "
          + e.getKnownPropertyIds());
    } catch (IOException e) {
      throw new ConfigException("--file " + file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
    }
  }
}
