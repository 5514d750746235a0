package io.vspheretemporal.worker.cli;

import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.config.ConfigLoader;
import io.vspheretemporal.worker.config.ResolvedConfig;
import io.vspheretemporal.worker.logging.LoggingSetup;
import io.vspheretemporal.worker.metrics.WorkerMetrics;
import io.vspheretemporal.worker.runtime.VSphereWorker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {
      "Runs a worker: the shipped workflows and every vSphere activity, on the configured task queues.",
      "SIGTERM stops polling, lets running steps finish for worker.shutdownGrace, then exits; steps",
      "left running are picked up by another worker, which re-attaches to their vSphere tasks.",
      "Exit status 2: invalid configuration or Temporal unreachable (nothing was started)."})
public final class WorkerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, description = "the worker's YAML configuration (see README)")
  Path config;

  @Override
  public Integer call() throws Exception {
    ResolvedConfig resolved;
    VSphereWorker worker;
    try {
      resolved = ConfigLoader.load(config, System.getenv());
      LoggingSetup.apply(resolved.logFormat());
      worker = VSphereWorker.start(resolved, new WorkerMetrics());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      worker.shutdown(resolved.shutdownGrace());
      stopped.countDown();
    }, "vsphere-temporal-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }
}
