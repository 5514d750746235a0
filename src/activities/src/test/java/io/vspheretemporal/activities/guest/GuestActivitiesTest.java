package io.vspheretemporal.activities.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.VSphereActivities;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.guest.GuestActivities;
import io.vspheretemporal.api.guest.GuestProgress;
import io.vspheretemporal.api.guest.GuestWaitRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim(guestDelayMillis = 1500, taskMillis = 500)
class GuestActivitiesTest {
  static VCenters vcenters;
  static TaskRunner runner;

  TestActivityEnvironment env;
  TestActivityEnvironment vmEnv;
  VmActivities vms;
  GuestActivities guest;
  final List<GuestProgress> beats = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void connect(Simulator sim) {
    vcenters = SimVCenter.vcenters(sim, SessionListener.NONE);
    runner = new TaskRunner(vcenters, SecretResolver.none(),
        new RunnerSettings(Duration.ofMillis(200), Duration.ofSeconds(30)), TaskListener.NONE);
  }

  @AfterAll
  static void close() {
    vcenters.close();
  }

  @BeforeEach
  void start() {
    ActivityOptions options = ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(2))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(VSphereActivities.implementations(runner).toArray());
    env.setActivityHeartbeatListener(GuestProgress.class, beats::add);
    guest = env.newActivityStub(GuestActivities.class, options);
    // Power operations heartbeat TaskProgress: a second environment keeps them away from the GuestProgress listener.
    vmEnv = TestActivityEnvironment.newInstance();
    vmEnv.registerActivitiesImplementations(VSphereActivities.implementations(runner).toArray());
    vms = vmEnv.newActivityStub(VmActivities.class, options);
  }

  @AfterEach
  void stop() {
    env.close();
    vmEnv.close();
  }

  @Test
  void waitForIpReturnsTheAddressTheGuestReportsAfterPowerOn(Simulator sim) {
    MoRef vm = new SimRefs(sim).vm("DC0_C0_RP0_VM0");
    vms.powerOffVm(vm);
    vms.powerOnVm(vm);
    long started = System.nanoTime();

    String ip = guest.waitForIp(new GuestWaitRequest(vm, 30));

    assertThat(ip).isNotNull().isEqualTo(sim.control().vm(vm.name()).orElseThrow().ipAddress());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the guest delay")
        .isGreaterThan(Duration.ofMillis(900));
    assertThat(beats).isNotEmpty().allSatisfy(b -> {
      assertThat(b.vm()).isEqualTo(vm.name());
      assertThat(b.waitingFor()).isEqualTo("an IPv4 address");
      assertThat(b.ipAddress()).isNull();
    });
    assertThat(beats.get(0).toolsRunningStatus()).isEqualTo("guestToolsNotRunning");
    assertThat(vcenters.watcher(SimVCenter.NAME).watchCount()).as("the watch is closed").isZero();
  }

  @Test
  void waitForToolsReturnsOnceToolsRun(Simulator sim) {
    MoRef vm = new SimRefs(sim).vm("DC0_C0_RP0_VM1");
    vms.powerOffVm(vm);
    vms.powerOnVm(vm);
    assertThat(sim.control().vm(vm.name()).orElseThrow().toolsRunningStatus()).isEqualTo("guestToolsNotRunning");

    guest.waitForTools(new GuestWaitRequest(vm, 30));

    assertThat(sim.control().vm(vm.name()).orElseThrow().toolsRunningStatus()).isEqualTo("guestToolsRunning");
    assertThat(beats).isNotEmpty().allSatisfy(b -> assertThat(b.waitingFor()).isEqualTo("VMware Tools running"));
  }

  @Test
  void aPoweredOffVmTimesOutSayingWhatItLastSaw(Simulator sim) {
    MoRef vm = new SimRefs(sim).vm("DC0_H0_VM0");
    vms.powerOffVm(vm);
    long started = System.nanoTime();

    ApplicationFailure f = failure(() -> guest.waitForIp(new GuestWaitRequest(vm, 2)));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(4));
    assertThat(f.getType()).isEqualTo(FailureTypes.GUEST_TIMEOUT);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("DC0_H0_VM0", "an IPv4 address", "within 2 s", "poweredOff",
        "guestToolsNotRunning", "no IP address");
    assertThat(vcenters.watcher(SimVCenter.NAME).watchCount()).isZero();
  }

  @Test
  void aWaitLongPollsAndEndsPromptlyWhenCancelled(Simulator sim) throws Exception {
    MoRef vm = new SimRefs(sim).vm("DC0_H0_VM1");
    vms.powerOffVm(vm);
    sim.control().resetCounters();

    CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> guest.waitForIp(new GuestWaitRequest(vm, 60)));
    Thread.sleep(3000);

    Counters counters = sim.control().counters();
    assertThat(waiting).isNotDone();
    assertThat(counters.calls("WaitForUpdatesEx")).as("the watcher's long poll").isBetween(1L, 10L);
    assertThat(counters.calls("RetrievePropertiesEx")).as("no property polling").isLessThan(5);
    assertThat(beats).isNotEmpty().allSatisfy(b -> assertThat(b.ipAddress()).isNull());
    assertThat(beats).extracting(GuestProgress::waitedSeconds).isSorted().last().isIn(1L, 2L, 3L);

    long cancelled = System.nanoTime();
    env.requestCancelActivity();
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));

    assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(4));
    // The test environment reports an activity that ended cancelled as a CanceledFailure.
    assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
    assertThat(vcenters.watcher(SimVCenter.NAME).watchCount()).isZero();
  }

  @Test
  void aVmThatDoesNotExistIsNotFound() {
    MoRef unknown = MoRef.of(SimVCenter.NAME, MoRef.VIRTUAL_MACHINE, "vm-999999");

    ApplicationFailure f = failure(() -> guest.waitForTools(new GuestWaitRequest(unknown, 5)));

    assertThat(f.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("vm-999999", "vCenter 'sim'");
  }

  @Test
  void aTimeoutBelowOneSecondOrAnotherKindOfObjectIsRejected(Simulator sim) {
    ApplicationFailure zero = failure(() -> guest.waitForIp(new GuestWaitRequest(new SimRefs(sim).vm("DC0_H0_VM0"), 0)));
    assertThat(zero.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(zero.isNonRetryable()).isTrue();
    assertThat(zero.getOriginalMessage()).contains("WaitForGuestIp", "timeoutSeconds must be at least 1", "got 0");

    ApplicationFailure host = failure(() -> guest.waitForTools(new GuestWaitRequest(new SimRefs(sim).host("DC0_H0"), 5)));
    assertThat(host.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(host.getOriginalMessage()).contains("vm must be a VirtualMachine");
  }

  @Test
  void anUnknownVCenterIsRejected() {
    MoRef elsewhere = MoRef.of("nope", MoRef.VIRTUAL_MACHINE, "vm-1");

    ApplicationFailure f = failure(() -> guest.waitForIp(new GuestWaitRequest(elsewhere, 5)));

    assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_VCENTER);
    assertThat(f.isNonRetryable()).isTrue();
  }

  static ApplicationFailure failure(Runnable call) {
    ActivityFailure f = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(f).as("the call should fail").isNotNull();
    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) f.getCause();
  }
}
