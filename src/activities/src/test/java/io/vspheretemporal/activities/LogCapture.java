package io.vspheretemporal.activities;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the process logs while open, at TRACE and including the vim25 binding's own SOAP
 * traces: the text of each line with its exception, for tests that scan logs (for secrets, or
 * for a warning that must appear).
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger vmware = (Logger) LoggerFactory.getLogger("com.vmware");
  private final Level rootLevel = root.getLevel();
  private final Level vmwareLevel = vmware.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    vmware.setLevel(Level.TRACE);
  }

  /** Each logged line as text, its exception's stack trace included. */
  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream()
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
          .toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    vmware.setLevel(vmwareLevel);
  }
}
