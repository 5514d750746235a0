package io.vspheretemporal.worker.codec;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.vspheretemporal.activities.VSphereActivities;
import java.util.List;

/**
 * The one data converter of every Temporal client here (worker, CLI commands, demo, bench):
 * {@link VSphereActivities#dataConverter()} (Jackson with its shared buffer pool), wrapped in the
 * encrypting codec. With encryption off the codec encrypts nothing but still recognizes encrypted
 * payloads, so a command that lacks the key says which key it needs instead of failing on an
 * unknown encoding.
 *
 * <p>With encryption on, failure messages and stack traces are encrypted too
 * ({@code encodeFailureAttributes}): vSphere's fault messages name hosts, datastores, paths and
 * addresses. Failure types stay readable, so retry policies work unchanged (docs/encryption.md).
 */
public final class DataConverters {
  private DataConverters() {}

  public static DataConverter forKeys(EncryptionKeys keys) {
    return new CodecDataConverter(VSphereActivities.dataConverter(), List.of(new EncryptionCodec(keys)), keys.enabled());
  }

  /** Client options for a namespace with {@link #forKeys}. */
  public static WorkflowClientOptions clientOptions(String namespace, EncryptionKeys keys) {
    return WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(forKeys(keys)).build();
  }

  /** The {@link UnknownKeyException} that caused {@code e}, if one did (the SDK wraps codec errors). */
  public static java.util.Optional<UnknownKeyException> unknownKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownKeyException u) {
        return java.util.Optional.of(u);
      }
    }
    return java.util.Optional.empty();
  }
}
