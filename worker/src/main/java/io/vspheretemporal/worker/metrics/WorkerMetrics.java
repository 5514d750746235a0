package io.vspheretemporal.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.vspheretemporal.activities.runner.TaskListener;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.watch.WatcherListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's metrics in one Prometheus registry: Temporal's SDK metrics and ours (vSphere tasks
 * in flight, task duration by operation and outcome, SOAP calls, re-logins, how late completions
 * are noticed, watcher polls and outages).
 */
public final class WorkerMetrics implements SessionListener, WatcherListener, TaskListener {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A tally scope reporting the Temporal SDK's own metrics into the same registry. */
  public Scope temporalScope() {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void soapCall(String vcenter, String method) {
    Counter.builder("vsphere_soap_calls").description("SOAP calls sent to vCenter")
        .tag("vcenter", vcenter).tag("method", method).register(registry).increment();
  }

  @Override
  public void relogin(String vcenter) {
    Counter.builder("vsphere_relogins").description("logins after vCenter ended a session")
        .tag("vcenter", vcenter).register(registry).increment();
  }

  @Override
  public void polled(String vcenter, int objectUpdates, long millis) {
    Timer.builder("vsphere_watcher_poll").description("WaitForUpdatesEx calls of the task watcher")
        .tag("vcenter", vcenter).register(registry).record(Duration.ofMillis(millis));
  }

  @Override
  public void disconnected(String vcenter, int failures) {
    Counter.builder("vsphere_watcher_failures").description("failed long polls (retried with backoff)")
        .tag("vcenter", vcenter).register(registry).increment();
  }

  @Override
  public void started(String vcenter, String operation) {
    inFlight(vcenter).incrementAndGet();
  }

  @Override
  public void detected(String vcenter, String operation, Duration lag) {
    Timer.builder("vsphere_task_detection_lag").description("from vCenter completing a task to this worker noticing it")
        .tag("vcenter", vcenter).register(registry).record(lag);
  }

  @Override
  public void finished(String vcenter, String operation, String outcome, Duration duration) {
    inFlight(vcenter).decrementAndGet();
    Timer.builder("vsphere_task_duration").description("vSphere task steps, from start to end")
        .tag("vcenter", vcenter).tag("operation", operation).tag("outcome", outcome)
        .register(registry).record(duration);
  }

  private AtomicInteger inFlight(String vcenter) {
    return inFlight.computeIfAbsent(vcenter, v -> {
      AtomicInteger n = new AtomicInteger();
      Gauge.builder("vsphere_tasks_in_flight", n, AtomicInteger::get).description("vSphere task steps running now")
          .tag("vcenter", v).register(registry);
      return n;
    });
  }
}
