package io.vspheretemporal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the simulator's sources in this repository and builds the program once (the build is
 * cached under {@code src/testing/target/vcsim} and redone only when a source file changes).
 */
public final class SimulatorBuild {

  /** What to run when Go or the govmomi sources are missing. */
  public static final String INSTALL_COMMAND =
      "sudo apt-get install -y golang-go golang-github-vmware-govmomi-dev";

  private static final Path DEBIAN_GOVMOMI = Paths.get("/usr/share/gocode/src/github.com/vmware/govmomi");
  private static Path binary;

  private SimulatorBuild() {}

  /** The built simulator program, building it first when needed. */
  public static synchronized Path binary() {
    if (binary == null) {
      binary = build(script());
    }
    return binary;
  }

  /**
   * The {@code src/testing/bin/vcsim} script: from the {@code vsphere.temporal.home} system property,
   * the {@code VSPHERE_TEMPORAL_HOME} environment variable, or the first parent of the working
   * directory that has it.
   */
  static Path script() {
    String home = System.getProperty("vsphere.temporal.home", System.getenv("VSPHERE_TEMPORAL_HOME"));
    if (home != null) {
      Path candidate = Paths.get(home, "src", "testing", "bin", "vcsim");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
      throw new SimulatorUnavailableException("vsphere.temporal.home=" + home
          + " has no src/testing/bin/vcsim; point it at the root of a vsphere-temporal checkout");
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("src/testing/bin/vcsim");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new SimulatorUnavailableException("src/testing/bin/vcsim was not found above "
        + Paths.get("").toAbsolutePath() + "; run from a vsphere-temporal checkout or set -Dvsphere.temporal.home");
  }

  /** Why the simulator cannot be built here, or null when it can. */
  static String missingPrerequisite(Map<String, String> env) {
    if (!onPath("go", env.getOrDefault("PATH", ""))) {
      return "Go is not installed, so the vSphere simulator cannot be built. Install it with: " + INSTALL_COMMAND;
    }
    if (env.get("VCSIM_GO_MODULES") == null && !Files.isDirectory(DEBIAN_GOVMOMI)) {
      return "The govmomi sources are missing (" + DEBIAN_GOVMOMI + "), so the vSphere simulator cannot be built."
          + " Install them with: " + INSTALL_COMMAND
          + " (or set VCSIM_GO_MODULES=1 to build with Go modules and network access)";
    }
    return null;
  }

  static boolean onPath(String program, String path) {
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static Path build(Path script) {
    String missing = missingPrerequisite(System.getenv());
    if (missing != null) {
      throw new SimulatorUnavailableException(missing);
    }
    try {
      Process p = new ProcessBuilder(script.toString(), "--build-only").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new SimulatorUnavailableException("building the simulator failed (" + script + "):\n" + out);
      }
      String[] lines = out.split("\n");
      return Paths.get(lines[lines.length - 1].trim());
    } catch (IOException e) {
      throw new SimulatorUnavailableException("could not run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorUnavailableException("interrupted while building the simulator", e);
    }
  }
}
