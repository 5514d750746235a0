package io.vspheretemporal.api.guest;

import io.vspheretemporal.api.MoRef;

/** Wait for a guest fact; fails with type {@code GuestTimeout} after {@code timeoutSeconds}. */
public record GuestWaitRequest(MoRef vm, int timeoutSeconds) {}
