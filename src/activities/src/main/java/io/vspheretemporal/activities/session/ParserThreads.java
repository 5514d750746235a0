package io.vspheretemporal.activities.session;

import java.rmi.RemoteException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where SOAP answers are parsed when the caller is a virtual thread. The JDK's XML parser keeps
 * its read buffers (24 KB) in a per-thread cache, and every step runs on a virtual thread of its
 * own for as long as its task runs, so parsing there would leave each waiting step holding a copy
 * (measured with {@code bench --heap-profile}). A few platform threads parse instead, and keep one
 * copy each.
 */
final class ParserThreads {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()),
      Thread.ofPlatform().daemon().name("vsphere-soap-parser-", 0).factory());

  private ParserThreads() {}

  @FunctionalInterface
  interface Parse<T> {
    T parse() throws RemoteException;
  }

  static <T> T run(String method, Parse<T> parse) throws RemoteException {
    if (!Thread.currentThread().isVirtual()) {
      return parse.parse();
    }
    Future<T> result = POOL.submit(parse::parse);
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RemoteException r) {
        throw r;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimTransportException(VimTransportException.Kind.INTERRUPTED, method + " interrupted", e);
    }
  }
}
