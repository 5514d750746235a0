package io.vspheretemporal.activities.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** Certificate thumbprints in vSphere's {@code AA:BB:...} form. */
public final class Thumbprints {
  private Thumbprints() {}

  public static String sha256(X509Certificate cert) {
    return digest("SHA-256", cert);
  }

  public static String sha1(X509Certificate cert) {
    return digest("SHA-1", cert);
  }

  private static String digest(String algorithm, X509Certificate cert) {
    try {
      byte[] d = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").formatHex(d).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
