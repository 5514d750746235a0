package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfoState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The proof bad-input tests rely on catches every kind of change, and only changes. */
@VcSim(taskMillis = 300, guestDelayMillis = 100)
class NoVSphereChangeTest {

  @Test
  void readingTheInventoryIsNoChange(Simulator sim) throws Exception {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    Vim vim = Vim.login(sim);
    vim.find("DC0/vm/DC0_H0_VM0");
    vim.port.currentTime(vim.si.getMOR());

    proof.assertNoChange();
    assertThat(proof.calls()).containsKeys("Login", "FindByInventoryPath");
    assertThatThrownBy(proof::assertNotContacted).hasMessageContaining("Login");
  }

  @Test
  void aCloneIsCaughtByItsCallItsTaskAndItsNewVm(Simulator sim) throws Exception {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    Vim vim = Vim.login(sim);
    ManagedObjectReference task = SimulatorTasksTest.clone(vim, "proof-clone", null);
    try (Vim.TaskWatch watch = vim.new TaskWatch().watch(task)) {
      watch.untilDone(1);
    }

    assertThatThrownBy(proof::assertNoChange)
        .hasMessageContaining("CloneVM_Task was called 1 time")
        .hasMessageContaining("task " + task.getVal() + " CloneVM_Task")
        .hasMessageContaining("(proof-clone) appeared");
  }

  @Test
  void aChangeToAnExistingObjectIsCaughtEvenWithoutATaskCounted(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference vm = vim.find("DC0/vm/DC0_H0_VM1");
    String before = sim.control().vm("DC0_H0_VM1").orElseThrow().powerState();
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ManagedObjectReference task = before.equals("poweredOn")
        ? vim.port.powerOffVM_Task(vm) : vim.port.powerOnVM_Task(vm, null);
    await(vim, task);

    assertThatThrownBy(proof::assertNoChange).hasMessageContaining("(DC0_H0_VM1) changed from")
        .hasMessageContaining("power=" + before);
    assertThatThrownBy(() -> proof.assertRefusedOnce(methodOf(before)))
        .hasMessageContaining("ended success, expected error");
  }

  @Test
  void aTaskVSphereRefusedIsAcceptedOnlyAsRefused(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    ManagedObjectReference vm = vim.find("DC0/vm/DC0_H0_VM0");
    NoVSphereChange proof = NoVSphereChange.before(sim);
    sim.control().injectFault("Rename_Task", "DuplicateName", 1);
    ManagedObjectReference task = vim.port.rename_Task(vm, "DC0_H0_VM1");
    await(vim, task);

    proof.assertRefusedOnce("Rename_Task");
    assertThatThrownBy(proof::assertNoChange).hasMessageContaining("Rename_Task was called 1 time");
    assertThatThrownBy(() -> proof.assertRefusedOnce("Destroy_Task"))
        .hasMessageContaining("Rename_Task was called 1 time")
        .hasMessageContaining("Destroy_Task was called 0 times, expected once");
  }

  @Test
  void nothingSentIsNotContacted(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    sim.control().vms();

    proof.assertNotContacted();
    proof.assertNoChange();
  }

  private static String methodOf(String powerStateBefore) {
    return powerStateBefore.equals("poweredOn") ? "PowerOffVM_Task" : "PowerOnVM_Task";
  }

  private static void await(Vim vim, ManagedObjectReference task) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      TaskInfoState state = vim.info(task).getState();
      if (state == TaskInfoState.success || state == TaskInfoState.error) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("task " + task.getVal() + " did not end");
  }
}
