package io.vspheretemporal.activities.session;

import java.nio.file.Path;
import java.util.Locale;

/** How a vCenter's certificate is checked. */
public sealed interface TlsPolicy {

  /** The JDK's trust store, or the given one, plus host name verification: the default. */
  record Verify(Path truststore, Secret truststorePassword) implements TlsPolicy {
    public static Verify jdkDefaults() {
      return new Verify(null, null);
    }
  }

  /**
   * Trust exactly the certificate with this thumbprint (SHA-256, or SHA-1 as vSphere shows it), in
   * {@code AA:BB:...} or plain hex form. Host names are not checked: the pin is stricter.
   */
  record Pinned(String thumbprint) implements TlsPolicy {
    public Pinned {
      thumbprint = normalize(thumbprint);
      if (thumbprint.length() != 64 && thumbprint.length() != 40) {
        throw new IllegalArgumentException("a certificate thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits,"
            + " e.g. AB:CD:...; got " + thumbprint.length() + " digits");
      }
    }
  }

  /** Accept any certificate. Only when configured explicitly; logged as a warning once. */
  record Insecure() implements TlsPolicy {}

  static String normalize(String thumbprint) {
    return thumbprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
