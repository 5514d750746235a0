package io.vspheretemporal.worker.chaos;

import java.util.Locale;
import java.util.Map;

/** The report as a table for the terminal. */
public final class ReportText {
  private ReportText() {}

  public static String of(ChaosReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%n%-10s %6s %9s %6s %4s %4s %5s %6s %7s %6s  %s%n", "scenario", "runs",
        "completed", "failed", "lost", "dup", "wrong", "orphan", "retried", "secs", "what happened"));
    for (ScenarioResult s : r.scenarios()) {
      b.append(String.format(Locale.ROOT, "%-10s %6d %9d %6d %4d %4d %5d %6d %7d %6.1f  %s%s%n", s.name(), s.workflows(),
          s.completed(), s.failed(), s.lost(), s.duplicateOperations(), s.wrongResults(), s.orphanVms(),
          s.retriedAttempts(), s.seconds(), s.summary(), details(s.details())));
    }
    ChaosReport.SecretsScan sc = r.secrets();
    b.append(String.format(Locale.ROOT, "%nSecrets scan: %d history events, %d payloads, %d failures, %d heartbeat details"
            + " (%d describes), %d /metrics scrapes, %d worker logs (%.1f MB); %.1f MB in all: %d found%n",
        sc.historyEvents(), sc.payloads(), sc.failureMessages(), sc.heartbeatDetails(), sc.describes(),
        sc.metricsScrapes(), sc.workerLogs(), sc.workerLogBytes() / 1e6, sc.bytesScanned() / 1e6, sc.findings().size()));
    sc.findings().stream().limit(20).forEach(f -> b.append("  FOUND ").append(f.secret()).append(" (").append(f.form())
        .append(") in ").append(f.source()).append('\n'));
    r.orphans().forEach(o -> b.append("  ORPHAN ").append(o).append('\n'));
    b.append(String.format(Locale.ROOT, "%nkills %d, workflows %d, completed %d, failed %d, duplicate operations %d,"
            + " orphan VMs %d, secrets found %d, in %.0f s: %s%n", r.kills(), r.workflows(), r.completed(), r.failed(),
        r.duplicateOperations(), r.orphanVms(), r.secretsFound(), r.wallSeconds(),
        r.passed() ? "nothing lost, nothing ran twice" : "FAILED"));
    return b.toString();
  }

  private static String details(Map<String, Object> d) {
    return d.isEmpty() ? "" : " " + d;
  }
}
