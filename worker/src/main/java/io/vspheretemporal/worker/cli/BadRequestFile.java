package io.vspheretemporal.worker.cli;

/** A request file (--file) cannot be used; the message names the file, the field and what to do. */
final class BadRequestFile extends RuntimeException {
  BadRequestFile(String message) {
    super(message);
  }
}
