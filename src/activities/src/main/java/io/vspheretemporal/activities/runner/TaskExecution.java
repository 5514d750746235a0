package io.vspheretemporal.activities.runner;

import com.vmware.vim25.ManagedObjectReference;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.CancellationToken;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.session.VimTransportException;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.activities.watch.TaskWatch;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one task step:
 * <ol>
 *   <li>re-attach to the task an earlier attempt recorded in its heartbeat; if none was recorded or
 *       vSphere forgot it, find it among recent tasks by the step's key, else ask the operation's
 *       probe whether the work is done before submitting (never twice);
 *   <li>submit with the step's key as operationID and heartbeat the task reference at once;
 *   <li>watch the task and heartbeat its state on every change (progress at most once per
 *       interval, and at least once per interval);
 *   <li>on cancellation, CancelTask once if vSphere says the task is cancelable, and wait for the
 *       task to end either way (a task that still succeeds reports its result, for undoing);
 *   <li>map an error to a typed failure with vSphere's message.
 * </ol>
 */
final class TaskExecution<Q, R> {
  private static final Logger log = LoggerFactory.getLogger(TaskExecution.class);
  private static final int MAX_RECOVERIES = 3;

  private final TaskRunner runner;
  private final Operation<Q, R> op;
  private final Q request;
  private final ActivityExecutionContext activity;
  private final ActivityInfo info;
  private final ProgressSignals.Sender signals;
  private MoRef target;
  private VCenterSession session;
  private OperationContext ctx;

  private ManagedObjectReference task;
  private TaskProgress lastReported;
  private long lastHeartbeat;
  private ActivityCanceledException cancellation;
  private boolean cancelSent;
  private long cancelDeadline;

  TaskExecution(TaskRunner runner, Operation<Q, R> op, Q request, ActivityExecutionContext activity) {
    this.runner = runner;
    this.op = op;
    this.request = request;
    this.activity = activity;
    this.info = activity.getInfo();
    this.signals = runner.progressSignals.sender(activity);
  }

  R run() {
    List<String> problems = op.validate().apply(request);
    if (!problems.isEmpty()) {
      throw Failures.invalidRequest(op.name(), problems);
    }
    target = op.target().apply(request);
    try {
      session = runner.vcenters.session(target.vcenter());
    } catch (VCenterException e) {
      throw Failures.fromSession(e);
    }
    ctx = new OperationContext(session, runner.secrets, OperationKeys.of(info, op.name()));
    long started = System.nanoTime();
    String outcome = "error";
    runner.listener.started(session.name(), op.name());
    try {
      R result = execute();
      outcome = "success";
      return result;
    } catch (ActivityCanceledException e) {
      outcome = "cancelled";
      throw e;
    } catch (VCenterException e) {
      throw Failures.fromSession(e);
    } catch (VimTransportException e) {
      throw Failures.fromSession(session.transportFailure(e));
    } catch (VimFaultException e) {
      throw Failures.fromFault(op.name(), target.label(), e);
    } catch (RemoteException e) {
      throw ApplicationFailure.newFailure(op.name() + " on " + target.label() + ": " + e.getMessage(),
          FailureTypes.VCENTER_UNREACHABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(op.name() + " interrupted (the worker is stopping)", "Interrupted");
    } finally {
      runner.listener.finished(session.name(), op.name(), outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private R execute() throws RemoteException, InterruptedException {
    TaskProgress prior = activity.getHeartbeatDetails(TaskProgress.class).orElse(null);
    Step step;
    if (prior != null && prior.task() != null) {
      log.info("{} on {}: attempt {} re-attaches to {}", op.name(), target.label(), info.getAttempt(), prior.task().value());
      step = Step.inherit(Refs.vim(prior.task()));
    } else if (info.getAttempt() > 1 || prior != null) {
      step = recover("attempt " + info.getAttempt() + " has no task reference from the earlier attempt");
    } else {
      step = Step.await(submit());
    }
    for (int recoveries = 0; ; recoveries++) {
      if (step.done()) {
        return op.result().from(ctx, request, step.vimResult());
      }
      TaskSnapshot end = await(step.task());
      if (end != null && !end.succeeded() && step.inherited() && cancellation == null) {
        // An earlier attempt's task failed, which is why this attempt runs: retrying the step
        // means running the operation again (the failed task did not do it).
        log.info("{} on {}: the earlier attempt's task {} failed ({}); starting the operation again",
            op.name(), target.label(), step.task().getVal(), end.faultType());
        step = Step.await(submit());
        continue;
      }
      if (end != null) {
        return finish(end);
      }
      if (recoveries == MAX_RECOVERIES) {
        throw Failures.nonRetryable(FailureTypes.TASK_LOST, op.name() + " on " + target.label()
            + ": vSphere lost the task " + MAX_RECOVERIES + " times in a row; check the vCenter and run the step again");
      }
      step = recover("vSphere no longer knows task " + step.task().getVal());
    }
  }

  /**
   * Either a task to wait for (submitted by this attempt, or {@code inherited} from an earlier
   * one), or work a probe found already done.
   */
  private record Step(ManagedObjectReference task, boolean inherited, boolean done, Object vimResult) {
    static Step await(ManagedObjectReference task) {
      return new Step(task, false, false, null);
    }

    static Step inherit(ManagedObjectReference task) {
      return new Step(task, true, false, null);
    }

    static Step done(Object vimResult) {
      return new Step(null, false, true, vimResult);
    }
  }

  /** Finds the step's task or work when its task reference is lost; submits only if neither exists. */
  private Step recover(String why) throws RemoteException {
    var recent = RecentTasks.find(session, ctx.operationKey());
    if (recent.isPresent()) {
      log.info("{} on {}: {}; found its task {} among recent tasks", op.name(), target.label(), why, recent.get().getVal());
      return Step.inherit(recent.get());
    }
    ProbeResult probe = op.probe().probe(ctx, request);
    return switch (probe) {
      case ProbeResult.Done d -> {
        log.info("{} on {}: {}; its work is already done", op.name(), target.label(), why);
        yield Step.done(d.vimResult());
      }
      case ProbeResult.NotDone n -> {
        log.info("{} on {}: {}; its work was not done, submitting", op.name(), target.label(), why);
        yield Step.await(submit());
      }
      case ProbeResult.Unknown u -> throw Failures.nonRetryable(FailureTypes.TASK_LOST, op.name() + " on "
          + target.label() + ": " + why + ", and nothing tells whether its work happened (" + u.why()
          + "). It was not started again; check " + target.label() + " and run the step again if needed.");
    };
  }

  private ManagedObjectReference submit() throws RemoteException {
    ManagedObjectReference ref = session.submit(ctx.operationKey(), op.submit().call(ctx, request));
    task = ref;
    log.debug("{} on {}: submitted as {}", op.name(), target.label(), ref.getVal());
    runner.listener.submitted(session.name(), op.name(), ref.getVal());
    heartbeat(progress(null));
    return ref;
  }

  /** Watches the task until it ends (its last state) or vSphere forgets it (null). */
  private TaskSnapshot await(ManagedObjectReference ref) throws RemoteException, InterruptedException {
    task = ref;
    TaskWatch watch;
    try {
      watch = TaskWatch.of(runner.vcenters.watcher(session.name()), ref);
    } catch (VimFaultException e) {
      if (e.is("ManagedObjectNotFound")) {
        return null;
      }
      throw e;
    }
    CancellationToken<ActivityCanceledException> token = activity.getCancellationToken();
    TaskWatch[] current = {watch};
    CancellationToken.Registration wakeOnCancel = token.onCancel(() -> current[0].wake());
    try {
      TaskSnapshot last = null;
      Duration interval = runner.settings.heartbeatInterval();
      while (true) {
        TaskWatch.Outcome o = watch.next(interval);
        if (o.gone()) {
          return null;
        }
        if (o.unreadable() != null) {
          log.warn("{} on {}: cannot parse task {}'s info ({}); following its plain fields",
              op.name(), target.label(), ref.getVal(), o.unreadable());
          watch.close();
          watch = TaskWatch.plain(runner.vcenters.watcher(session.name()), ref);
          current[0] = watch;
          continue;
        }
        if (o.snapshot() != null) {
          last = o.snapshot();
        }
        if (last != null && last.done()) {
          // No heartbeat for the end: the activity's completion carries it, and a heartbeat RPC
          // first would only delay the workflow learning of it.
          if (last.completeTime() != null && o.changed()) {
            Duration lag = Duration.between(last.completeTime(), java.time.Instant.now());
            runner.listener.detected(session.name(), op.name(), lag.isNegative() ? Duration.ZERO : lag);
          }
          return last;
        }
        report(last, token.isCancellationRequested());
        if (last == null) {
          continue;
        }
        if (cancellation != null && !cancelSent && last.cancellable()) {
          cancelTask(ref);
        }
        if (cancellation != null && System.nanoTime() > cancelDeadline) {
          log.warn("{} on {}: task {} did not end within {} of the cancellation; reporting it cancelled",
              op.name(), target.label(), ref.getVal(), runner.settings.cancelWaitLimit());
          throw cancellation;
        }
      }
    } finally {
      wakeOnCancel.close();
      watch.close();
    }
  }

  /** Heartbeats on a state change, a new cancellation request, or when the interval has passed. */
  private void report(TaskSnapshot snapshot, boolean cancelPending) {
    TaskProgress now = progress(snapshot);
    boolean stateChanged = lastReported == null
        || !Objects.equals(lastReported.state(), now.state())
        || lastReported.cancelRequested() != now.cancelRequested();
    boolean due = System.nanoTime() - lastHeartbeat >= runner.settings.heartbeatInterval().toNanos();
    if (stateChanged || due || (cancelPending && cancellation == null)) {
      heartbeat(now);
    }
  }

  private void heartbeat(TaskProgress p) {
    try {
      activity.heartbeat(p);
    } catch (ActivityCanceledException e) {
      if (Failures.heartbeatsTimedOut(e)) {
        // Not a cancellation: Temporal was out of reach. Cancelling the task now would make the
        // next attempt find it cancelled and run the operation a second time.
        log.warn("{} on {}: heartbeats have not reached Temporal for longer than the heartbeat timeout; leaving"
            + " task {} running for the next attempt", op.name(), target.label(), task == null ? "-" : task.getVal());
        throw Failures.temporalUnreachable(op.name() + " on " + target.label()
            + (task == null ? "" : " (task " + task.getVal() + ")"));
      }
      if (cancellation == null) {
        cancellation = e;
        cancelDeadline = System.nanoTime() + runner.settings.cancelWaitLimit().toNanos();
        log.info("{} on {}: the workflow cancelled this step", op.name(), target.label());
      }
    } catch (ActivityCompletionException e) {
      // The worker is shutting down or the activity is gone: leave the task to the next attempt,
      // which re-attaches to it from the heartbeat already recorded.
      throw e;
    }
    lastHeartbeat = System.nanoTime();
    lastReported = p;
    signals.send(p);
  }

  private void cancelTask(ManagedObjectReference ref) throws RemoteException {
    try {
      session.call((p, c) -> {
        p.cancelTask(ref);
        return null;
      });
      log.info("{} on {}: asked vSphere to cancel task {}", op.name(), target.label(), ref.getVal());
      cancelSent = true;
    } catch (VimFaultException e) {
      // NotSupported or InvalidState: vSphere will not cancel it now; wait for it to end.
      log.info("{} on {}: vSphere declined to cancel task {} ({}); waiting for it to end",
          op.name(), target.label(), ref.getVal(), e.faultType());
      cancelSent = true;
    } catch (VimTransportException e) {
      log.warn("{} on {}: CancelTask did not reach vSphere ({}); will try again", op.name(), target.label(), e.getMessage());
    }
    heartbeat(progress(null));
  }

  private R finish(TaskSnapshot end) {
    if (end.succeeded()) {
      return op.result().from(ctx, request, end.result());
    }
    if ("RequestCanceled".equals(end.faultType()) && cancellation != null) {
      throw cancellation;
    }
    throw Failures.fromTask(op.name(), target.label(), taskRef(), end);
  }

  private MoRef taskRef() {
    return task == null ? null : MoRef.of(session.name(), MoRef.TASK, task.getVal());
  }

  private TaskProgress progress(TaskSnapshot s) {
    String state = s != null ? s.state() : lastReported != null ? lastReported.state() : "queued";
    Integer pct = s != null ? s.progress() : lastReported != null ? lastReported.progress() : null;
    String description = s != null ? s.description() : lastReported != null ? lastReported.description() : null;
    return new TaskProgress(op.name(), target.label(), taskRef(), state, pct, description,
        cancelSent || cancellation != null, info.getAttempt(), ctx.operationKey());
  }
}
