package io.vspheretemporal.activities.guest;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.runner.Failures;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.watch.PropertyWatcher;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.guest.GuestActivities;
import io.vspheretemporal.api.guest.GuestWaitRequest;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;

/** Guest waits, each a {@link GuestWait} on the vCenter's shared watcher. */
public final class GuestActivitiesImpl implements GuestActivities {
  private final VCenters vcenters;
  private final RunnerSettings settings;

  public GuestActivitiesImpl(VCenters vcenters, RunnerSettings settings) {
    this.vcenters = vcenters;
    this.settings = settings;
  }

  @Override
  public void waitForTools(GuestWaitRequest request) {
    await(GuestFact.TOOLS, request);
  }

  @Override
  public String waitForIp(GuestWaitRequest request) {
    return await(GuestFact.IP, request);
  }

  private String await(GuestFact fact, GuestWaitRequest request) {
    check(fact, request);
    VCenterSession session;
    PropertyWatcher watcher;
    try {
      session = vcenters.session(request.vm().vcenter());
      watcher = vcenters.watcher(request.vm().vcenter());
    } catch (VCenterException e) {
      throw Failures.fromSession(e);
    }
    GuestWait wait = new GuestWait(Activity.getExecutionContext(), settings.heartbeatInterval(), fact, request.vm(),
        Duration.ofSeconds(request.timeoutSeconds()));
    try {
      return wait.run(watcher);
    } catch (RemoteException e) {
      throw Failures.fromCall(fact.operation(), request.vm().label(), session, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(fact.operation() + " interrupted (the worker is stopping)", "Interrupted");
    }
  }

  private static void check(GuestFact fact, GuestWaitRequest request) {
    Checks checks = new Checks();
    if (request == null) {
      checks.problem("the request is required: the VM and timeoutSeconds");
    } else {
      checks.ref("vm", request.vm(), MoRef.VIRTUAL_MACHINE);
      if (request.timeoutSeconds() <= 0) {
        checks.problem("timeoutSeconds must be at least 1 (how long to wait for " + fact.waitingFor()
            + "), got " + request.timeoutSeconds());
      }
    }
    List<String> problems = checks.problems();
    if (!problems.isEmpty()) {
      throw Failures.invalidRequest(fact.operation(), problems);
    }
  }
}
