package io.vspheretemporal.worker.cli;

import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflowImpl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "provision", mixinStandardHelpOptions = true,
    description = {"Starts ProvisionVm: clone a template, size it, power it on, wait for its IP.",
        "Give the request as flags or as a JSON/YAML file (--file); prints the workflow id."})
public final class ProvisionCommand extends Starter implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--file", description = "the ProvisionVm request as JSON or YAML")
  Path file;
  @Option(names = "--vcenter") String vcenter;
  @Option(names = "--name") String name;
  @Option(names = "--template", description = "inventory path or name") String template;
  @Option(names = "--folder", description = "inventory path or name") String folder;
  @Option(names = "--resource-pool") String resourcePool;
  @Option(names = "--cluster", description = "a cluster's inventory path (its root pool is used)") String cluster;
  @Option(names = "--datastore") String datastore;
  @Option(names = "--network") String network;
  @Option(names = "--cpus") Integer cpus;
  @Option(names = "--memory-mb") Long memoryMb;
  @Option(names = "--disk-gb") Long diskGb;
  @Option(names = "--ip", description = "static IPv4 address (default: DHCP)") String ip;
  @Option(names = "--netmask") String netmask;
  @Option(names = "--gateway") String gateway;
  @Option(names = "--dns", split = ",") List<String> dns;
  @Option(names = "--domain") String domain;
  @Option(names = "--ip-timeout", description = "seconds to wait for the guest's IP (default 600)") Integer ipTimeout;

  @Override
  public Integer call() {
    ProvisionVmRequest request;
    try {
      request = file != null ? RequestFiles.read(file, ProvisionVmRequest.class) : fromFlags();
    } catch (BadRequestFile e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    List<String> problems = ProvisionVmWorkflowImpl.check(request).problems();
    if (!problems.isEmpty()) {
      return rejected(spec.commandLine().getErr(), "ProvisionVm", problems);
    }
    return start(spec.commandLine().getOut(), spec.commandLine().getErr(), "ProvisionVm",
        "provision-" + slug(request.vcenter()) + "-" + slug(request.name()), request.vcenter(), request.name(), request);
  }

  private ProvisionVmRequest fromFlags() {
    GuestCustomization customization = null;
    if (ip != null || domain != null) {
      customization = new GuestCustomization("linux", null, domain, ip, netmask, gateway, dns, null);
    }
    return new ProvisionVmRequest(vcenter, name, template, folder, resourcePool, cluster, datastore, network,
        cpus, memoryMb, diskGb, customization, ipTimeout);
  }
}
