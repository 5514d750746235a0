package io.vspheretemporal.worker.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.api.TaskProgress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every client here relies on: values and failures survive the encrypting converter, and nothing leaks. */
class DataConvertersTest {
  private static final EncryptionKeys KEYS = TestKeys.keys("k1", "k1", TestKeys.base64());

  @Test
  void valuesRoundTripAndTheirPayloadIsEncrypted() {
    DataConverter converter = DataConverters.forKeys(KEYS);
    Payload p = converter.toPayload("CloneVM_Task web-secret-02 from tmpl-ubuntu").orElseThrow();

    assertThat(EncryptionCodec.isEncrypted(p)).isTrue();
    assertThat(p.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("web-secret-02");
    assertThat(converter.fromPayload(p, String.class, String.class)).isEqualTo("CloneVM_Task web-secret-02 from tmpl-ubuntu");
  }

  @Test
  void failureMessagesAndDetailsAreEncryptedButTheTypeStaysReadable() {
    DataConverter converter = DataConverters.forKeys(KEYS);
    ApplicationFailure thrown = ApplicationFailure.newNonRetryableFailure(
        "The name 'web-secret-03' already exists.", "DuplicateName", "detail web-secret-03");

    Failure f = converter.exceptionToFailure(thrown);

    assertThat(f.getMessage()).isEqualTo("Encoded failure");
    assertThat(f.getApplicationFailureInfo().getType()).isEqualTo("DuplicateName");
    assertThat(f.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("web-secret-03");
    RuntimeException back = converter.failureToException(f);
    assertThat(back).isInstanceOf(ApplicationFailure.class).hasMessageContaining("The name 'web-secret-03' already exists.");
    assertThat(((ApplicationFailure) back).getDetails().get(String.class)).isEqualTo("detail web-secret-03");
  }

  @Test
  void withEncryptionOffPayloadsAreTheUsualJsonAndRecordsRoundTrip() {
    DataConverter converter = DataConverters.forKeys(EncryptionKeys.none());
    TaskProgress progress = new TaskProgress("CloneVM_Task", "web-01", null, "running", 40, "Cloning", false, 1, "wf/1#abc");
    Payload p = converter.toPayload(progress).orElseThrow();

    assertThat(p.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
    assertThat(converter.fromPayload(p, TaskProgress.class, TaskProgress.class)).isEqualTo(progress);
    assertThat(converter.exceptionToFailure(ApplicationFailure.newFailure("plain message", "T")).getMessage())
        .isEqualTo("plain message");
  }
}
