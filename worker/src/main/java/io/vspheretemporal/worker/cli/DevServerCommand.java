package io.vspheretemporal.worker.cli;

import io.temporal.testserver.TestServer;
import io.vspheretemporal.worker.runtime.InMemoryTemporal;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dev-server", mixinStandardHelpOptions = true,
    description = {
      "Runs Temporal's in-memory test server on a gRPC port, to try the worker and CLI without Docker.",
      "Its state lives only as long as it runs. It has no web UI: use `status` to follow runs."})
public final class DevServerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "7233", description = "gRPC port (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws Exception {
    TestServer.PortBoundTestServer server = InMemoryTemporal.start(port);
    System.out.println("Temporal dev server (in memory) on localhost:" + port + ", namespace default");
    System.out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return ExitCodes.OK;
  }
}
