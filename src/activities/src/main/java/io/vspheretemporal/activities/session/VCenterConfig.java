package io.vspheretemporal.activities.session;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One vCenter the worker talks to, addressed by {@code name} in workflow payloads.
 *
 * @param url the SDK endpoint, e.g. {@code https://vc01.example.com/sdk}
 * @param callTimeout how long one ordinary SOAP call may take
 * @param maxConcurrentCalls SOAP calls in flight at once (besides the watcher's long poll); bounds
 *     the connections the worker opens to the vCenter
 * @param keepAlive how often an idle session is kept alive (vCenter ends idle sessions after 30 min)
 */
public record VCenterConfig(
    String name,
    URI url,
    String username,
    Secret password,
    TlsPolicy tls,
    Duration callTimeout,
    int maxConcurrentCalls,
    Duration keepAlive) {

  public VCenterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
  }

  public static VCenterConfig of(String name, URI url, String username, Secret password, TlsPolicy tls) {
    return new VCenterConfig(name, url, username, password, tls, Duration.ofMinutes(2), 16, Duration.ofMinutes(5));
  }

  public VCenterConfig withMaxConcurrentCalls(int n) {
    return new VCenterConfig(name, url, username, password, tls, callTimeout, n, keepAlive);
  }

  public VCenterConfig withCallTimeout(Duration d) {
    return new VCenterConfig(name, url, username, password, tls, d, maxConcurrentCalls, keepAlive);
  }
}
