package io.vspheretemporal.worker.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what Temporal holds about a run and hands all of it to the {@link SecretScanner}: every
 * history event as raw protobuf bytes, every payload in it decoded to JSON, every failure's message
 * and stack trace; for runs in progress, the describe answer (pending activities' heartbeat details
 * and last failures, memo). Along the way it counts what the reliability checks need: activity
 * failures, timeouts and retried attempts.
 */
final class TemporalScan {
  private final WorkflowServiceStubs service;
  private final String namespace;
  private final DataConverter converter;
  private final SecretScanner scanner;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong payloads = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong heartbeats = new AtomicLong();
  /**
   * Why each attempt of an activity ended, as pending activities' last failures show it while they
   * wait for their next attempt; keyed by workflow id and activity id, then attempt. The history
   * alone does not say (the in-memory server leaves the started event's last failure empty).
   */
  private final Map<String, Map<Integer, String>> attemptEnds = new java.util.concurrent.ConcurrentHashMap<>();

  TemporalScan(WorkflowServiceStubs service, String namespace, DataConverter converter, SecretScanner scanner) {
    this.service = service;
    this.namespace = namespace;
    this.converter = converter;
    this.scanner = scanner;
  }

  /**
   * One run as its history tells it.
   *
   * @param status the close event (COMPLETED, FAILED, ...) or RUNNING
   * @param activityFailures activities that failed for good (retries exhausted or not retryable)
   * @param activityTimeouts activities that timed out for good
   * @param retriedAttempts attempts beyond the first, over all activities that ended
   * @param retryReasons what ended each retried attempt (its failure type, or "unobserved"), counted
   * @param failure the run's failure message when it failed
   */
  record RunFacts(String workflowId, String status, int activityFailures, int activityTimeouts, int retriedAttempts,
      Map<String, Integer> retryReasons, String failure) {}

  RunFacts history(String workflowId) {
    String status = "RUNNING";
    int failed = 0;
    int timedOut = 0;
    int retried = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    String failure = null;
    Map<Long, String> activityIds = new java.util.HashMap<>();
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse r = service.blockingStub().getWorkflowExecutionHistory(
          GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace(namespace)
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
              .setNextPageToken(page).build());
      for (HistoryEvent e : r.getHistory().getEventsList()) {
        events.incrementAndGet();
        String source = "history of " + workflowId + ", event " + e.getEventId() + " " + e.getEventType().name();
        scanner.scan(source + " (raw bytes)", e.toByteArray());
        walk(source, e);
        EventType type = e.getEventType();
        switch (type) {
          case EVENT_TYPE_ACTIVITY_TASK_FAILED -> failed++;
          case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> timedOut++;
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
              activityIds.put(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityId());
          case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
            var started = e.getActivityTaskStartedEventAttributes();
            if (started.getAttempt() > 1) {
              retried += started.getAttempt() - 1;
              Map<Integer, String> seen = attemptEnds.getOrDefault(
                  workflowId + "/" + activityIds.get(started.getScheduledEventId()), Map.of());
              for (int attempt = 1; attempt < started.getAttempt(); attempt++) {
                String why = seen.get(attempt);
                if (why == null && attempt == started.getAttempt() - 1 && started.hasLastFailure()) {
                  why = reason(started.getLastFailure());
                }
                reasons.merge(why == null ? "unobserved" : why, 1, Integer::sum);
              }
            }
          }
          case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> status = "COMPLETED";
          case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> {
            status = "FAILED";
            failure = e.getWorkflowExecutionFailedEventAttributes().getFailure().getMessage();
          }
          case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> status = "TIMED_OUT";
          case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED -> status = "CANCELED";
          case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> status = "TERMINATED";
          default -> { }
        }
      }
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    return new RunFacts(workflowId, status, failed, timedOut, retried, reasons, failure);
  }

  private static String reason(Failure f) {
    if (f.hasApplicationFailureInfo()) {
      return f.getApplicationFailureInfo().getType();
    }
    if (f.hasCanceledFailureInfo()) {
      return "cancelled";
    }
    if (f.hasTimeoutFailureInfo()) {
      return f.getTimeoutFailureInfo().getTimeoutType().name().replace("TIMEOUT_TYPE_", "timeout ").toLowerCase();
    }
    return f.getMessage().isEmpty() ? "unknown" : f.getMessage();
  }

  /** A run in progress: the describe answer, which holds pending activities' heartbeat details. Returns them counted. */
  int describe(String workflowId) {
    DescribeWorkflowExecutionResponse d = service.blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(namespace)
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
    String source = "describe of " + workflowId;
    scanner.scan(source + " (raw bytes)", d.toByteArray());
    walk(source, d);
    int withDetails = 0;
    for (PendingActivityInfo a : d.getPendingActivitiesList()) {
      if (a.hasHeartbeatDetails()) {
        withDetails++;
      }
      if (a.getAttempt() > 1 && a.hasLastFailure()) {
        attemptEnds.computeIfAbsent(workflowId + "/" + a.getActivityId(), k -> new java.util.concurrent.ConcurrentHashMap<>())
            .put(a.getAttempt() - 1, reason(a.getLastFailure()));
      }
    }
    heartbeats.addAndGet(withDetails);
    return withDetails;
  }

  /** Every payload decoded and every failure's text, wherever they sit in the message. */
  private void walk(String source, Message m) {
    if (m instanceof Payload p) {
      payloads.incrementAndGet();
      scanner.scan(source + " (payload, decoded)", decode(p));
      return;
    }
    if (m instanceof Failure f) {
      failures.incrementAndGet();
      scanner.scan(source + " (failure message)", f.getMessage());
      scanner.scan(source + " (failure stack trace)", f.getStackTrace());
    }
    for (Map.Entry<FieldDescriptor, Object> field : m.getAllFields().entrySet()) {
      Object value = field.getValue();
      if (value instanceof Message child) {
        walk(source, child);
      } else if (value instanceof java.util.List<?> list) {
        for (Object item : list) {
          if (item instanceof Message child) {
            walk(source, child);
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Object item : map.values()) {
          if (item instanceof Message child) {
            walk(source, child);
          }
        }
      }
    }
  }

  /** The payload as the data converter reads it (JSON text), else its bytes as text. */
  private String decode(Payload p) {
    try {
      JsonNode json = converter.fromPayload(p, JsonNode.class, JsonNode.class);
      if (json != null) {
        return json.toString();
      }
    } catch (RuntimeException e) {
      // not JSON: scan the bytes as they are
    }
    ByteString data = p.getData();
    return data.toStringUtf8();
  }

  long events() {
    return events.get();
  }

  long payloads() {
    return payloads.get();
  }

  long failures() {
    return failures.get();
  }

  long heartbeatDetails() {
    return heartbeats.get();
  }
}
