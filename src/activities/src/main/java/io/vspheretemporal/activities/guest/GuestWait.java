package io.vspheretemporal.activities.guest;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.CancellationToken;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.runner.Failures;
import io.vspheretemporal.activities.session.VimFaultException;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.activities.watch.ObjectState;
import io.vspheretemporal.activities.watch.PropertyWatcher;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.guest.GuestProgress;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a guest wait. The VM's guest properties arrive through the vCenter's
 * {@link PropertyWatcher} (its one shared long poll), so waiting costs a filter, not a poll per VM.
 * Heartbeats a {@link GuestProgress} on every change and at least once per interval, which is also
 * how a cancellation arrives (the heartbeat throws it); a cancellation request wakes the wait at once.
 */
final class GuestWait {
  private static final Logger log = LoggerFactory.getLogger(GuestWait.class);

  private final ActivityExecutionContext activity;
  private final Duration interval;
  private final GuestFact fact;
  private final MoRef vm;
  private final Duration timeout;
  private final long started = System.nanoTime();
  private GuestProgress lastReported;
  private long lastHeartbeat;

  GuestWait(ActivityExecutionContext activity, Duration interval, GuestFact fact, MoRef vm, Duration timeout) {
    this.activity = activity;
    this.interval = interval;
    this.fact = fact;
    this.vm = vm;
    this.timeout = timeout;
  }

  /** The value showing the fact holds (tools status, IP address); throws on timeout, a vanished VM or cancellation. */
  String run(PropertyWatcher watcher) throws RemoteException, InterruptedException {
    long deadline = started + timeout.toNanos();
    PropertyWatcher.Watch watch;
    try {
      watch = watcher.watch(Refs.vim(vm), GuestFacts.PATHS);
    } catch (VimFaultException e) {
      if (e.is("ManagedObjectNotFound")) {
        throw gone();
      }
      throw e;
    }
    CancellationToken<ActivityCanceledException> token = activity.getCancellationToken();
    try (watch; CancellationToken.Registration wake = token.onCancel(watch.state()::poke)) {
      GuestFacts facts = GuestFacts.UNKNOWN;
      long seen = 0;
      while (true) {
        ObjectState state = watch.state().awaitNewer(seen, nextWait(deadline));
        if (state != null) {
          if (state.gone()) {
            throw gone();
          }
          seen = state.sequence();
          facts = GuestFacts.of(state);
          String value = fact.reached(facts);
          if (value != null) {
            return value;
          }
        }
        report(facts, token.isCancellationRequested());
        if (System.nanoTime() >= deadline) {
          throw timedOut(facts);
        }
      }
    }
  }

  private Duration nextWait(long deadline) {
    long left = Math.max(0, deadline - System.nanoTime());
    return Duration.ofNanos(Math.min(interval.toNanos(), left));
  }

  /** Heartbeats on a change of what the guest reports, a pending cancellation, or when the interval has passed. */
  private void report(GuestFacts facts, boolean cancelPending) {
    GuestProgress now = new GuestProgress(vm.label(), fact.waitingFor(), facts.toolsRunningStatus(),
        facts.ipAddress(), (System.nanoTime() - started) / 1_000_000_000);
    boolean changed = lastReported == null
        || !Objects.equals(lastReported.toolsRunningStatus(), now.toolsRunningStatus())
        || !Objects.equals(lastReported.ipAddress(), now.ipAddress());
    boolean due = System.nanoTime() - lastHeartbeat >= interval.toNanos();
    if (!changed && !due && !cancelPending) {
      return;
    }
    try {
      activity.heartbeat(now);
    } catch (ActivityCanceledException e) {
      if (Failures.heartbeatsTimedOut(e)) {
        throw Failures.temporalUnreachable(fact.operation() + " on " + label());
      }
      log.info("{} on {}: the workflow cancelled the wait after {} s", fact.operation(), label(), now.waitedSeconds());
      throw e;
    }
    lastHeartbeat = System.nanoTime();
    lastReported = now;
  }

  private ApplicationFailure timedOut(GuestFacts facts) {
    return Failures.nonRetryable(FailureTypes.GUEST_TIMEOUT, fact.operation() + ": " + label() + " on vCenter '"
        + vm.vcenter() + "' did not report " + fact.waitingFor() + " within " + timeout.toSeconds()
        + " s (last seen: " + facts.describe() + "). Check that the VM is powered on and VMware Tools runs in"
        + " the guest, or allow a longer timeoutSeconds.");
  }

  private ApplicationFailure gone() {
    return Failures.nonRetryable(FailureTypes.NOT_FOUND, fact.operation() + ": VM " + label()
        + " does not exist (any more) on vCenter '" + vm.vcenter() + "'; nothing to wait for");
  }

  private String label() {
    return vm.name() == null ? vm.value() : vm.name() + " (" + vm.value() + ")";
  }
}
