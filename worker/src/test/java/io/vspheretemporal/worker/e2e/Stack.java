package io.vspheretemporal.worker.e2e;

import io.vspheretemporal.testing.SimulatorControl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** dev-server, sim and worker as three processes of the packaged jar, as a user runs them. */
final class Stack implements AutoCloseable {
  static final String PASSWORD = "e2e-" + java.util.UUID.randomUUID();

  final int temporalPort;
  final Cli.Background devServer;
  final Cli.Background sim;
  final SimulatorControl control;
  final URI sdk;
  final Path config;
  private final Map<String, String> extraEnv;
  Cli.Background worker;

  Stack() throws Exception {
    this(yaml -> yaml, Map.of());
  }

  /** @param editConfig changes the worker's configuration; @param extraEnv more environment for the worker */
  Stack(UnaryOperator<String> editConfig, Map<String, String> extraEnv) throws Exception {
    this.extraEnv = Map.copyOf(extraEnv);
    temporalPort = Cli.freePort();
    devServer = Cli.start(Map.of(), "dev-server", "--port", Integer.toString(temporalPort));
    devServer.await("Temporal dev server", Duration.ofSeconds(60));
    sim = Cli.start(Map.of(), "sim", "--task-duration", "1s", "--", "--password", PASSWORD, "--guest-delay", "500ms");
    sim.await("ready", Duration.ofMinutes(3));
    String banner = sim.stdout();
    sdk = URI.create(banner.lines().filter(l -> l.endsWith("/sdk")).findFirst().orElseThrow());
    control = new SimulatorControl(URI.create(banner.lines().filter(l -> l.startsWith("control: ")).findFirst()
        .orElseThrow().substring("control: ".length())), Optional.empty());
    config = Files.createTempFile("worker", ".yaml");
    Files.writeString(config, editConfig.apply(config(temporalPort, sdk, 0, "text", "")));
    worker = startWorker();
  }

  static String config(int temporalPort, URI sdk, int metricsPort, String logFormat, String extra) {
    return """
        temporal:
          target: localhost:%d
          namespace: default
          taskQueues: [vsphere]
        vcenters:
          - name: sim
            url: %s
            username: administrator@vsphere.local
            password: {env: VCSIM_PASSWORD}
        worker:
          heartbeatInterval: 500ms
          shutdownGrace: 1s
          stickyWorkflows: false
        metrics:
          port: %d
        logging:
          format: %s
        %s
        """.formatted(temporalPort, sdk, metricsPort, logFormat, extra);
  }

  Map<String, String> env() {
    Map<String, String> env = new java.util.HashMap<>(extraEnv);
    env.put("VCSIM_PASSWORD", PASSWORD);
    return env;
  }

  Cli.Background startWorker() throws Exception {
    Cli.Background w = Cli.start(env(), "worker", "--config", config.toString());
    w.await("worker started", Duration.ofSeconds(60));
    return w;
  }

  String address() {
    return "localhost:" + temporalPort;
  }

  @Override
  public void close() throws Exception {
    if (worker != null) {
      worker.close();
    }
    sim.close();
    devServer.close();
  }
}
