package io.vspheretemporal.worker.runtime;

import java.util.ArrayList;
import java.util.List;

/** Command lines that run this same program ({@code cli.Main}) in a JVM of its own. */
public final class ChildJvm {
  private ChildJvm() {}

  public static List<String> command(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    if (Runtime.version().feature() >= 23) {
      // gRPC and protobuf still use sun.misc.Unsafe; allowed as worker/bin/vsphere-temporal does.
      cmd.add("--sun-misc-unsafe-memory-access=allow");
      cmd.add("--enable-native-access=ALL-UNNAMED");
    }
    String home = System.getProperty("vsphere.temporal.home");
    if (home != null) {
      cmd.add("-Dvsphere.temporal.home=" + home);
    }
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.vspheretemporal.worker.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
