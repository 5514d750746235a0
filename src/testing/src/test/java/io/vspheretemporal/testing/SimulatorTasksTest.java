package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.CustomizationAdapterMapping;
import com.vmware.vim25.CustomizationFixedIp;
import com.vmware.vim25.CustomizationFixedName;
import com.vmware.vim25.CustomizationGlobalIPSettings;
import com.vmware.vim25.CustomizationIPSettings;
import com.vmware.vim25.CustomizationLinuxPrep;
import com.vmware.vim25.CustomizationSpec;
import com.vmware.vim25.DuplicateName;
import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.InvalidState;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.NotSupported;
import com.vmware.vim25.RequestCanceled;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.VirtualMachineCloneSpec;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachineFileInfo;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimVm;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator behaves like a vCenter where our product depends on it (issue 2). */
@VcSim(taskMillis = 2000, guestDelayMillis = 300)
class SimulatorTasksTest {
  static final String SOURCE = "DC0/vm/DC0_C0_RP0_VM0";

  @Test
  void logsInAndOut(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    assertThat(vim.si.getSessionManager().getCurrentSession().getUserName()).isEqualTo(sim.username());
    vim.port.logout(vim.si.getServiceContent().getSessionManager());
    assertThatThrownBy(() -> vim.port.currentTime(vim.si.getMOR())).isInstanceOf(NotAuthenticated.class);

    assertThatThrownBy(() -> new com.vmware.vim25.mo.ServiceInstance(
        new URL(sim.sdkUrl().toString()), sim.username(), "wrong-" + sim.password(), false))
        .isInstanceOf(InvalidLogin.class);
  }

  @Test
  void cloneRunsAsynchronouslyWithRisingProgressThenReturnsTheNewVm(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference task = clone(vim, "async-clone", null);
    TaskInfo first = vim.info(task);
    assertThat(first.getState()).isIn(TaskInfoState.queued, TaskInfoState.running);

    List<TaskInfo> history;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      history = watch.untilDone(1).get(task.getVal());
    }
    List<Integer> progress = history.stream().map(TaskInfo::getProgress)
        .filter(p -> p != null && p < 100).distinct().toList();
    assertThat(progress).hasSizeGreaterThanOrEqualTo(5).isSorted();
    TaskInfo last = history.get(history.size() - 1);
    assertThat(last.getState()).isEqualTo(TaskInfoState.success);
    assertThat(last.getResult()).isInstanceOf(ManagedObjectReference.class);
    ManagedObjectReference vm = (ManagedObjectReference) last.getResult();
    assertThat(vm.getType()).isEqualTo("VirtualMachine");
    assertThat(sim.control().vm("async-clone")).map(SimVm::ref).contains(vm.getVal());
    assertThat(last.getName()).isEqualTo("CloneVM_Task");
    assertThat(last.getDescriptionId()).isEqualTo("VirtualMachine.clone");
    assertThat(last.isCancelable()).isTrue();
    assertThat(last.isCancelled()).isFalse();
    assertThat(last.getStartTime()).isNotNull();
    assertThat(last.getCompleteTime().after(last.getStartTime())).isTrue();
    assertThat(last.getEventChainId()).isPositive();
    assertThat(last.getEntityName()).isEqualTo("DC0_C0_RP0_VM0");
  }

  @Test
  void cancellingARunningCloneEndsInRequestCanceledAndLeavesNoClone(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference task = clone(vim, "cancelled-clone", null);
    awaitProgress(vim, task, 20);
    vim.port.cancelTask(task);

    TaskInfo last;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      List<TaskInfo> history = watch.untilDone(1).get(task.getVal());
      last = history.get(history.size() - 1);
    }
    assertThat(last.getState()).isEqualTo(TaskInfoState.error);
    assertThat(last.isCancelled()).isTrue();
    assertThat(last.getError().getFault()).isInstanceOf(RequestCanceled.class);
    Thread.sleep(2500); // past the clone's full duration: its effect must never appear
    assertThat(sim.control().vm("cancelled-clone")).isEmpty();
    assertThat(sim.control().counters().calls("CancelTask")).isEqualTo(1);
  }

  @Test
  void createVmRefusesCancellationAndStillSucceeds(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
    config.setName("created-vm");
    config.setGuestId("otherGuest64");
    config.setNumCPUs(2);
    config.setMemoryMB(2048L);
    VirtualMachineFileInfo files = new VirtualMachineFileInfo();
    files.setVmPathName("[LocalDS_0] created-vm");
    config.setFiles(files);
    ManagedObjectReference task = vim.port.createVM_Task(vim.find("DC0/vm"), config,
        vim.find("DC0/host/DC0_C0/Resources"), null);
    awaitProgress(vim, task, 10);

    assertThatThrownBy(() -> vim.port.cancelTask(task)).isInstanceOf(NotSupported.class);

    TaskInfo last;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      List<TaskInfo> history = watch.untilDone(1).get(task.getVal());
      last = history.get(history.size() - 1);
    }
    assertThat(last.getState()).isEqualTo(TaskInfoState.success);
    assertThat(last.isCancelable()).isFalse();
    assertThat(sim.control().vm("created-vm")).isPresent();
    assertThatThrownBy(() -> vim.port.cancelTask(task)).isInstanceOf(InvalidState.class);
  }

  @Test
  void anInjectedFaultEndsTheTaskInErrorWithVSpheresMessage(Simulator sim) throws Exception {
    sim.control().injectFault("CloneVM_Task", "DuplicateName", 1);
    Vim vim = Vim.login(sim);
    ManagedObjectReference failing = clone(vim, "dup-1", null);
    TaskInfo last;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(failing)) {
      List<TaskInfo> history = watch.untilDone(1).get(failing.getVal());
      last = history.get(history.size() - 1);
    }
    assertThat(last.getState()).isEqualTo(TaskInfoState.error);
    assertThat(last.getError().getFault()).isInstanceOf(DuplicateName.class);
    assertThat(((DuplicateName) last.getError().getFault()).getName()).isEqualTo("dup-1");
    assertThat(last.getError().getLocalizedMessage()).isEqualTo("The name 'dup-1' already exists.");
    assertThat(sim.control().vm("dup-1")).isEmpty();

    // The rule was for one call only.
    ManagedObjectReference next = clone(vim, "dup-2", null);
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(next)) {
      List<TaskInfo> history = watch.untilDone(1).get(next.getVal());
      assertThat(history.get(history.size() - 1).getState()).isEqualTo(TaskInfoState.success);
    }
  }

  @Test
  void anInjectedFaultOnAnOrdinaryMethodIsASoapFault(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    sim.control().injectFault("CurrentTime", "NoPermission", 2);
    assertThatThrownBy(() -> vim.si.currentTime()).isInstanceOf(com.vmware.vim25.NoPermission.class)
        .hasMessageContaining("Permission to perform this operation was denied.");
    assertThatThrownBy(() -> vim.si.currentTime()).isInstanceOf(com.vmware.vim25.NoPermission.class);
    assertThat(vim.si.currentTime()).isNotNull();
  }

  @Test
  void expiredSessionsGetNotAuthenticatedEvenInALongPoll(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference task = clone(vim, "expiry-clone", null);
    Vim.TaskWatch watch = vim.new TaskWatch().watch(task);
    assertThat(sim.control().expireSessions()).isGreaterThanOrEqualTo(1);
    assertThatThrownBy(() -> watch.untilDone(1)).isInstanceOf(NotAuthenticated.class);
    assertThatThrownBy(() -> vim.si.currentTime()).isInstanceOf(NotAuthenticated.class);

    // A new login sees the task run on: sessions end, tasks do not.
    Vim again = Vim.login(sim);
    try (Vim.TaskWatch second = again.new TaskWatch().watch(task)) {
      List<TaskInfo> history = second.untilDone(1).get(task.getVal());
      assertThat(history.get(history.size() - 1).getState()).isEqualTo(TaskInfoState.success);
    }
  }

  @Test
  void countersCountCallsTasksAndLongPolls(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    sim.control().resetCounters();
    ManagedObjectReference task = clone(vim, "counted-clone", null);
    int polls;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      watch.untilDone(1);
      polls = watch.polls;
    }
    Counters counters = sim.control().counters();
    assertThat(counters.calls("CloneVM_Task")).isEqualTo(1);
    assertThat(counters.tasks().created("CloneVM_Task")).isEqualTo(1);
    assertThat(counters.calls("WaitForUpdatesEx")).isEqualTo(polls);
    assertThat(counters.calls("CreateFilter")).isEqualTo(1);
    assertThat(counters.peakLongPollsInFlight()).isEqualTo(1);
    assertThat(counters.peakSoapConnections()).isGreaterThanOrEqualTo(1);

    Counters reset = sim.control().resetCounters();
    assertThat(reset.totalCalls()).isZero();
  }

  @Test
  void aPoweredOnGuestReportsToolsAndItsCustomizedAddressUntilPoweredOff(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    CustomizationSpec custom = new CustomizationSpec();
    CustomizationLinuxPrep prep = new CustomizationLinuxPrep();
    CustomizationFixedName host = new CustomizationFixedName();
    host.setName("web-07");
    prep.setHostName(host);
    prep.setDomain("example.test");
    custom.setIdentity(prep);
    custom.setGlobalIPSettings(new CustomizationGlobalIPSettings());
    CustomizationIPSettings ip = new CustomizationIPSettings();
    CustomizationFixedIp fixed = new CustomizationFixedIp();
    fixed.setIpAddress("192.0.2.17");
    ip.setIp(fixed);
    ip.setSubnetMask("255.255.255.0");
    CustomizationAdapterMapping nic = new CustomizationAdapterMapping();
    nic.setAdapter(ip);
    custom.setNicSettingMap(new CustomizationAdapterMapping[] {nic});

    ManagedObjectReference task = clone(vim, "guest-clone", custom);
    ManagedObjectReference vm;
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      List<TaskInfo> history = watch.untilDone(1).get(task.getVal());
      vm = (ManagedObjectReference) history.get(history.size() - 1).getResult();
    }
    assertThat(sim.control().vm("guest-clone").orElseThrow().powerState()).isEqualTo("poweredOn");
    SimVm up = awaitVm(sim, "guest-clone", v -> "192.0.2.17".equals(v.ipAddress()));
    assertThat(up.toolsRunningStatus()).isEqualTo("guestToolsRunning");

    ManagedObjectReference off = vim.port.powerOffVM_Task(vm);
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(off)) {
      watch.untilDone(1);
    }
    SimVm down = sim.control().vm("guest-clone").orElseThrow();
    assertThat(down.powerState()).isEqualTo("poweredOff");
    assertThat(down.ipAddress()).isNull();
    assertThat(down.toolsRunningStatus()).isEqualTo("guestToolsNotRunning");
  }

  @Test
  void outagesRefuseOrDropConnectionsForTheirPeriodOnly(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    sim.control().outage("drop", Duration.ofMillis(1500));
    assertThatThrownBy(() -> vim.si.currentTime()).hasRootCauseInstanceOf(java.io.IOException.class);
    Thread.sleep(1700);
    assertThat(vim.si.currentTime()).isNotNull();

    sim.control().outage("refuse", Duration.ofMillis(1500));
    assertThatThrownBy(() -> vim.si.currentTime()).hasRootCauseInstanceOf(java.net.ConnectException.class);
    Thread.sleep(1800);
    assertThat(vim.si.currentTime()).isNotNull();
  }

  @Test
  void aRestartForgetsTasksAndSessionsAndAbortsWhatWasRunning(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference aborted = clone(vim, "restart-aborted", null);
    awaitProgress(vim, aborted, 10);
    Map<String, Integer> restart = sim.control().restart(false, Duration.ZERO);
    assertThat(restart.get("forgottenTasks")).isGreaterThanOrEqualTo(1);
    assertThat(restart).containsEntry("workLost.CloneVM_Task", 1);
    assertThatThrownBy(() -> vim.si.currentTime()).isInstanceOf(NotAuthenticated.class);
    Vim again = Vim.login(sim);
    assertThatThrownBy(() -> again.info(aborted)).isInstanceOf(com.vmware.vim25.ManagedObjectNotFound.class);
    Thread.sleep(2500);
    assertThat(sim.control().vm("restart-aborted")).isEmpty();

    ManagedObjectReference finished = clone(again, "restart-finished", null);
    awaitProgress(again, finished, 10);
    assertThat(sim.control().restart(true, Duration.ZERO)).doesNotContainKey("workLost.CloneVM_Task");
    assertThat(sim.control().vm("restart-finished")).isPresent();
    assertThat(sim.control().tasks()).isEmpty();
  }

  @Test
  void clonesOfBothTemplatesAppliedAtOnceAllSucceed(Simulator sim) throws Exception {
    // Both templates share their disk device with the VM they were cloned from; vcsim rewrites it
    // during a clone, so clones of the two applied at the same moment used to fail (FileAlreadyExists).
    Vim vim = Vim.login(sim);
    int clones = 40;
    java.util.List<ManagedObjectReference> tasks = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    try (var submitters = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < clones; i++) {
        int n = i;
        submitters.submit(() -> {
          VirtualMachineCloneSpec spec = new VirtualMachineCloneSpec();
          spec.setLocation(new VirtualMachineRelocateSpec());
          spec.getLocation().setPool(vim.find("DC0/host/DC0_C0/Resources"));
          String template = n % 2 == 0 ? "DC0/vm/tmpl-ubuntu" : "DC0/vm/tmpl-windows";
          tasks.add(vim.port.cloneVM_Task(vim.find(template), vim.find("DC0/vm"), "both-templates-" + n, spec));
          return null;
        });
      }
    }
    assertThat(tasks).hasSize(clones);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (ManagedObjectReference task : tasks) {
      TaskInfo info = vim.info(task);
      while (!Vim.done(info) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        info = vim.info(task);
      }
      assertThat(info.getState()).as(task.getVal() + " " + (info.getError() == null ? ""
          : info.getError().getLocalizedMessage())).isEqualTo(TaskInfoState.success);
    }
    assertThat(sim.control().vms("both-templates-")).hasSize(clones);
  }

  static ManagedObjectReference clone(Vim vim, String name, CustomizationSpec customization) throws Exception {
    VirtualMachineCloneSpec spec = new VirtualMachineCloneSpec();
    spec.setLocation(new VirtualMachineRelocateSpec());
    spec.setPowerOn(customization != null);
    spec.setTemplate(false);
    spec.setCustomization(customization);
    return vim.port.cloneVM_Task(vim.find(SOURCE), vim.find("DC0/vm"), name, spec);
  }

  static void awaitProgress(Vim vim, ManagedObjectReference task, int atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      TaskInfo info = vim.info(task);
      if (info.getState() == TaskInfoState.running && info.getProgress() != null && info.getProgress() >= atLeast) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("task " + task.getVal() + " did not reach " + atLeast + "%");
  }

  static SimVm awaitVm(Simulator sim, String name, java.util.function.Predicate<SimVm> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Optional<SimVm> vm = Optional.empty();
    while (System.nanoTime() < deadline) {
      vm = sim.control().vm(name);
      if (vm.isPresent() && condition.test(vm.get())) {
        return vm.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("VM " + name + " never matched; last seen " + vm);
  }
}
