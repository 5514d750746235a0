package io.vspheretemporal.worker.config;

/** {@code format}: {@code text} (readable, the default) or {@code json} (one object per line). */
public record LoggingConfig(String format) {}
