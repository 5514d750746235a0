package io.vspheretemporal.activities.watch;

import static io.vspheretemporal.activities.watch.WatcherRig.awaitEnd;
import static io.vspheretemporal.activities.watch.WatcherRig.awaitState;
import static io.vspheretemporal.activities.watch.WatcherRig.modelVms;
import static io.vspheretemporal.activities.watch.WatcherRig.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.Counters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watcher under stress: many tasks on one long poll with truncated answers, polls that time
 * out empty, a vCenter that drops or refuses connections, a session that ends, and the filters it
 * leaves behind. Each test has a session and watcher of its own.
 */
@VcSim(taskMillis = 500)
class PropertyWatcherTest {
  static final Duration LIMIT = Duration.ofSeconds(20);

  @FunctionalInterface
  interface Indexed<T> {
    T apply(int i) throws Exception;
  }

  /** Runs {@code n} calls at once (as {@code n} activities would) and returns their results in order. */
  static <T> List<T> atOnce(int n, Indexed<T> call) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(threads.submit(() -> call.apply(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }

  @Test
  void fortyTasksEndThroughOneLongPollWhoseAnswersHoldAtMostThreeObjects(Simulator sim) throws Exception {
    sim.control().taskDuration("ReconfigVM_Task", Duration.ofSeconds(2));
    List<ManagedObjectReference> vms = modelVms(sim);
    WatcherRig.quietCounters(sim);
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(10), 3))) {
      List<ManagedObjectReference> tasks = atOnce(40, i -> rig.reconfigure(vms.get(i % vms.size())));
      List<TaskWatch> watches = atOnce(40, i -> TaskWatch.of(rig.watcher(), tasks.get(i)));

      List<TaskSnapshot> ends = atOnce(40, i -> awaitEnd(watches.get(i), LIMIT));
      watches.forEach(TaskWatch::close);

      assertThat(ends).allSatisfy(end -> assertThat(end.succeeded()).isTrue());
      assertThat(ends).extracting(end -> end.task().value())
          .containsExactlyElementsOf(tasks.stream().map(ManagedObjectReference::getVal).toList());
      Counters counters = sim.control().counters();
      assertThat(counters.calls("ReconfigVM_Task")).isEqualTo(40);
      // Forty ends, at most three per answer: at least fourteen answers, some of them full.
      List<Integer> answered = rig.events().answered;
      assertThat(answered).allSatisfy(n -> assertThat(n).isBetween(1, 3)).contains(3);
      assertThat(answered.size()).isGreaterThanOrEqualTo(14);
      assertThat(counters.calls("WaitForUpdatesEx")).isGreaterThanOrEqualTo(answered.size());
      assertThat(counters.peakLongPollsInFlight()).as("one long poll for all tasks").isEqualTo(1);
    }
  }

  @Test
  void pollsThatTimeOutEmptyDoNotStopTheEndFromArriving(Simulator sim) throws Exception {
    // The task shows no change for 3 s while queued; each poll waits at most 1 s for one.
    sim.control().configure(Map.of("queueDelay", "3s"));
    WatcherRig.quietCounters(sim);
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(1), 1000))) {
      ManagedObjectReference task = rig.reconfigure(modelVms(sim).get(0));
      try (TaskWatch watch = TaskWatch.of(rig.watcher(), task)) {
        awaitState(watch, LIMIT, s -> s.state().equals("queued"));
        TaskSnapshot end = awaitEnd(watch, LIMIT);

        assertThat(end.succeeded()).isTrue();
        Counters counters = sim.control().counters();
        long polls = counters.calls("WaitForUpdatesEx");
        long empty = polls - rig.events().answered.size() - counters.longPollsInFlight();
        assertThat(empty).as("polls answered empty, of %d", polls).isGreaterThanOrEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"drop", "refuse"})
  void aTaskWatchSeesTheEndAfterAnOutage(String mode, Simulator sim) throws Exception {
    sim.control().taskDuration("ReconfigVM_Task", Duration.ofSeconds(4));
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(10), 1000))) {
      ManagedObjectReference task = rig.reconfigure(modelVms(sim).get(1));
      try (TaskWatch watch = TaskWatch.of(rig.watcher(), task)) {
        awaitState(watch, LIMIT, s -> s.state().equals("running"));

        sim.control().outage(mode, Duration.ofSeconds(2));
        TaskSnapshot end = awaitEnd(watch, LIMIT);

        assertThat(end.succeeded()).isTrue();
        assertThat(rig.events().disconnects.get()).as("the watcher lost its connection").isPositive();
        assertThat(rig.events().answeredAfterDisconnect.get()).as("and polled again by itself").isPositive();
        assertThat(sim.control().counters().calls("ReconfigVM_Task")).isEqualTo(1);
      }
    }
  }

  @Test
  void afterTheSessionEndsTheWatcherLogsInOnceAndWatchesOnANewCollector(Simulator sim) throws Exception {
    sim.control().taskDuration("ReconfigVM_Task", Duration.ofSeconds(3));
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(10), 1000))) {
      ManagedObjectReference task = rig.reconfigure(modelVms(sim).get(2));
      try (TaskWatch watch = TaskWatch.of(rig.watcher(), task)) {
        awaitState(watch, LIMIT, s -> s.state().equals("running"));
        sim.control().resetCounters();

        assertThat(sim.control().expireSessions()).isEqualTo(1);
        TaskSnapshot end = awaitEnd(watch, LIMIT);

        assertThat(end.succeeded()).isTrue();
        assertThat(rig.events().relogins.get()).isEqualTo(1);
        Counters counters = sim.control().counters();
        assertThat(counters.calls("Login")).isEqualTo(1);
        assertThat(counters.calls("CreatePropertyCollector")).isEqualTo(1);
        assertThat(counters.calls("CreateFilter")).isEqualTo(1);
      }
    }
    // The filter on the new collector is the one closing the watch destroys (in the background;
    // closing the watcher waits for it).
    assertThat(sim.control().counters().calls("DestroyPropertyFilter")).isEqualTo(1);
  }

  /** A race: one run shows the leak four times in five, so it runs three times. */
  @RepeatedTest(3)
  void watchesStartedWhileTheSessionEndsLeaveNoCollectorBehind(Simulator sim) throws Exception {
    sim.control().taskDuration("ReconfigVM_Task", Duration.ofSeconds(4));
    List<ManagedObjectReference> vms = modelVms(sim);
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(10), 1000))) {
      List<ManagedObjectReference> tasks = atOnce(40, i -> rig.reconfigure(vms.get(i % vms.size())));
      try (TaskWatch first = TaskWatch.of(rig.watcher(), tasks.get(0))) {
        awaitState(first, LIMIT, s -> s.state().equals("running"));
        sim.control().resetCounters();

        // Activities keep starting watches, five a millisecond, while vCenter ends the session.
        List<TaskWatch> watches = atOnce(200, i -> {
          Thread.sleep(i / 5);
          if (i == 50) {
            sim.control().expireSessions();
          }
          return TaskWatch.of(rig.watcher(), tasks.get(i % tasks.size()));
        });
        List<TaskSnapshot> ends = atOnce(200, i -> awaitEnd(watches.get(i), LIMIT));
        watches.forEach(TaskWatch::close);

        assertThat(ends).allSatisfy(end -> assertThat(end.succeeded()).isTrue());
        assertThat(rig.events().relogins.get()).isEqualTo(1);
      }
    }
    // Closing the watcher destroyed its last collector. Every other one made in the new session
    // must have been destroyed when it was replaced; a destroy of a collector that went with the
    // old session counts as a call too, hence at least.
    Counters counters = sim.control().counters();
    assertThat(counters.calls("DestroyPropertyCollector")).as("collectors destroyed of %d made",
        counters.calls("CreatePropertyCollector")).isGreaterThanOrEqualTo(counters.calls("CreatePropertyCollector"));
  }

  @Test
  void closedWatchesLeaveNoFilterBehind(Simulator sim) throws Exception {
    sim.control().taskDuration("ReconfigVM_Task", Duration.ofSeconds(1));
    List<ManagedObjectReference> vms = modelVms(sim);
    try (WatcherRig rig = WatcherRig.connect(sim, settings(Duration.ofSeconds(10), 1000))) {
      List<ManagedObjectReference> tasks = atOnce(40, i -> rig.reconfigure(vms.get(i % vms.size())));
      List<TaskWatch> watches = atOnce(40, i -> TaskWatch.of(rig.watcher(), tasks.get(i)));
      atOnce(40, i -> awaitEnd(watches.get(i), LIMIT));

      watches.forEach(TaskWatch::close);
      assertThat(rig.watcher().watchCount()).isZero();
    }
    // Closing a watch destroys its filter in the background; closing the watcher waits for that.
    Counters counters = sim.control().counters();
    assertThat(counters.calls("CreateFilter")).as("one filter per watch").isEqualTo(40);
    assertThat(counters.calls("DestroyPropertyFilter")).isEqualTo(counters.calls("CreateFilter"));
  }
}
