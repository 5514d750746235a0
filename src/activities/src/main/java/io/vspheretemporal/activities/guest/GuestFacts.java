package io.vspheretemporal.activities.guest;

import com.google.common.net.InetAddresses;
import io.vspheretemporal.activities.watch.ObjectState;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/** What VMware Tools last reported about a guest, as a guest wait watches it. */
record GuestFacts(String toolsRunningStatus, String ipAddress, String powerState) {
  static final String TOOLS = "guest.toolsRunningStatus";
  static final String IP = "guest.ipAddress";
  static final String POWER = "runtime.powerState";
  /** The power state is watched only so that a timeout can say the VM is off. */
  static final List<String> PATHS = List.of(TOOLS, IP, POWER);

  static final GuestFacts UNKNOWN = new GuestFacts(null, null, null);

  static GuestFacts of(ObjectState state) {
    if (state == null) {
      return UNKNOWN;
    }
    return new GuestFacts(text(state.get(TOOLS)), text(state.get(IP)), text(state.get(POWER)));
  }

  boolean toolsRunning() {
    return "guestToolsRunning".equals(toolsRunningStatus);
  }

  /**
   * The IP address when it is a usable IPv4 one: vSphere's primary address can be IPv6, and a
   * guest without a lease yet reports a 169.254/16 self-assigned address first.
   */
  String ipv4() {
    if (ipAddress == null || !InetAddresses.isInetAddress(ipAddress)) {
      return null;
    }
    InetAddress address = InetAddresses.forString(ipAddress);
    return address instanceof Inet4Address && !address.isLinkLocalAddress() && !address.isLoopbackAddress()
        ? ipAddress : null;
  }

  /** For messages: "power state poweredOff, tools guestToolsNotRunning, no IP address". */
  String describe() {
    return "power state " + orUnknown(powerState) + ", tools " + orUnknown(toolsRunningStatus) + ", "
        + (ipAddress == null ? "no IP address" : "IP address " + ipAddress);
  }

  private static String orUnknown(String value) {
    return value == null ? "not reported" : value;
  }

  /** Enums come back as binding enums; an empty string means unset (a powered-off guest). */
  private static String text(Object value) {
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }
}
