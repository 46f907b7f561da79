package org.newsgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Structural checks for the custom resources the overlays use (CloudNativePG and its Barman Cloud
 * plugin), whose CRD schemas are not available offline: the fields this project relies on exist
 * with the right types, and no field outside the CRD's top level of {@code spec} (so a misspelt
 * field fails instead of being dropped by the API server).
 */
final class CustomResources {

  static final String CNPG = "postgresql.cnpg.io/v1";
  static final String BARMAN_CLOUD = "barmancloud.cnpg.io/v1";

  // spec fields of postgresql.cnpg.io/v1 Cluster (CloudNativePG 1.27)
  private static final Set<String> CLUSTER_SPEC =
      Set.of(
          "affinity",
          "backup",
          "bootstrap",
          "certificates",
          "description",
          "enablePDB",
          "enableSuperuserAccess",
          "env",
          "envFrom",
          "ephemeralVolumeSource",
          "ephemeralVolumesSizeLimit",
          "externalClusters",
          "failoverDelay",
          "imageCatalogRef",
          "imageName",
          "imagePullPolicy",
          "imagePullSecrets",
          "inheritedMetadata",
          "instances",
          "livenessProbeTimeout",
          "logLevel",
          "managed",
          "maxSyncReplicas",
          "minSyncReplicas",
          "monitoring",
          "nodeMaintenanceWindow",
          "plugins",
          "podSecurityContext",
          "postgresGID",
          "postgresUID",
          "postgresql",
          "primaryUpdateMethod",
          "primaryUpdateStrategy",
          "priorityClassName",
          "probes",
          "projectedVolumeTemplate",
          "replica",
          "replicationSlots",
          "resources",
          "schedulerName",
          "seccompProfile",
          "securityContext",
          "serviceAccountTemplate",
          "smartShutdownTimeout",
          "startDelay",
          "stopDelay",
          "storage",
          "superuserSecret",
          "switchoverDelay",
          "tablespaces",
          "topologySpreadConstraints",
          "walStorage");

  private static final Set<String> SCHEDULED_BACKUP_SPEC =
      Set.of(
          "backupOwnerReference",
          "cluster",
          "immediate",
          "method",
          "online",
          "onlineConfiguration",
          "pluginConfiguration",
          "schedule",
          "suspend",
          "target");

  private static final Set<String> OBJECT_STORE_SPEC =
      Set.of("configuration", "instanceSidecarConfiguration", "retentionPolicy");

  private CustomResources() {}

  static boolean knows(String apiVersion, String kind) {
    return (apiVersion.equals(CNPG) && (kind.equals("Cluster") || kind.equals("ScheduledBackup")))
        || (apiVersion.equals(BARMAN_CLOUD) && kind.equals("ObjectStore"));
  }

  static List<Violation> check(String id, String apiVersion, String kind, JsonNode tree) {
    Shape shape = new Shape(id, tree.path("spec"));
    if (!tree.path("spec").isObject()) {
      shape.fail("needs a spec object");
      return shape.found;
    }
    switch (kind) {
      case "Cluster" -> {
        shape.onlyFields(CLUSTER_SPEC);
        shape.integer("instances", 1);
        shape.text("imageName");
        shape.quantity("storage.size");
        if (shape.has("walStorage")) {
          shape.quantity("walStorage.size");
        }
        if (shape.has("bootstrap.initdb")) {
          shape.text("bootstrap.initdb.database");
          shape.text("bootstrap.initdb.owner");
        }
        for (JsonNode plugin : tree.path("spec").path("plugins")) {
          if (!plugin.path("name").isTextual()) {
            shape.fail("every entry of spec.plugins needs a name");
          }
        }
        for (JsonNode role : tree.path("spec").path("managed").path("roles")) {
          if (!role.path("name").isTextual()) {
            shape.fail("every entry of spec.managed.roles needs a name");
          }
        }
      }
      case "ScheduledBackup" -> {
        shape.onlyFields(SCHEDULED_BACKUP_SPEC);
        shape.text("cluster.name");
        shape.text("schedule");
        String schedule = tree.path("spec").path("schedule").asText("");
        if (!schedule.isEmpty() && schedule.trim().split("\\s+").length != 6) {
          shape.fail("spec.schedule needs six cron fields (seconds first), got '" + schedule + "'");
        }
        String method = tree.path("spec").path("method").asText("barmanObjectStore");
        if (!Set.of("barmanObjectStore", "volumeSnapshot", "plugin").contains(method)) {
          shape.fail("spec.method '" + method + "' is not a CloudNativePG backup method");
        }
        if (method.equals("plugin")) {
          shape.text("pluginConfiguration.name");
        }
      }
      case "ObjectStore" -> {
        shape.onlyFields(OBJECT_STORE_SPEC);
        shape.text("configuration.destinationPath");
      }
      default -> throw new IllegalArgumentException(apiVersion + " " + kind);
    }
    return shape.found;
  }

  /** Typed field checks on a spec, collecting what fails. */
  private static final class Shape {
    private final String id;
    private final JsonNode spec;
    private final List<Violation> found = new ArrayList<>();

    Shape(String id, JsonNode spec) {
      this.id = id;
      this.spec = spec;
    }

    void fail(String message) {
      found.add(new Violation(id, "schema", message));
    }

    JsonNode at(String dotted) {
      JsonNode node = spec;
      for (String part : dotted.split("\\.")) {
        node = node.path(part);
      }
      return node;
    }

    boolean has(String dotted) {
      return !at(dotted).isMissingNode();
    }

    void onlyFields(Set<String> known) {
      for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          fail("unknown field 'spec." + name + "'");
        }
      }
    }

    void text(String dotted) {
      if (!at(dotted).isTextual() || at(dotted).asText().isBlank()) {
        fail("spec." + dotted + " must be a non-empty string");
      }
    }

    void integer(String dotted, int minimum) {
      if (!at(dotted).isInt() || at(dotted).asInt() < minimum) {
        fail("spec." + dotted + " must be an integer >= " + minimum);
      }
    }

    void quantity(String dotted) {
      if (!at(dotted).isTextual()) {
        fail("spec." + dotted + " must be a quantity such as 10Gi");
        return;
      }
      try {
        Quantity.getAmountInBytes(new Quantity(at(dotted).asText()));
      } catch (IllegalArgumentException e) {
        fail("spec." + dotted + " '" + at(dotted).asText() + "' is not a quantity");
      }
    }
  }
}
