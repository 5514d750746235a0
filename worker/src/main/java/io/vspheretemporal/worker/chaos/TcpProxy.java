package io.vspheretemporal.worker.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy between the worker and Temporal that can cut the network: {@link #cut}
 * resets every open connection and, until the cut ends, resets each new one as soon as it is
 * accepted. Temporal itself keeps running (its in-memory state would not survive a stop).
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong cutConnections = new AtomicLong();
  private final AtomicLong refusedConnections = new AtomicLong();
  private volatile long cutUntil;
  private volatile boolean closed;

  TcpProxy(int upstreamPort) throws IOException {
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Resets every connection now and refuses new ones for {@code length}. */
  void cut(Duration length) {
    cutUntil = System.nanoTime() + length.toNanos();
    cutConnections.addAndGet(open.size() / 2); // two sockets per proxied connection
    for (Socket s : open) {
      reset(s);
    }
  }

  boolean isCut() {
    return System.nanoTime() < cutUntil;
  }

  long cutConnections() {
    return cutConnections.get();
  }

  long refusedConnections() {
    return refusedConnections.get();
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (isCut()) {
        refusedConnections.incrementAndGet();
        reset(client);
        continue;
      }
      Thread.ofVirtual().name("proxy-conn").start(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket server;
    try {
      server = new Socket();
      server.connect(upstream, 5_000);
    } catch (IOException e) {
      reset(client);
      return;
    }
    open.add(client);
    open.add(server);
    if (isCut()) { // a cut began while connecting
      reset(client);
      reset(server);
    }
    Thread.ofVirtual().name("proxy-up").start(() -> pipe(client, server));
    pipe(server, client);
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // reset by a cut, or closed by either side
    } finally {
      reset(from);
      reset(to);
    }
  }

  /** Closes with RST rather than FIN, as a broken network path looks to the peer. */
  private void reset(Socket s) {
    open.remove(s);
    try {
      if (!s.isClosed()) {
        s.setSoLinger(true, 0);
      }
    } catch (IOException ignored) {
      // already gone
    }
    try {
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(this::reset);
  }
}
