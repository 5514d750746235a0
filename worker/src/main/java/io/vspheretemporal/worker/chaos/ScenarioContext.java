package io.vspheretemporal.worker.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What a scenario works with, and where it records what it did and what went wrong. */
final class ScenarioContext {
  final World world;
  final Fleet fleet;
  final ChaosOptions options;
  final Random random;
  final PrintStream progress;
  /** Figures for the report, e.g. kills done, outage length held. */
  final Map<String, Object> details = new LinkedHashMap<>();
  /** Task submissions per method that are expected on top of one per VM (work a restart made vSphere forget). */
  final Map<String, Integer> allowance = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();

  ScenarioContext(World world, Fleet fleet, ChaosOptions options, Random random, PrintStream progress) {
    this.world = world;
    this.fleet = fleet;
    this.options = options;
    this.random = random;
    this.progress = progress;
  }

  void problem(String text) {
    problems.add(text);
  }

  boolean fleetRunning() {
    return world.isRunning(fleet.workflowId());
  }

  /**
   * Waits until at least {@code n} vSphere tasks are in flight on the simulator; returns how many
   * are, or 0 if the fleet ended (or {@code limit} passed) first.
   */
  int awaitTasksInFlight(int n, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      int inFlight = world.control().counters().tasks().inFlight();
      if (inFlight >= n) {
        return inFlight;
      }
      if (!fleetRunning()) {
        return 0;
      }
      Thread.sleep(50);
    }
    return 0;
  }

  void say(String text) {
    progress.println("chaos:   " + text);
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }
}
