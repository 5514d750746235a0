package io.vspheretemporal.worker.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.VSphereActivities;
import io.vspheretemporal.activities.runner.ProgressSignals;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.watch.WatcherSettings;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.config.ResolvedConfig;
import io.vspheretemporal.worker.metrics.HttpEndpoints;
import io.vspheretemporal.worker.metrics.WorkerMetrics;
import io.vspheretemporal.workflows.VSphereWorkflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running worker: Temporal reached first (nothing starts if it is not), vCenter sessions opened,
 * the shipped workflows and every vSphere activity registered on each task queue.
 */
public final class VSphereWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VSphereWorker.class);

  private final ResolvedConfig config;
  private final WorkflowServiceStubs service;
  private final VCenters vcenters;
  private final WorkerFactory factory;
  private final HttpEndpoints endpoints;
  private volatile boolean stopping;

  private VSphereWorker(ResolvedConfig config, WorkflowServiceStubs service, VCenters vcenters, WorkerFactory factory,
      WorkerMetrics metrics) throws java.io.IOException {
    this.config = config;
    this.service = service;
    this.vcenters = vcenters;
    this.factory = factory;
    this.endpoints = config.metricsPort() == 0 ? null : new HttpEndpoints(config.metricsPort(), metrics, this::health);
  }

  /**
   * Starts the worker. A configuration problem found on the way (Temporal unreachable, a vCenter
   * rejecting the login or its certificate) throws {@link ConfigException} with nothing left running.
   */
  public static VSphereWorker start(ResolvedConfig config, WorkerMetrics metrics) {
    WorkflowServiceStubs service = TemporalConnection.open(config.target(), config.namespace(), config.temporalTls(),
        config.apiKey(), metrics.temporalScope());
    VCenters vcenters = new VCenters(config.vcenters(), metrics, WatcherSettings.defaults(), metrics);
    try {
      checkVCenters(vcenters);
      RunnerSettings settings = new RunnerSettings(config.heartbeatInterval(), Duration.ofMinutes(5));
      List<Class<?>> workflows = VSphereWorkflows.implementations();
      TaskRunner runner = new TaskRunner(vcenters, config.secretResolver(), settings, metrics,
          ProgressSignals.forImplementations(workflows));
      WorkflowClient client = WorkflowClient.newInstance(service,
          DataConverters.clientOptions(config.namespace(), config.encryption()));
      RunAttributes.register(service, config.namespace());
      WorkerFactory factory = WorkerFactory.newInstance(client);
      for (String queue : config.taskQueues()) {
        var options = VSphereActivities.workerOptions(settings)
            .setMaxConcurrentActivityExecutionSize(config.maxConcurrentActivities())
            .setAllowActivityHeartbeatDuringShutdown(true);
        if (!config.stickyWorkflows()) {
          options.setStickyQueueScheduleToStartTimeout(Duration.ZERO); // zero turns sticky execution off
        }
        Worker worker = factory.newWorker(queue, options.build());
        worker.registerWorkflowImplementationTypes(workflows.toArray(Class<?>[]::new));
        VSphereActivities.register(worker, runner);
      }
      VSphereWorker running = new VSphereWorker(config, service, vcenters, factory, metrics);
      factory.start();
      log.info("worker started: namespace {}, task queues {}, vCenters {}{}{}", config.namespace(), config.taskQueues(),
          vcenters.names(), config.metricsPort() == 0 ? "" : ", metrics and health on port " + running.endpoints.port(),
          config.encryption().enabled() ? ", payloads encrypted with key " + config.encryption().currentId()
              + " (keys " + String.join(", ", config.encryption().ids()) + ")" : "");
      return running;
    } catch (RuntimeException | java.io.IOException e) {
      vcenters.close();
      service.shutdownNow();
      if (e instanceof java.io.IOException io) {
        throw new ConfigException("metrics.port: cannot serve on port " + config.metricsPort() + " (" + io.getMessage() + ")");
      }
      throw (RuntimeException) e;
    }
  }

  /** Logins and certificates that fail now will fail forever: stop. An unreachable vCenter may come back. */
  private static void checkVCenters(VCenters vcenters) {
    Map<String, VCenterException> failures = vcenters.connectAll();
    List<String> fatal = new ArrayList<>();
    failures.forEach((name, e) -> {
      if (e.retryable()) {
        log.warn("vCenter '{}' is not reachable now ({}); steps on it will be retried until it is", name, e.getMessage());
      } else {
        fatal.add("vcenters (" + name + "): " + e.getMessage());
      }
    });
    if (!fatal.isEmpty()) {
      throw new ConfigException(fatal);
    }
  }

  /**
   * Stops polling for new work, lets running steps finish for the grace period, then stops the
   * rest: their vSphere tasks keep running and another worker re-attaches to them.
   */
  public void shutdown(Duration grace) {
    stopping = true;
    log.info("stopping: no new work; running steps have {} to finish", grace);
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.info("grace period over; steps still running are left to another worker, which re-attaches to their tasks");
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
    }
    close();
  }

  public HttpEndpoints.Health health() {
    ObjectNode doc = new ObjectMapper().createObjectNode();
    doc.put("status", stopping ? "stopping" : "running");
    doc.put("namespace", config.namespace());
    doc.putPOJO("taskQueues", config.taskQueues());
    doc.putPOJO("vcenters", vcenters.names());
    return new HttpEndpoints.Health(!stopping && !factory.isShutdown(), doc.toString());
  }

  public int metricsPort() {
    return endpoints == null ? 0 : endpoints.port();
  }

  @Override
  public void close() {
    if (endpoints != null) {
      endpoints.close();
    }
    vcenters.close();
    service.shutdown();
  }
}
