package io.vspheretemporal.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a simulator per test class (see {@link VcSim}). When it cannot be built here it fails
 * the tests under {@code CI=true} and skips them elsewhere, both with the install command.
 */
public final class VcSimExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VcSimExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Running running = running(context);
    SimulatorControl control = running.process.simulator().control();
    control.clearFaults();
    control.endOutage();
    SimulatorOptions o = running.options;
    Map<String, Object> timing = new LinkedHashMap<>(Map.of(
        "taskDuration", SimulatorOptions.go(o.taskDuration()),
        "queueDelay", SimulatorOptions.go(o.queueDelay()),
        "guestDelay", SimulatorOptions.go(o.guestDelay())));
    // The simulator keeps a per-method duration until it is changed (there is no removing one):
    // give every method an earlier test timed its class's duration back.
    Map<String, String> methods = new LinkedHashMap<>();
    Map<String, String> timed = control.config().taskDurations(); // null when none is (omitted)
    (timed == null ? Map.<String, String>of() : timed).keySet()
        .forEach(m -> methods.put(m, SimulatorOptions.go(o.taskDurations().getOrDefault(m, o.taskDuration()))));
    if (!methods.isEmpty()) {
      timing.put("taskDurations", methods);
    }
    control.configure(timing);
    control.resetCounters();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return running(context).process.simulator();
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private Running running(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    VcSim config = findConfig(testClass);
    return classContext.getStore(NS).getOrComputeIfAbsent(testClass, k -> start(options(config)), Running.class);
  }

  private static VcSim findConfig(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      VcSim config = c.getAnnotation(VcSim.class);
      if (config != null) {
        return config;
      }
    }
    return null;
  }

  static SimulatorOptions options(VcSim config) {
    SimulatorOptions options = SimulatorOptions.defaults();
    if (config == null) {
      return options;
    }
    return options.withTls(config.tls())
        .withTaskDuration(Duration.ofMillis(config.taskMillis()))
        .withGuestDelay(Duration.ofMillis(config.guestDelayMillis()))
        .withQueueDelay(Duration.ofMillis(config.queueDelayMillis()));
  }

  private static Running start(SimulatorOptions options) {
    try {
      return new Running(SimulatorProcess.start(options), options);
    } catch (SimulatorUnavailableException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw e;
      }
      Assumptions.abort("vSphere simulator unavailable, test skipped: " + e.getMessage());
      throw e; // not reached
    }
  }

  /** Closed by JUnit when the class's store is closed. */
  private record Running(SimulatorProcess process, SimulatorOptions options)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      process.close();
    }
  }
}
