package io.vspheretemporal.testing;

/** The simulator cannot be built or started here; the message says what to install. */
public class SimulatorUnavailableException extends RuntimeException {
  public SimulatorUnavailableException(String message) {
    super(message);
  }

  public SimulatorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
