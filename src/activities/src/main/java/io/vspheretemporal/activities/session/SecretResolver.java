package io.vspheretemporal.activities.session;

import java.util.Optional;

/**
 * Resolves secrets named in workflow payloads (guest passwords, host root passwords). Workflows
 * carry only the name; the worker holds the values.
 */
@FunctionalInterface
public interface SecretResolver {
  Optional<Secret> resolve(String name);

  static SecretResolver none() {
    return name -> Optional.empty();
  }
}
