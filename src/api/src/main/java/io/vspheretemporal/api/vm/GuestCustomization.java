package io.vspheretemporal.api.vm;

import java.util.List;

/**
 * Guest customization applied by a clone. A null {@code ipAddress} means DHCP. Passwords never
 * travel in workflow payloads: {@code adminPasswordSecret} names a secret the worker resolves
 * (Windows' administrator password; Linux customization sets none).
 *
 * @param os {@code linux} or {@code windows}
 */
public record GuestCustomization(
    String os,
    String hostName,
    String domain,
    String ipAddress,
    String netmask,
    String gateway,
    List<String> dnsServers,
    String adminPasswordSecret) {

  public GuestCustomization {
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
  }

  public static GuestCustomization linuxDhcp(String hostName, String domain) {
    return new GuestCustomization("linux", hostName, domain, null, null, null, List.of(), null);
  }

  public static GuestCustomization linuxStatic(String hostName, String domain, String ip, String netmask, String gateway,
      List<String> dns) {
    return new GuestCustomization("linux", hostName, domain, ip, netmask, gateway, dns, null);
  }

  public boolean dhcp() {
    return ipAddress == null;
  }
}
