package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.VirtualMachineConfigSpec;
import io.vspheretemporal.testing.control.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A thousand tasks at once, watched through one collector, all finish (issue 2, item 9). */
@VcSim(taskMillis = 3000)
class SimulatorScaleTest {
  static final int TASKS = 1000;

  @Test
  void aThousandConcurrentTasksFinishAndOneLongPollSeesThemAll(Simulator sim) throws Exception {
    Vim vim = Vim.login(sim);
    List<ManagedObjectReference> vms = List.of(
        vim.find("DC0/vm/DC0_C0_RP0_VM0"), vim.find("DC0/vm/DC0_C0_RP0_VM1"),
        vim.find("DC0/vm/DC0_H0_VM0"), vim.find("DC0/vm/DC0_H0_VM1"));
    long cpuBefore = sim.control().counters().cpuMillis();
    sim.control().resetCounters();
    long start = System.nanoTime();

    List<ManagedObjectReference> tasks = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16);
        Vim.TaskWatch watch = vim.new TaskWatch()) {
      List<Future<ManagedObjectReference>> submitted = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        ManagedObjectReference vm = vms.get(i % vms.size());
        submitted.add(pool.submit(() -> vim.port.reconfigVM_Task(vm, new VirtualMachineConfigSpec())));
      }
      for (Future<ManagedObjectReference> f : submitted) {
        tasks.add(f.get());
      }
      for (ManagedObjectReference t : tasks) {
        watch.watch(t);
      }
      Map<String, List<TaskInfo>> seen = watch.untilDone(TASKS);
      assertThat(seen).hasSize(TASKS);
      assertThat(seen.values()).allSatisfy(history ->
          assertThat(history.get(history.size() - 1).getState()).isEqualTo(TaskInfoState.success));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Counters counters = sim.control().counters();
    assertThat(counters.calls("ReconfigVM_Task")).isEqualTo(TASKS);
    assertThat(counters.tasks().peakInFlight()).isGreaterThan(TASKS / 2);
    assertThat(counters.peakLongPollsInFlight()).isEqualTo(1);
    // Updates of many tasks share each poll: far fewer polls than task state changes (~12 per task).
    assertThat(counters.calls("WaitForUpdatesEx")).isLessThan(TASKS);
    System.out.printf("scale: %d tasks in %.1f s, %d WaitForUpdatesEx, simulator CPU %d ms%n",
        TASKS, seconds, counters.calls("WaitForUpdatesEx"), counters.cpuMillis() - cpuBefore);
  }
}
