package io.vspheretemporal.worker.chaos;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * While a scenario runs, looks at what only exists while it runs and scans it for secrets: every
 * open run's describe answer (pending activities' heartbeat details and last failures) and the
 * worker's {@code /metrics}. Heartbeat details and pending failures are gone once a step ends, so
 * they are sampled, every {@code period}.
 */
final class Observer implements AutoCloseable {
  private final TemporalScan temporal;
  private final SecretScanner scanner;
  private final URI metrics;
  private final Duration period;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> watched = new CopyOnWriteArrayList<>();
  private final AtomicLong scrapes = new AtomicLong();
  private final AtomicLong describes = new AtomicLong();
  private final AtomicInteger peakPendingWithDetails = new AtomicInteger();
  private final Thread loop;
  private volatile boolean running = true;

  Observer(TemporalScan temporal, SecretScanner scanner, int metricsPort, Duration period) {
    this.temporal = temporal;
    this.scanner = scanner;
    this.metrics = URI.create("http://localhost:" + metricsPort + "/metrics");
    this.period = period;
    this.loop = Thread.ofVirtual().name("chaos-observer").start(this::run);
  }

  /** Samples these runs from now on (instead of the previous ones). */
  void watch(List<String> workflowIds) {
    watched.clear();
    watched.addAll(workflowIds);
    peakPendingWithDetails.set(0);
  }

  /** The most pending activities with heartbeat details seen at once since {@link #watch}. */
  int peakPendingWithDetails() {
    return peakPendingWithDetails.get();
  }

  long scrapes() {
    return scrapes.get();
  }

  long describes() {
    return describes.get();
  }

  private void run() {
    while (running) {
      sample();
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One look at everything; also called at the end of each scenario. */
  void sample() {
    int pending = 0;
    for (String id : watched) {
      try {
        pending += temporal.describe(id);
        describes.incrementAndGet();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          System.err.println("chaos: describing " + id + " failed: " + e.getStatus());
        }
      }
    }
    peakPendingWithDetails.accumulateAndGet(pending, Math::max);
    scrapeMetrics();
  }

  private void scrapeMetrics() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      scrapes.incrementAndGet();
      scanner.scan("worker /metrics", r.body());
    } catch (java.io.IOException e) {
      // the worker is down (killed, restarting): nothing to scrape now
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
  }
}
