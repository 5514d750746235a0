package io.vspheretemporal.worker.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionCodecTest {
  private static final String K1 = TestKeys.base64();
  private static final String K2 = TestKeys.base64();

  private static Payload json(String text) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(text))
        .build();
  }

  private static Payload one(List<Payload> payloads) {
    assertThat(payloads).hasSize(1);
    return payloads.get(0);
  }

  @Test
  void aPayloadRoundTripsAndIsStoredAsCiphertextNamingItsKey() {
    EncryptionCodec codec = new EncryptionCodec(TestKeys.keys("k1", "k1", K1));
    Payload plain = json("{\"name\":\"web-secret-01\"}");

    Payload sealed = one(codec.encode(List.of(plain)));

    assertThat(sealed.getMetadataMap()).containsEntry("encoding", ByteString.copyFromUtf8("binary/encrypted"))
        .containsEntry("encryption-key-id", ByteString.copyFromUtf8("k1"))
        .containsEntry("encryption-cipher", ByteString.copyFromUtf8("AES/GCM/NoPadding"))
        .doesNotContainKey("json/plain");
    assertThat(sealed.toByteString().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("web-secret-01").doesNotContain("json/plain");
    assertThat(one(codec.decode(List.of(sealed)))).isEqualTo(plain);
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    EncryptionCodec codec = new EncryptionCodec(TestKeys.keys("k1", "k1", K1));
    Payload plain = json("\"same\"");
    assertThat(one(codec.encode(List.of(plain))).getData()).isNotEqualTo(one(codec.encode(List.of(plain))).getData());
  }

  @Test
  void aPayloadThatIsNotEncryptedPassesThroughDecode() {
    EncryptionCodec codec = new EncryptionCodec(TestKeys.keys("k1", "k1", K1));
    Payload old = json("{\"written\":\"before encryption was on\"}");
    assertThat(one(codec.decode(List.of(old)))).isSameAs(old);
  }

  @Test
  void afterRotationOldPayloadsDecodeWithTheOldKeyAndNewOnesUseTheNewKey() {
    Payload plain = json("{\"vm\":\"db-07\"}");
    Payload writtenWithK1 = one(new EncryptionCodec(TestKeys.keys("k1", "k1", K1)).encode(List.of(plain)));

    EncryptionCodec rotated = new EncryptionCodec(TestKeys.keys("k2", "k2", K2, "k1", K1));

    assertThat(one(rotated.decode(List.of(writtenWithK1)))).isEqualTo(plain);
    Payload writtenWithK2 = one(rotated.encode(List.of(plain)));
    assertThat(writtenWithK2.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(one(rotated.decode(List.of(writtenWithK2)))).isEqualTo(plain);
  }

  @Test
  void droppingAKeyStillInUseFailsNamingTheKeyAndWhatToDo() {
    Payload writtenWithK1 = one(new EncryptionCodec(TestKeys.keys("k1", "k1", K1)).encode(List.of(json("1"))));
    EncryptionCodec withoutK1 = new EncryptionCodec(TestKeys.keys("k2", "k2", K2));

    assertThatThrownBy(() -> withoutK1.decode(List.of(writtenWithK1)))
        .isInstanceOfSatisfying(UnknownKeyException.class, e -> assertThat(e.keyId()).isEqualTo("k1"))
        .hasMessageContaining("key 'k1'")
        .hasMessageContaining("add key k1 back to temporal.encryption.keys")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(K1).doesNotContain(K2));
  }

  @Test
  void withoutKeysNothingIsEncryptedAndAnEncryptedPayloadSaysWhichKeyItNeeds() {
    EncryptionCodec off = new EncryptionCodec(EncryptionKeys.none());
    Payload plain = json("2");
    assertThat(one(off.encode(List.of(plain)))).isSameAs(plain);

    Payload sealed = one(new EncryptionCodec(TestKeys.keys("k1", "k1", K1)).encode(List.of(plain)));
    assertThatThrownBy(() -> off.decode(List.of(sealed)))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("key 'k1'")
        .hasMessageContaining("no encryption keys are configured")
        .hasMessageContaining("--config");
  }

  @Test
  void aDifferentKeyUnderTheSameIdOrAlteredDataIsRefused() {
    Payload sealed = one(new EncryptionCodec(TestKeys.keys("k1", "k1", K1)).encode(List.of(json("3"))));

    assertThatThrownBy(() -> new EncryptionCodec(TestKeys.keys("k1", "k1", K2)).decode(List.of(sealed)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not decrypt with the configured key k1");

    byte[] data = sealed.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload altered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();
    assertThatThrownBy(() -> new EncryptionCodec(TestKeys.keys("k1", "k1", K1)).decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("payload was altered");
  }
}
