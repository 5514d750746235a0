package io.vspheretemporal.activities.runner;

import io.temporal.activity.ActivityInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of one workflow step, the same in every attempt: sent to vSphere as the task's
 * operationID (kept as {@code TaskInfo.activationId}) and stamped on what the step creates, so a
 * later attempt can find its task or its work after losing the task reference.
 */
final class OperationKeys {
  private OperationKeys() {}

  static String of(ActivityInfo info, String operation) {
    String source = info.getNamespace() + "|" + info.getWorkflowId() + "|" + info.getActivityId() + "|" + operation;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return "vt-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
