package io.vspheretemporal.api.guest;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Waits on what VMware Tools reports, long-polling the VM's guest properties and heartbeating. */
@ActivityInterface
public interface GuestActivities {

  /** Returns once VMware Tools runs in the guest. */
  @ActivityMethod(name = "WaitForGuestTools")
  void waitForTools(GuestWaitRequest request);

  /** Returns the guest's IP address once it reports one. */
  @ActivityMethod(name = "WaitForGuestIp")
  String waitForIp(GuestWaitRequest request);
}
