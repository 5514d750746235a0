package io.vspheretemporal.activities.inventory;

import java.util.Map;
import java.util.Set;

/**
 * What a look-up expects to find: the managed type its name search views, the types that count
 * (a subtype such as a distributed portgroup is a network), and for virtual machines whether a
 * template is wanted (VMs and templates share one managed type and differ in config.template).
 */
enum Kind {
  VM("FindVm", "VM", "VirtualMachine", Set.of("VirtualMachine"), false),
  TEMPLATE("FindTemplate", "template", "VirtualMachine", Set.of("VirtualMachine"), true),
  FOLDER("FindFolder", "folder", "Folder", Set.of("Folder"), null),
  RESOURCE_POOL("FindResourcePool", "resource pool", "ResourcePool", Set.of("ResourcePool", "VirtualApp"), null),
  DATASTORE("FindDatastore", "datastore", "Datastore", Set.of("Datastore"), null),
  NETWORK("FindNetwork", "network", "Network", Set.of("Network", "DistributedVirtualPortgroup", "OpaqueNetwork"), null),
  HOST("FindHost", "host", "HostSystem", Set.of("HostSystem"), null),
  CLUSTER("FindCluster", "cluster", "ClusterComputeResource", Set.of("ClusterComputeResource"), null);

  static final String NAME = "name";
  static final String TEMPLATE_FLAG = "config.template";

  private final String operation;
  private final String noun;
  private final String viewType;
  private final Set<String> types;
  private final Boolean template;

  Kind(String operation, String noun, String viewType, Set<String> types, Boolean template) {
    this.operation = operation;
    this.noun = noun;
    this.viewType = viewType;
    this.types = types;
    this.template = template;
  }

  /** The activity type, for messages. */
  String operation() {
    return operation;
  }

  String noun() {
    return noun;
  }

  /** The managed type a container view of this kind holds (subtypes included). */
  String viewType() {
    return viewType;
  }

  /** The properties a look-up reads: the name, and for VMs the template flag. */
  String[] paths() {
    return template == null ? new String[] {NAME} : new String[] {NAME, TEMPLATE_FLAG};
  }

  boolean acceptsType(String managedType) {
    return types.contains(managedType);
  }

  /** Whether an object of an accepted type, with {@link #paths()} read, is of this kind. */
  boolean matches(Map<String, Object> props) {
    return template == null || template == isTemplate(props);
  }

  /** What an object of an accepted type is, for messages: "a template", "a VM", "a folder". */
  String describe(Map<String, Object> props) {
    if (template == null) {
      return "a " + noun;
    }
    return isTemplate(props) ? "a template" : "a VM";
  }

  /** The other VM kind's operation, for "use FindTemplate" hints; null for other kinds. */
  String sibling() {
    return template == null ? null : template ? VM.operation : TEMPLATE.operation;
  }

  private static boolean isTemplate(Map<String, Object> props) {
    return Boolean.TRUE.equals(props.get(TEMPLATE_FLAG));
  }
}
