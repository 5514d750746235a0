package io.vspheretemporal.activities.runner;

import io.temporal.activity.ActivityInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key of one workflow step, the same in every attempt: sent to vSphere as the task's
 * operationID (kept as {@code TaskInfo.activationId}) and stamped on what the step creates, so a
 * later attempt can find its task or its work after losing the task reference.
 *
 * <p>It reads {@code <workflowId>/<activityId>#<hash>}: vCenter's task list then says which
 * workflow started a task; the hash (over namespace, workflow, activity and operation) keeps keys
 * apart when a long workflow id had to be shortened.
 */
public final class OperationKeys {
  private static final int MAX_WORKFLOW_ID = 80;

  private OperationKeys() {}

  static String of(ActivityInfo info, String operation) {
    String source = info.getNamespace() + "|" + info.getWorkflowId() + "|" + info.getActivityId() + "|" + operation;
    String workflow = info.getWorkflowId();
    if (workflow.length() > MAX_WORKFLOW_ID) {
      workflow = workflow.substring(0, MAX_WORKFLOW_ID) + "~";
    }
    return workflow + "/" + info.getActivityId() + "#" + hash(source);
  }

  /** The workflow id a key names, when the key is one of ours and the id was not shortened. */
  public static Optional<String> workflowId(String key) {
    if (key == null) {
      return Optional.empty();
    }
    int slash = key.lastIndexOf('/', key.lastIndexOf('#'));
    if (slash <= 0 || key.indexOf('#') < 0) {
      return Optional.empty();
    }
    String workflow = key.substring(0, slash);
    return workflow.endsWith("~") ? Optional.empty() : Optional.of(workflow);
  }

  private static String hash(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
