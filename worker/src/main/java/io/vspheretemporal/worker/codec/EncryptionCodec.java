package io.vspheretemporal.worker.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nonnull;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts whole payloads (data and metadata) with AES-256-GCM under the current key; decrypts
 * with whichever key a payload names. The format is the one of Temporal's encryption samples:
 * metadata {@code encoding: binary/encrypted}, {@code encryption-cipher: AES/GCM/NoPadding},
 * {@code encryption-key-id}, and data = 12-byte random nonce followed by ciphertext and tag.
 * Payloads that are not encrypted pass through decode unchanged, so histories written before
 * encryption was turned on still read.
 */
public final class EncryptionCodec implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";
  public static final String CIPHER_KEY = "encryption-cipher";
  static final String CIPHER = "AES/GCM/NoPadding";
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final ByteString CIPHER_BYTES = ByteString.copyFromUtf8(CIPHER);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EncryptionKeys keys;
  private final ByteString currentId;

  public EncryptionCodec(EncryptionKeys keys) {
    this.keys = keys;
    this.currentId = keys.enabled() ? ByteString.copyFromUtf8(keys.currentId()) : null;
  }

  @Nonnull
  @Override
  public List<Payload> encode(@Nonnull List<Payload> payloads) {
    if (!keys.enabled()) {
      return payloads;
    }
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(encrypt(p));
    }
    return out;
  }

  @Nonnull
  @Override
  public List<Payload> decode(@Nonnull List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(isEncrypted(p) ? decrypt(p) : p);
    }
    return out;
  }

  public static boolean isEncrypted(Payload p) {
    return ENCODING_BYTES.equals(p.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, ByteString.EMPTY));
  }

  private Payload encrypt(Payload p) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] plain = p.toByteArray();
    try {
      Cipher cipher = Cipher.getInstance(CIPHER); // not thread-safe: one per call, cheap next to the JSON
      cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] data = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
      System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
      cipher.doFinal(plain, 0, plain.length, data, NONCE_BYTES);
      return Payload.newBuilder()
          .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING_BYTES)
          .putMetadata(CIPHER_KEY, CIPHER_BYTES)
          .putMetadata(KEY_ID, currentId)
          .setData(ByteString.copyFrom(data))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload with key '" + keys.currentId() + "': " + e, e);
    }
  }

  private Payload decrypt(Payload p) {
    String id = p.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    String cipherName = p.getMetadataOrDefault(CIPHER_KEY, CIPHER_BYTES).toStringUtf8();
    if (!CIPHER.equals(cipherName)) {
      throw new PayloadCodecException("payload is encrypted with cipher '" + cipherName + "', not " + CIPHER
          + ": it was not written by vsphere-temporal's codec");
    }
    SecretKey key = keys.key(id).orElseThrow(() -> new UnknownKeyException(id, keys.ids()));
    byte[] data = p.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("payload encrypted with key '" + id + "' is truncated (" + data.length + " bytes)");
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      return Payload.parseFrom(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES));
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("payload encrypted with key '" + id + "' does not decrypt with the configured"
          + " key " + id + ": temporal.encryption.keys." + id + " holds a different value than the one the payload"
          + " was written with (or the payload was altered)", e);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("cannot decrypt a payload encrypted with key '" + id + "': " + e, e);
    }
  }
}
