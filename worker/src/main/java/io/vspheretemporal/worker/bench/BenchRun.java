package io.vspheretemporal.worker.bench;

import com.sun.management.OperatingSystemMXBean;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.VSphereActivities;
import io.vspheretemporal.activities.runner.RunnerSettings;
import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.session.TlsPolicy;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.activities.watch.WatcherListener;
import io.vspheretemporal.activities.watch.WatcherSettings;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.SimulatorOptions;
import io.vspheretemporal.testing.SimulatorProcess;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One measured run of one strategy with N tasks: a fresh simulator, a fresh worker, the same Temporal server. */
final class BenchRun {
  private static final String HEARTBEAT = "temporal.api.workflowservice.v1.WorkflowService/RecordActivityTaskHeartbeat";
  private static final int BATCH = 100;

  private final String temporalTarget;
  private final Strategy strategy;
  private final int tasks;
  private final Duration taskDuration;
  private final RunnerSettings settings;
  private final PrintStream histogramOut;
  private HeapHistogram histogramBefore;

  /** @param histogramOut where to print the classes each in-flight task holds, or null for no profile */
  BenchRun(String temporalTarget, Strategy strategy, int tasks, Duration taskDuration, RunnerSettings settings,
      PrintStream histogramOut) {
    this.temporalTarget = temporalTarget;
    this.strategy = strategy;
    this.tasks = tasks;
    this.taskDuration = taskDuration;
    this.settings = settings;
    this.histogramOut = histogramOut;
  }

  BenchRow measure() throws Exception {
    try (SimulatorProcess simProcess = SimulatorProcess.start(SimulatorOptions.defaults()
        .withTaskDuration(taskDuration).withQueueDelay(Duration.ofMillis(50)))) {
      Simulator sim = simProcess.simulator();
      VCenterConfig vc = VCenterConfig.of("sim", sim.sdkUrl(), sim.username(), Secret.of(sim.password()),
          TlsPolicy.Verify.jdkDefaults());
      RpcCounter heartbeats = new RpcCounter(HEARTBEAT);
      WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget(temporalTarget).setGrpcClientInterceptors(List.of(heartbeats)).build());
      VCenters vcenters = new VCenters(List.of(vc), SessionListener.NONE, WatcherSettings.defaults(), WatcherListener.NONE);
      WorkflowClient client = WorkflowClient.newInstance(service,
          WorkflowClientOptions.newBuilder().setDataConverter(DataConverters.forKeys(EncryptionKeys.none())).build());
      WorkerFactory factory = WorkerFactory.newInstance(client);
      String queue = "bench-" + strategy.label() + "-" + tasks + "-" + System.nanoTime();
      Worker worker = factory.newWorker(queue, VSphereActivities.workerOptions(settings)
          .setMaxConcurrentActivityExecutionSize(tasks + 100)
          .setMaxConcurrentActivityTaskPollers(8)
          .build());
      worker.registerWorkflowImplementationTypes(BenchWorkflow.Impl.class);
      worker.registerActivitiesImplementations(strategy.activity(vcenters, settings));
      factory.start();
      try {
        vcenters.session("sim");
        List<String> vms = sim.control().vms().stream().filter(v -> !v.template()).map(SimVm::ref).toList();
        return run(sim, client, queue, vms, heartbeats, vcenters);
      } finally {
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        vcenters.close();
        service.shutdown();
        service.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  private BenchRow run(Simulator sim, WorkflowClient client, String queue, List<String> vms, RpcCounter heartbeats,
      VCenters vcenters) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    histogramBefore = histogramOut == null ? null : HeapHistogram.take();
    sim.control().resetCounters();
    long simCpu0 = sim.control().counters().cpuMillis();
    long cpu0 = os.getProcessCpuTime();
    long beats0 = heartbeats.calls();
    long t0 = System.nanoTime();

    List<CompletableFuture<List<BenchTask.BenchResult>>> batches = new ArrayList<>();
    for (int start = 0; start < tasks; start += BATCH) {
      List<BenchTask.BenchRequest> batch = new ArrayList<>();
      for (int i = start; i < Math.min(tasks, start + BATCH); i++) {
        batch.add(new BenchTask.BenchRequest("sim", vms.get(i % vms.size())));
      }
      BenchWorkflow wf = client.newWorkflowStub(BenchWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue + "-" + start).build());
      batches.add(WorkflowClient.execute(wf::run, batch));
    }
    long heapPerTask = heapPerInFlightTask(sim, memory, heapBefore, batches);
    List<BenchTask.BenchResult> results = new ArrayList<>();
    for (CompletableFuture<List<BenchTask.BenchResult>> b : batches) {
      results.addAll(b.get());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    long cpu = os.getProcessCpuTime() - cpu0;
    // Closing the vCenter connections waits for the filters of ended watches to be destroyed, so
    // that they are counted.
    vcenters.close();
    Counters counters = sim.control().counters();
    long beats = heartbeats.calls() - beats0;

    Map<String, SimTask> simTasks = new HashMap<>();
    for (SimTask t : sim.control().tasks()) {
      simTasks.put(t.ref(), t);
    }
    List<Double> latencies = new ArrayList<>();
    double taskMinutes = 0;
    int errors = 0;
    for (BenchTask.BenchResult r : results) {
      SimTask t = r == null ? null : simTasks.get(r.task());
      if (t == null || t.completed() == null) {
        errors++;
        continue;
      }
      double completedMicros = micros(t.completed());
      latencies.add(Math.max(0, (r.returnedAtMicros() - completedMicros) / 1000.0));
      taskMinutes += (r.returnedAtMicros() - micros(Instant.parse(t.startTime()))) / 60e6;
    }
    long submits = counters.calls("ReconfigVM_Task");
    Map<String, Double> byMethod = new TreeMap<>();
    counters.calls().forEach((m, n) -> byMethod.put(m, round(n / (double) tasks)));
    return new BenchRow(strategy.label(), tasks,
        round(counters.totalCalls() / (double) tasks),
        round((counters.totalCalls() - submits) / (double) tasks),
        byMethod,
        counters.peakLongPollsInFlight(),
        counters.peakSoapConnections(),
        percentiles(latencies),
        round(taskMinutes == 0 ? 0 : beats / taskMinutes),
        heapPerTask,
        round(cpu / 1e6 / tasks),
        round((counters.cpuMillis() - simCpu0) / (double) tasks),
        round(wall),
        errors);
  }

  /**
   * Heap in use per in-flight task (after a full GC), taken once 95% of the tasks run in the
   * simulator at once or, when the worker starts them slower than they end, once all were started;
   * divided by the tasks in flight then. -1 if the run ended first.
   */
  private long heapPerInFlightTask(Simulator sim, MemoryMXBean memory, long heapBefore,
      List<? extends CompletableFuture<?>> batches) throws InterruptedException {
    while (!batches.stream().allMatch(CompletableFuture::isDone)) {
      Counters.TaskCounts t = sim.control().counters().tasks();
      if (t.inFlight() >= tasks * 0.95 || t.created("ReconfigVM_Task") >= tasks) {
        System.gc();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        int inFlight = sim.control().counters().tasks().inFlight();
        if (histogramBefore != null) {
          histogramOut.printf("bench:   what each of %d in-flight %s tasks holds:%n%s", inFlight, strategy.label(),
              HeapHistogram.take().growthSince(histogramBefore, inFlight, 25));
        }
        return inFlight == 0 ? -1 : Math.max(0, (heap - heapBefore) / inFlight);
      }
      Thread.sleep(100);
    }
    return -1;
  }

  private static double micros(Instant i) {
    return i.getEpochSecond() * 1e6 + i.getNano() / 1e3;
  }

  static BenchRow.Latency percentiles(List<Double> values) {
    if (values.isEmpty()) {
      return new BenchRow.Latency(0, 0, 0);
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new BenchRow.Latency(round(at(v, 0.50)), round(at(v, 0.99)), round(v[v.length - 1]));
  }

  private static double at(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
