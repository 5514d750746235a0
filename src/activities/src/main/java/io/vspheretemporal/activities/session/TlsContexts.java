package io.vspheretemporal.activities.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one SSLContext per vCenter from its {@link TlsPolicy}. Nothing here touches JVM-wide TLS
 * defaults (yavijava's own helpers do; we never call them).
 */
final class TlsContexts {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);
  private static final AtomicBoolean insecureWarned = new AtomicBoolean();

  private TlsContexts() {}

  static SSLContext forPolicy(String vcenter, TlsPolicy policy) {
    TrustManager tm = switch (policy) {
      case TlsPolicy.Verify v -> new Explaining(defaultTrust(v));
      case TlsPolicy.Pinned p -> new Pinned(p.thumbprint());
      case TlsPolicy.Insecure i -> {
        if (insecureWarned.compareAndSet(false, true)) {
          log.warn("TLS certificate verification is OFF for vCenter '{}' (tls: insecure). Anyone on the network path"
              + " can impersonate it; pin its thumbprint instead.", vcenter);
        }
        yield new AcceptAll();
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is unavailable in this JVM", e);
    }
  }

  private static X509ExtendedTrustManager defaultTrust(TlsPolicy.Verify v) {
    try {
      KeyStore ks = null;
      if (v.truststore() != null) {
        ks = KeyStore.getInstance(KeyStore.getDefaultType());
        char[] pw = v.truststorePassword() == null ? null : v.truststorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(v.truststore())) {
          ks.load(in, pw);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read truststore " + v.truststore() + ": " + e.getMessage(), e);
    }
  }

  /** The JDK's checks (chain and host name), with the rejected certificate's thumbprint in the error. */
  private static final class Explaining extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    Explaining(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    private CertificateException explain(X509Certificate[] chain, CertificateException e) {
      return new CertificateException("certificate not trusted (SHA-256 thumbprint "
          + Thumbprints.sha256(chain[0]) + ", subject " + chain[0].getSubjectX500Principal().getName() + "): "
          + e.getMessage(), e);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        throw explain(chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        throw explain(chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        throw explain(chain, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** Base for trust managers that decide on the leaf certificate alone (no host name check). */
  private abstract static class LeafOnly extends X509ExtendedTrustManager {
    abstract void check(X509Certificate leaf) throws CertificateException;

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      check(chain[0]);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      check(chain[0]);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain[0]);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public final X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private static final class Pinned extends LeafOnly {
    private final String expected;

    Pinned(String normalizedThumbprint) {
      this.expected = normalizedThumbprint;
    }

    @Override
    void check(X509Certificate leaf) throws CertificateException {
      String seen = expected.length() == 40 ? Thumbprints.sha1(leaf) : Thumbprints.sha256(leaf);
      if (!TlsPolicy.normalize(seen).equals(expected)) {
        throw new CertificateException("certificate thumbprint mismatch: the server presented "
            + Thumbprints.sha256(leaf) + " (SHA-256), which is not the pinned thumbprint");
      }
    }
  }

  private static final class AcceptAll extends LeafOnly {
    @Override
    void check(X509Certificate leaf) {
      // insecure by explicit configuration
    }
  }
}
