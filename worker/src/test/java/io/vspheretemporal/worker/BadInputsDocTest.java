package io.vspheretemporal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/bad-inputs.md honest: at least 30 rows, each naming a test as {@code Class#method}, and
 * each such method a test ({@code @Test} or {@code @ParameterizedTest}) in a test source of the repository.
 */
class BadInputsDocTest {
  static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)`");

  @Test
  void everyRowNamesATestThatExists() {
    Path root = repositoryRoot();
    List<String> rows = rows(Files.exists(root.resolve("docs/bad-inputs.md"))
        ? read(root.resolve("docs/bad-inputs.md")) : "");

    assertThat(rows).as("rows in docs/bad-inputs.md").hasSizeGreaterThanOrEqualTo(30);
    assertThat(rows).as("rows that name no test as `Class#method`")
        .allSatisfy(row -> assertThat(REFERENCE.matcher(row).find()).as(row).isTrue());
    assertThat(missing(rows, testSources(root))).as("tests named in docs/bad-inputs.md that do not exist").isEmpty();
  }

  @Test
  void aReferenceToNoTestIsReported() {
    // the check above must be able to fail: a helper that is no test, a missing method, a missing class
    Map<String, List<String>> sources = Map.of("Sample", List.of("""
        class Sample {
          @Test
          void real() {}

          @ParameterizedTest(name = "{0}; {1}")
          @MethodSource("cases") // one row per case; see below
          void parameterized(String what) {}

          /** not a test; it returns nothing; */
          static void helper() {}
        }
        """));
    List<String> rows = rows("""
        | Input | Test |
        |---|---|
        | a | `Sample#real`, `Sample#parameterized` |
        | b | `Sample#helper` |
        | c | `Sample#gone`, `Other#real` |
        """);

    assertThat(rows).hasSize(3);
    assertThat(missing(rows, sources)).containsExactly("Sample#helper", "Sample#gone", "Other#real");
  }

  /** Table rows, without header and separator lines. */
  static List<String> rows(String markdown) {
    List<String> rows = new ArrayList<>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      boolean header = i + 1 < lines.size() && lines.get(i + 1).strip().matches("\\|(\\s*:?-+:?\\s*\\|)+");
      if (line.startsWith("|") && !header && !line.matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
        rows.add(line);
      }
    }
    return rows;
  }

  /** The references in {@code rows} that are not a test method of a class of that name. */
  static List<String> missing(List<String> rows, Map<String, List<String>> sourcesByClass) {
    List<String> missing = new ArrayList<>();
    for (String row : rows) {
      Matcher m = REFERENCE.matcher(row);
      while (m.find()) {
        List<String> sources = sourcesByClass.getOrDefault(m.group(1), List.of());
        String reference = m.group(1) + "#" + m.group(2);
        if (sources.stream().noneMatch(s -> isTest(s, m.group(2))) && !missing.contains(reference)) {
          missing.add(reference);
        }
      }
    }
    return missing;
  }

  /** {@code method} is declared in {@code source} with a test annotation among those just before it. */
  static boolean isTest(String source, String method) {
    // strings ({0} in a test name) and line comments could hold the braces and semicolons looked for
    String code = source.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//[^\n]*", "");
    Matcher declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(code);
    while (declaration.find()) {
      String before = code.substring(0, declaration.start());
      // annotations sit between the previous member's end and the declaration; a Javadoc comes before them
      int end = Math.max(Math.max(before.lastIndexOf('}'), before.lastIndexOf(';')), before.lastIndexOf("*/"));
      if (Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b").matcher(before.substring(end + 1)).find()) {
        return true;
      }
    }
    return false;
  }

  /** Test sources by simple class name (a name may occur in several modules). */
  static Map<String, List<String>> testSources(Path root) {
    Map<String, List<String>> byClass = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .forEach(p -> byClass.computeIfAbsent(p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
              .add(read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byClass;
  }

  /** The directory holding docs/ and the root pom: the worker module's parent when run by Maven. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("worker"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (with docs/ and worker/) above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
