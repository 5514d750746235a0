package io.vspheretemporal.worker.bench;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.atomic.AtomicLong;

/** Counts one gRPC method's calls from the worker to Temporal (the benchmark counts heartbeats). */
final class RpcCounter implements ClientInterceptor {
  private final String method;
  private final AtomicLong calls = new AtomicLong();

  RpcCounter(String fullMethodName) {
    this.method = fullMethodName;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> descriptor, CallOptions options, Channel next) {
    if (descriptor.getFullMethodName().equals(method)) {
      calls.incrementAndGet();
    }
    return next.newCall(descriptor, options);
  }

  long calls() {
    return calls.get();
  }
}
