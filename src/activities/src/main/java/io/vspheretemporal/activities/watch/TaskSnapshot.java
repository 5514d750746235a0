package io.vspheretemporal.activities.watch;

import io.vspheretemporal.activities.vim.ObjectKey;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import io.vspheretemporal.api.FailureTypes;
import java.time.Instant;
import java.util.Calendar;

/**
 * An immutable view of a vSphere {@code TaskInfo}.
 *
 * @param state {@code queued}, {@code running}, {@code success} or {@code error}
 * @param result the task's result (a {@link ManagedObjectReference} for clones, host adds, ...)
 * @param faultType the fault's type name when {@code state} is error, e.g. {@code DuplicateName}
 * @param faultMessage vSphere's localized message for the fault
 */
public record TaskSnapshot(
    ObjectKey task,
    String key,
    String operation,
    ObjectKey entity,
    String entityName,
    String state,
    boolean cancelled,
    boolean cancelable,
    Integer progress,
    String description,
    Instant queueTime,
    Instant startTime,
    Instant completeTime,
    int eventChainId,
    String activationId,
    Object result,
    String faultType,
    String faultMessage) {

  public static TaskSnapshot of(TaskInfo info) {
    LocalizedMethodFault error = info.getError();
    String faultType = null;
    String faultMessage = null;
    if (error != null) {
      faultType = FaultText.type(error);
      faultMessage = FaultText.message(error);
    }
    return new TaskSnapshot(
        ObjectKey.of(info.getTask()),
        info.getKey(),
        info.getName(),
        info.getEntity() == null ? null : ObjectKey.of(info.getEntity()),
        info.getEntityName(),
        info.getState() == null ? "queued" : info.getState().name(),
        info.isCancelled(),
        info.isCancelable(),
        info.getProgress(),
        info.getDescription() == null ? null : info.getDescription().getMessage(),
        instant(info.getQueueTime()),
        instant(info.getStartTime()),
        instant(info.getCompleteTime()),
        info.getEventChainId(),
        info.getActivationId(),
        info.getResult(),
        faultType,
        faultMessage);
  }


  /**
   * A snapshot from watched TaskInfo fields ({@link TaskWatch#FIELDS}); with {@code plain}, the
   * error is only its message (its fault could not be parsed).
   */
  static TaskSnapshot of(ObjectKey task, java.util.Map<String, Object> p, boolean plain) {
    String state = p.get("info.state") == null ? "queued" : p.get("info.state").toString();
    String faultType = null;
    String faultMessage = null;
    if ("error".equals(state)) {
      if (plain) {
        faultType = FailureTypes.UNREADABLE_TASK_FAULT;
        faultMessage = (String) p.get("info.error.localizedMessage");
      } else if (p.get("info.error") instanceof LocalizedMethodFault error) {
        faultType = FaultText.type(error);
        faultMessage = FaultText.message(error);
      }
    }
    String description = p.get("info.description") instanceof com.vmware.vim25.LocalizableMessage m ? m.getMessage() : null;
    return new TaskSnapshot(task, null, null, null, null, state,
        Boolean.TRUE.equals(p.get("info.cancelled")), Boolean.TRUE.equals(p.get("info.cancelable")),
        (Integer) p.get("info.progress"), description, null, null,
        p.get("info.completeTime") instanceof Calendar c ? c.toInstant() : null, 0, null, p.get("info.result"),
        faultType, faultMessage);
  }

  private static Instant instant(Calendar c) {
    return c == null ? null : c.toInstant();
  }

  public boolean done() {
    return "success".equals(state) || "error".equals(state);
  }

  public boolean succeeded() {
    return "success".equals(state);
  }

  /** Whether CancelTask can still help: vSphere says it is cancelable and it has not ended. */
  public boolean cancellable() {
    return cancelable && !done() && !cancelled;
  }

  public ManagedObjectReference resultRef() {
    return result instanceof ManagedObjectReference ref ? ref : null;
  }
}
