package io.vspheretemporal.activities.catalog;

import io.vspheretemporal.api.MoRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a request, each problem naming its field and what to do, so a bad
 * request fails before anything reaches vSphere and the user fixes everything at once.
 */
public final class Checks {
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern THUMBPRINT =
      Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){19}((:[0-9A-Fa-f]{2}){12})?"); // SHA-1 or SHA-256
  private static final int MAX_NAME = 80;
  private static final int MAX_DNS_NAME = 253;

  private final List<String> problems = new ArrayList<>();
  private String vcenter;

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public Checks problem(String message) {
    problems.add(message);
    return this;
  }

  /** A required reference of one of the given managed object types, on the same vCenter as the others. */
  public Checks ref(String field, MoRef ref, String... types) {
    if (ref == null) {
      return problem(field + " is required");
    }
    return optionalRef(field, ref, types);
  }

  public Checks optionalRef(String field, MoRef ref, String... types) {
    if (ref == null) {
      return this;
    }
    if (types.length > 0 && !List.of(types).contains(ref.type())) {
      problem(field + " must be a " + String.join(" or ", types) + ", not a " + ref.type() + " (" + ref.value() + ")");
    }
    if (ref.value().isBlank()) {
      problem(field + " has an empty managed object id");
    }
    if (vcenter == null) {
      vcenter = ref.vcenter();
    } else if (!vcenter.equals(ref.vcenter())) {
      problem(field + " is on vCenter '" + ref.vcenter() + "' but the request's other objects are on '" + vcenter
          + "'; one step works on one vCenter");
    }
    return this;
  }

  /** An inventory name: not blank, at most 80 characters, no slash. */
  public Checks name(String field, String name) {
    if (name == null || name.isBlank()) {
      return problem(field + " is required");
    }
    if (name.length() > MAX_NAME) {
      problem(field + " '" + name + "' is longer than vSphere's " + MAX_NAME + " characters");
    }
    if (name.contains("/") || name.contains("\\")) {
      problem(field + " '" + name + "' must not contain / or \\");
    }
    return this;
  }

  public Checks positive(String field, Number value) {
    if (value != null && value.longValue() <= 0) {
      problem(field + " must be at least 1, got " + value);
    }
    return this;
  }

  public Checks hostName(String field, String name) {
    if (name != null && !HOST_NAME.matcher(name).matches()) {
      problem(field + " '" + name + "' is not a valid host name (letters, digits and hyphens, at most 63)");
    }
    return this;
  }

  public Checks ipv4(String field, String ip) {
    if (ip != null && !IPV4.matcher(ip).matches()) {
      problem(field + " '" + ip + "' is not an IPv4 address");
    }
    return this;
  }

  /** A DNS name (dotted labels) or an IPv4 or IPv6 address, as vSphere accepts for a host. */
  public Checks address(String field, String address) {
    if (address == null || IPV4.matcher(address).matches() || IPV6.matcher(address).matches()) {
      return this;
    }
    boolean dnsName = address.length() <= MAX_DNS_NAME && !address.endsWith(".")
        && Arrays.stream(address.split("\\.", -1)).allMatch(l -> HOST_NAME.matcher(l).matches());
    if (!dnsName) {
      problem(field + " '" + address + "' is neither a DNS name nor an IP address");
    }
    return this;
  }

  /** A certificate thumbprint as vSphere writes it: SHA-1 or SHA-256 hex bytes separated by colons. */
  public Checks thumbprint(String field, String thumbprint) {
    if (thumbprint != null && !THUMBPRINT.matcher(thumbprint).matches()) {
      problem(field + " '" + thumbprint + "' is not a certificate thumbprint (SHA-1 or SHA-256 hex bytes separated by"
          + " colons, e.g. 1A:2B:...)");
    }
    return this;
  }

  public Checks notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      problem(field + " is required");
    }
    return this;
  }
}
