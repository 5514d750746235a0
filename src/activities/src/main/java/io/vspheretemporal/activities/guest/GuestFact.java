package io.vspheretemporal.activities.guest;

import java.util.function.Function;

/** What a guest wait waits for, and the value that shows it happened. */
enum GuestFact {
  TOOLS("WaitForGuestTools", "VMware Tools running", f -> f.toolsRunning() ? f.toolsRunningStatus() : null),
  IP("WaitForGuestIp", "an IPv4 address", GuestFacts::ipv4);

  private final String operation;
  private final String waitingFor;
  private final Function<GuestFacts, String> reached;

  GuestFact(String operation, String waitingFor, Function<GuestFacts, String> reached) {
    this.operation = operation;
    this.waitingFor = waitingFor;
    this.reached = reached;
  }

  String operation() {
    return operation;
  }

  String waitingFor() {
    return waitingFor;
  }

  /** The value that shows the fact holds (the tools status, the address), or null while it does not. */
  String reached(GuestFacts facts) {
    return reached.apply(facts);
  }
}
