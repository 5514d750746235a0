package io.vspheretemporal.activities.catalog;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.temporal.failure.ApplicationFailure;

/**
 * What an operation's submit and probe work with.
 *
 * @param operationKey the key of this step, sent as vSphere's operationID; probes use it to
 *     recognise what an earlier attempt of the same step created
 */
public record OperationContext(VCenterSession session, SecretResolver secrets, String operationKey) {

  public String vcenter() {
    return session.name();
  }

  /** The secret a payload names; fails the step (not retried) if the worker does not know it. */
  public Secret secret(String name, String field) {
    return secrets.resolve(name).orElseThrow(() -> ApplicationFailure.newBuilder()
        .setType(FailureTypes.UNKNOWN_SECRET)
        .setMessage(field + " names secret '" + name + "', which this worker does not have. Configure it under"
            + " secrets (or the VSPHERE_TEMPORAL_SECRET_* environment variables) on every worker.")
        .setNonRetryable(true)
        .build());
  }

  public MoRef ref(String type, String value, String name) {
    return new MoRef(vcenter(), type, value, name);
  }
}
