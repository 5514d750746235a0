package io.vspheretemporal.worker.cli;

import io.vspheretemporal.workflows.host.OnboardHostRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "onboard-host", mixinStandardHelpOptions = true,
    description = {"Starts OnboardHost: add a host to a cluster, through maintenance mode and out.",
        "The root password is a secret the workers hold (--password-secret names it)."})
public final class OnboardHostCommand extends Starter implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--vcenter", required = true) String vcenter;
  @Option(names = "--cluster", required = true, description = "inventory path or name") String cluster;
  @Option(names = "--host", required = true, description = "the host's DNS name or IP") String host;
  @Option(names = "--username", defaultValue = "root") String username;
  @Option(names = "--password-secret", required = true, description = "name of the worker-side secret") String passwordSecret;
  @Option(names = "--thumbprint", description = "the host certificate's SHA-1 thumbprint") String thumbprint;

  @Override
  public Integer call() {
    return start(spec.commandLine().getOut(), spec.commandLine().getErr(), "OnboardHost",
        "onboard-" + slug(vcenter) + "-" + slug(host), vcenter, null,
        new OnboardHostRequest(vcenter, cluster, host, username, passwordSecret, thumbprint));
  }
}
