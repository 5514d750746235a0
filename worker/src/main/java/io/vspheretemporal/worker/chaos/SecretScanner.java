package io.vspheretemporal.worker.chaos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks for known secrets in anything a run leaves behind: raw bytes (protobuf, payloads), text
 * (logs, metrics, failure messages). Besides the plain text it looks for the forms a secret takes
 * when something encodes it on the way: JSON- and URL-escaped, Base64 (standard and URL-safe, at
 * every alignment inside a longer value) and hex. Findings name the secret by its label only.
 */
public final class SecretScanner {
  /** One occurrence: where, which secret (its label, never its value) and in which form. */
  public record Finding(String source, String secret, String form) {}

  private record Form(String secret, String name, String latin1) {}

  private final List<Form> forms = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final AtomicLong scannedBytes = new AtomicLong();
  private final AtomicLong scannedItems = new AtomicLong();

  /** @param secrets each secret's value by a label that may be shown, e.g. "vCenter password" */
  public SecretScanner(Map<String, String> secrets) {
    secrets.forEach((label, value) -> {
      if (value == null || value.length() < 6) {
        throw new IllegalArgumentException("secret '" + label + "' must have at least 6 characters to be found reliably");
      }
      forms(value).forEach((name, bytes) -> forms.add(new Form(label, name, latin1(bytes))));
    });
  }

  /** The encodings looked for, by name. Forms equal to the plain text are left out. */
  static Map<String, byte[]> forms(String secret) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
    out.put("plain", plain);
    addIfNew(out, "json-escaped", jsonEscaped(secret, true).getBytes(StandardCharsets.UTF_8));
    // as Jackson writes it: only quotes, backslashes and control characters escaped
    addIfNew(out, "json-escaped-minimal", jsonEscaped(secret, false).getBytes(StandardCharsets.UTF_8));
    addIfNew(out, "url-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    for (int offset = 0; offset < 3; offset++) {
      addIfNew(out, "base64@" + offset, base64Core(Base64.getEncoder(), plain, offset));
      addIfNew(out, "base64url@" + offset, base64Core(Base64.getUrlEncoder(), plain, offset));
    }
    addIfNew(out, "hex", HexFormat.of().formatHex(plain).getBytes(StandardCharsets.US_ASCII));
    addIfNew(out, "HEX", HexFormat.of().withUpperCase().formatHex(plain).getBytes(StandardCharsets.US_ASCII));
    return out;
  }

  private static void addIfNew(Map<String, byte[]> out, String name, byte[] form) {
    for (byte[] existing : out.values()) {
      if (java.util.Arrays.equals(existing, form)) {
        return;
      }
    }
    out.put(name, form);
  }

  /**
   * The Base64 characters that depend only on the secret when it starts {@code offset} bytes into
   * a 3-byte group of a longer value: whatever surrounds it, these characters appear.
   */
  static byte[] base64Core(Base64.Encoder encoder, byte[] secret, int offset) {
    byte[] padded = new byte[offset + secret.length + 3];
    System.arraycopy(secret, 0, padded, offset, secret.length);
    byte[] encoded = encoder.withoutPadding().encode(padded);
    int first = (8 * offset + 5) / 6; // first 6-bit group that starts at or after the secret
    int end = (8 * (offset + secret.length)) / 6; // groups that end at or before the secret's end
    return java.util.Arrays.copyOfRange(encoded, first, end);
  }

  private static String jsonEscaped(String s, boolean full) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '/' -> b.append(full ? "\\/" : "/");
        default -> {
          if (c < 0x20 || (full && c > 0x7e)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** One char per byte, so that byte search is String.indexOf. */
  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Scans text (as UTF-8); returns the findings in it, which are also kept. */
  public List<Finding> scan(String source, String text) {
    return text == null ? List.of() : scan(source, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Scans raw bytes; returns the findings in them, which are also kept. */
  public List<Finding> scan(String source, byte[] data) {
    if (data == null) {
      return List.of();
    }
    scannedItems.incrementAndGet();
    scannedBytes.addAndGet(data.length);
    String haystack = latin1(data);
    List<Finding> found = new ArrayList<>();
    for (Form f : forms) {
      for (int at = haystack.indexOf(f.latin1()); at >= 0; at = haystack.indexOf(f.latin1(), at + 1)) {
        found.add(new Finding(source, f.secret(), f.name()));
      }
    }
    if (!found.isEmpty()) {
      synchronized (findings) {
        findings.addAll(found);
      }
    }
    return found;
  }

  public List<Finding> findings() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  public long scannedBytes() {
    return scannedBytes.get();
  }

  public long scannedItems() {
    return scannedItems.get();
  }
}
