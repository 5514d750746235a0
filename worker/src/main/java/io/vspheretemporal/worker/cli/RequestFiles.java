package io.vspheretemporal.worker.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Workflow requests read from JSON or YAML files. Every way a file can be wrong is an error that
 * names the file and, where there is one, the field ({@code vms[2].numCpus}) and what it should be.
 */
final class RequestFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RequestFiles() {}

  static <T> T read(Path file, Class<T> type) {
    String at = "--file " + file;
    if (!Files.isRegularFile(file)) {
      throw new BadRequestFile(at + ": no such file");
    }
    try {
      T value = YAML.readValue(file.toFile(), type);
      if (value == null) {
        throw new BadRequestFile(at + ": the file is empty; it must hold the " + type.getSimpleName() + " fields");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      String in = path(e.getPath().subList(0, e.getPath().size() - 1));
      throw new BadRequestFile(at + ": unknown field '" + e.getPropertyName() + "'" + (in.isEmpty() ? "" : " in " + in)
          + "; known fields: " + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()));
    } catch (InvalidFormatException e) {
      throw new BadRequestFile(at + ": " + path(e, "") + "'" + e.getValue() + "' is not " + expected(e.getTargetType()));
    } catch (MismatchedInputException e) {
      if (e.getOriginalMessage().startsWith("No content to map")) {
        throw new BadRequestFile(at + ": the file is empty; it must hold the " + type.getSimpleName() + " fields");
      }
      String got = e.getOriginalMessage().contains("from Array value") ? "a list"
          : e.getOriginalMessage().contains("from Object value") ? "a mapping" : null;
      if (got == null || e.getTargetType() == null) {
        throw new BadRequestFile(at + ": " + path(e, type.getSimpleName()) + firstLine(e.getOriginalMessage()));
      }
      String field = path(e, "");
      throw new BadRequestFile(at + ": " + (field.isEmpty() ? "the file must be a mapping of " + type.getSimpleName()
          + " fields, not " + got : field + "must be " + expected(e.getTargetType()) + ", not " + got));
    } catch (JsonMappingException e) {
      throw new BadRequestFile(at + ": " + path(e, type.getSimpleName()) + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new BadRequestFile(at + ": not valid JSON or YAML" + where(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadRequestFile(at + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** {@code vms[2].numCpus: }, or {@code whole}'s name when the problem is the document itself. */
  private static String path(JsonMappingException e, String whole) {
    String path = path(e.getPath());
    if (path.isEmpty()) {
      return whole.isEmpty() ? "" : whole + ": ";
    }
    return path + ": ";
  }

  /** {@code vms[2].numCpus} */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  private static String where(JsonLocation l) {
    return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  private static String firstLine(String s) {
    return s == null ? "unreadable" : s.lines().findFirst().orElse("unreadable");
  }
}
