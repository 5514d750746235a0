package io.vspheretemporal.activities.session;

import com.vmware.vim25.MethodFault;
import com.vmware.vim25.WaitOptions;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.SoapClient;
import com.vmware.vim25.ws.XmlGen;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;

/**
 * yavijava's SOAP transport replaced by {@link HttpClient}: one connection pool and one TLS context
 * per vCenter (no JVM-wide TLS state), a timeout per call (long polls get theirs from their
 * {@code maxWaitSeconds}), the session cookie refreshed from every answer, vSphere's
 * {@code operationID} header on task submissions, and SOAP faults parsed into
 * {@link VimFaultException} without the reflection yavijava needs.
 */
final class VimSoapClient extends SoapClient {
  private static final String SESSION_COOKIE = "vmware_soap_session";
  private static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(30);
  private static final ThreadLocal<String> OPERATION_ID = new ThreadLocal<>();

  private final HttpClient http;
  private final URI endpoint;
  private final Duration callTimeout;
  private final Consumer<String> callObserver;
  private volatile String sessionCookie;

  VimSoapClient(URI endpoint, SSLContext ssl, Duration callTimeout, Consumer<String> callObserver) {
    this.endpoint = endpoint;
    this.callTimeout = callTimeout;
    this.callObserver = callObserver;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(15))
        .sslContext(ssl)
        .build();
    try {
      setBaseUrl(endpoint.toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a URL: " + endpoint, e);
    }
    setVimNameSpace(ServiceInstance.VIM25_NAMESPACE);
    // vCenter answers in the 6.0 schema yavijava parses; newer elements would fail the parse.
    soapAction = "urn:vim25/6.0";
  }

  /** Runs {@code call} with vSphere's operationID header set, which vCenter keeps as TaskInfo.activationId. */
  static <T> T withOperationId(String operationId, RemoteCall<T> call) throws RemoteException {
    String previous = OPERATION_ID.get();
    OPERATION_ID.set(operationId);
    try {
      return call.call();
    } finally {
      if (previous == null) {
        OPERATION_ID.remove();
      } else {
        OPERATION_ID.set(previous);
      }
    }
  }

  @FunctionalInterface
  interface RemoteCall<T> {
    T call() throws RemoteException;
  }

  void clearSession() {
    sessionCookie = null;
  }

  boolean hasSession() {
    return sessionCookie != null;
  }

  @Override
  public Object invoke(String method, Argument[] args, String returnType) throws RemoteException {
    // XmlGen itself, not SoapClient.marshall: that logs the whole envelope at TRACE, passwords
    // included (Login, AddHost's HostConnectSpec, customization specs).
    String envelope = withHeader(XmlGen.toXML(method, args, getVimNameSpace()));
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(timeoutFor(args))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", soapAction)
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    String cookie = sessionCookie;
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    callObserver.accept(method);
    HttpResponse<byte[]> response = send(method, request.build());
    response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SESSION_COOKIE + "="))
        .findFirst()
        .ifPresent(c -> sessionCookie = c.split(";", 2)[0]);
    return ParserThreads.run(method, () -> parse(method, returnType, response));
  }

  private HttpResponse<byte[]> send(String method, HttpRequest request) throws VimTransportException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new VimTransportException(VimTransportException.Kind.TIMEOUT,
          method + " to " + endpoint + " timed out", e);
    } catch (ConnectException e) {
      throw new VimTransportException(VimTransportException.Kind.UNREACHABLE,
          method + ": cannot connect to " + endpoint + " (" + describe(e) + ")", e);
    } catch (SSLException e) {
      throw new VimTransportException(VimTransportException.Kind.TLS,
          method + ": TLS with " + endpoint + " failed: " + certificateReason(e), e);
    } catch (IOException e) {
      throw new VimTransportException(VimTransportException.Kind.UNREACHABLE,
          method + ": connection to " + endpoint + " failed (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimTransportException(VimTransportException.Kind.INTERRUPTED, method + " interrupted", e);
    }
  }

  private Object parse(String method, String returnType, HttpResponse<byte[]> response) throws RemoteException {
    byte[] body = response.body();
    if (response.statusCode() == 200) {
      try {
        return super.unMarshall(returnType, new ByteArrayInputStream(body));
      } catch (Exception e) {
        throw new VimTransportException(VimTransportException.Kind.PROTOCOL,
            method + ": cannot read the answer from " + endpoint + ": " + rootMessage(e), e);
      }
    }
    VimFaultException fault = parseFault(body);
    if (fault != null) {
      throw fault;
    }
    String snippet = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    throw new VimTransportException(VimTransportException.Kind.HTTP,
        method + ": " + endpoint + " answered HTTP " + response.statusCode() + (snippet.isEmpty() ? "" : ": " + snippet), null);
  }

  /** A SOAP fault as type, message and (when yavijava knows the type) the typed fault; null if not one. */
  private VimFaultException parseFault(byte[] body) {
    Document doc;
    try {
      doc = new SAXReader().read(new ByteArrayInputStream(body));
    } catch (DocumentException e) {
      return null;
    }
    Element envelopeBody = doc.getRootElement().element("Body");
    if (envelopeBody == null || envelopeBody.elements().isEmpty()) {
      return null;
    }
    Element fault = envelopeBody.elements().get(0);
    if (!"Fault".equals(fault.getName())) {
      return null;
    }
    String message = fault.elementText("faultstring");
    Element detail = fault.element("detail");
    List<Element> details = detail == null ? List.of() : detail.elements();
    if (details.isEmpty()) {
      return new VimFaultException(null, message, null);
    }
    Element faultElement = details.get(0);
    String type = faultElement.attributeValue("type");
    if (type == null) {
      type = faultElement.getName().replaceFirst("Fault$", "");
    }
    return new VimFaultException(type, message, typedFault(type, faultElement));
  }

  /** Reuses yavijava's data-object parser on the fault element; null when it cannot. */
  private MethodFault typedFault(String type, Element faultElement) {
    String wrapped = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body><R>"
        + faultElement.asXML() + "</R></e:Body></e:Envelope>";
    try {
      Object parsed = super.unMarshall(type, new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)));
      return parsed instanceof MethodFault mf ? mf : null;
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  private String withHeader(String envelope) {
    String id = OPERATION_ID.get();
    if (id == null) {
      return envelope;
    }
    int body = envelope.indexOf("<soapenv:Body>");
    String escaped = id.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return envelope.substring(0, body) + "<soapenv:Header><operationID>" + escaped
        + "</operationID></soapenv:Header>" + envelope.substring(body);
  }

  private Duration timeoutFor(Argument[] args) {
    if (args != null) {
      for (Argument a : args) {
        if (a.getValue() instanceof WaitOptions w && w.getMaxWaitSeconds() != null) {
          return Duration.ofSeconds(w.getMaxWaitSeconds()).plus(LONG_POLL_MARGIN);
        }
      }
    }
    return callTimeout;
  }

  @Override
  public StringBuffer invokeAsString(String method, Argument[] args) {
    throw new UnsupportedOperationException("invokeAsString is not used");
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Our trust managers' explanation (it names the thumbprint seen), else the deepest cause. */
  static String certificateReason(Throwable t) {
    // the trust manager's own CertificateException says it once; the wrappers above repeat it
    String reason = null;
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof java.security.cert.CertificateException) {
        return c.getMessage();
      }
      if (reason == null && c.getMessage() != null && c.getMessage().contains("thumbprint")) {
        reason = c.getMessage();
      }
    }
    return reason != null ? reason : rootMessage(t);
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
