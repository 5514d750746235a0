package io.vspheretemporal.activities.vm;

import com.vmware.vim25.CustomizationAdapterMapping;
import com.vmware.vim25.CustomizationDhcpIpGenerator;
import com.vmware.vim25.CustomizationFixedIp;
import com.vmware.vim25.CustomizationFixedName;
import com.vmware.vim25.CustomizationGlobalIPSettings;
import com.vmware.vim25.CustomizationGuiUnattended;
import com.vmware.vim25.CustomizationIPSettings;
import com.vmware.vim25.CustomizationIdentification;
import com.vmware.vim25.CustomizationLinuxPrep;
import com.vmware.vim25.CustomizationPassword;
import com.vmware.vim25.CustomizationSpec;
import com.vmware.vim25.CustomizationSysprep;
import com.vmware.vim25.CustomizationUserData;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualMachineCloneSpec;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachineFileInfo;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.api.vm.RelocateVmRequest;

import static io.vspheretemporal.activities.vim.Refs.vim;

/** vim25 specs built from workflow requests. */
final class VmSpecs {
  /**
   * ExtraConfig key stamped on every VM a step creates, holding the step's key: a retried step
   * recognises its own VM by it, and never mistakes somebody else's VM of the same name for it.
   */
  static final String OPERATION_KEY = "vsphere-temporal.operation";

  private VmSpecs() {}

  static VirtualMachineCloneSpec clone(OperationContext ctx, CloneVmRequest r) {
    VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
    location.setPool(vim(r.resourcePool()));
    location.setDatastore(vim(r.datastore()));
    location.setHost(vim(r.host()));
    VirtualMachineCloneSpec spec = new VirtualMachineCloneSpec();
    spec.setLocation(location);
    spec.setPowerOn(r.powerOn());
    spec.setTemplate(false);
    spec.setConfig(marked(new VirtualMachineConfigSpec(), ctx));
    if (r.customization() != null) {
      spec.setCustomization(customization(ctx, r.customization()));
    }
    return spec;
  }

  static VirtualMachineConfigSpec create(OperationContext ctx, CreateVmRequest r, String datastoreName) {
    VirtualMachineConfigSpec spec = marked(new VirtualMachineConfigSpec(), ctx);
    spec.setName(r.name());
    spec.setGuestId(r.guestId());
    spec.setNumCPUs(r.numCpus());
    spec.setMemoryMB(r.memoryMb());
    VirtualMachineFileInfo files = new VirtualMachineFileInfo();
    files.setVmPathName("[" + datastoreName + "]");
    spec.setFiles(files);
    return spec;
  }

  static VirtualMachineRelocateSpec relocate(RelocateVmRequest r) {
    VirtualMachineRelocateSpec spec = new VirtualMachineRelocateSpec();
    spec.setPool(vim(r.resourcePool()));
    spec.setHost(vim(r.host()));
    spec.setDatastore(vim(r.datastore()));
    spec.setFolder(vim(r.folder()));
    return spec;
  }

  private static VirtualMachineConfigSpec marked(VirtualMachineConfigSpec spec, OperationContext ctx) {
    OptionValue mark = new OptionValue();
    mark.setKey(OPERATION_KEY);
    mark.setValue(ctx.operationKey());
    spec.setExtraConfig(new OptionValue[] {mark});
    return spec;
  }

  private static CustomizationSpec customization(OperationContext ctx, GuestCustomization g) {
    CustomizationSpec spec = new CustomizationSpec();
    CustomizationFixedName host = new CustomizationFixedName();
    host.setName(g.hostName());
    if ("windows".equals(g.os())) {
      CustomizationSysprep sysprep = new CustomizationSysprep();
      CustomizationUserData user = new CustomizationUserData();
      user.setComputerName(host);
      user.setFullName("vsphere-temporal");
      user.setOrgName("vsphere-temporal");
      user.setProductId("");
      sysprep.setUserData(user);
      CustomizationGuiUnattended gui = new CustomizationGuiUnattended();
      gui.setTimeZone(85);
      gui.setAutoLogon(false);
      gui.setAutoLogonCount(0);
      if (g.adminPasswordSecret() != null) {
        CustomizationPassword pw = new CustomizationPassword();
        pw.setPlainText(true);
        pw.setValue(ctx.secret(g.adminPasswordSecret(), "customization.adminPasswordSecret").reveal());
        gui.setPassword(pw);
      }
      sysprep.setGuiUnattended(gui);
      CustomizationIdentification id = new CustomizationIdentification();
      id.setJoinWorkgroup("WORKGROUP");
      sysprep.setIdentification(id);
      spec.setIdentity(sysprep);
    } else {
      CustomizationLinuxPrep prep = new CustomizationLinuxPrep();
      prep.setHostName(host);
      prep.setDomain(g.domain() == null ? "" : g.domain());
      spec.setIdentity(prep);
    }
    CustomizationGlobalIPSettings global = new CustomizationGlobalIPSettings();
    if (!g.dnsServers().isEmpty()) {
      global.setDnsServerList(g.dnsServers().toArray(String[]::new));
    }
    spec.setGlobalIPSettings(global);
    CustomizationIPSettings ip = new CustomizationIPSettings();
    if (g.dhcp()) {
      ip.setIp(new CustomizationDhcpIpGenerator());
    } else {
      CustomizationFixedIp fixed = new CustomizationFixedIp();
      fixed.setIpAddress(g.ipAddress());
      ip.setIp(fixed);
      ip.setSubnetMask(g.netmask());
      if (g.gateway() != null) {
        ip.setGateway(new String[] {g.gateway()});
      }
    }
    CustomizationAdapterMapping nic = new CustomizationAdapterMapping();
    nic.setAdapter(ip);
    spec.setNicSettingMap(new CustomizationAdapterMapping[] {nic});
    return spec;
  }
}
