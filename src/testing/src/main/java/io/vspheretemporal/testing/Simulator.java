package io.vspheretemporal.testing;

import java.net.URI;
import java.util.Optional;

/**
 * A running simulator as tests see it: where its SDK is, how to log in, and its control API.
 *
 * @param sdkUrl the vim25 endpoint, e.g. {@code http://127.0.0.1:41234/sdk}
 * @param thumbprint SHA-256 thumbprint of its certificate (AA:BB:...) when it serves HTTPS
 */
public record Simulator(
    URI sdkUrl, String username, String password, Optional<String> thumbprint, SimulatorControl control) {

  @Override
  public String toString() {
    // Never print the password, even in test reports.
    return "Simulator[" + sdkUrl + ", user=" + username + "]";
  }
}
