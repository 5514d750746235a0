package io.vspheretemporal.worker.runtime;

import com.uber.m3.tally.Scope;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.config.TemporalTls;
import io.vspheretemporal.activities.session.Secret;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Connects to Temporal (mTLS and API key when configured) and proves it is reachable before anything starts. */
public final class TemporalConnection {
  private static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

  private TemporalConnection() {}

  public static WorkflowServiceStubs open(String target, String namespace, TemporalTls tls, Secret apiKey, Scope metrics) {
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder().setTarget(target);
    if (metrics != null) {
      options.setMetricsScope(metrics);
    }
    if (tls != null) {
      options.setSslContext(sslContext(tls));
    }
    if (apiKey != null) {
      options.setEnableHttps(tls == null || options.build().getSslContext() == null);
      options.addApiKey(apiKey::reveal);
    }
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(options.build());
    try {
      service.blockingStub().withDeadlineAfter(REACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      service.blockingStub().withDeadlineAfter(REACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      service.shutdownNow();
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new ConfigException("temporal.namespace: namespace '" + namespace + "' does not exist on " + target);
      }
      throw new ConfigException("temporal.target: cannot reach Temporal at " + target + " ("
          + e.getStatus().getCode() + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription())
          + "). Check the address, TLS settings and that the server is running.");
    }
    return service;
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(TemporalTls tls) {
    try {
      SimpleSslContextBuilder builder;
      if (tls.clientCert() != null) {
        try (InputStream cert = new FileInputStream(tls.clientCert()); InputStream key = new FileInputStream(tls.clientKey())) {
          builder = SimpleSslContextBuilder.forPKCS8(cert, key);
          return withCa(builder, tls).build();
        }
      }
      return withCa(SimpleSslContextBuilder.noKeyOrCertChain(), tls).build();
    } catch (IOException e) {
      throw new ConfigException("temporal.tls: cannot load the certificates: " + e.getMessage());
    }
  }

  private static SimpleSslContextBuilder withCa(SimpleSslContextBuilder builder, TemporalTls tls) throws IOException {
    if (tls.serverCa() != null) {
      try (InputStream ca = new FileInputStream(tls.serverCa())) {
        java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
        java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (java.security.cert.Certificate c : cf.generateCertificates(ca)) {
          ks.setCertificateEntry("ca" + i++, c);
        }
        javax.net.ssl.TrustManagerFactory tmf =
            javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        builder.setTrustManager(tmf.getTrustManagers()[0]);
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException("serverCa: " + e.getMessage(), e);
      }
    }
    return builder;
  }

}
