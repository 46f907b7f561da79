package org.newsgraph.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What production adds to {@link ManifestRules}: no single pod of anything, an autoscaled
 * extraction tier, disruption budgets, the public APIs behind an Ingress, a replicated
 * CloudNativePG database that query-service reads from through its replicas, and backups.
 */
final class ProductionRules {

  private final List<RenderedObject> objects;
  private final List<Workload> deployments = new ArrayList<>();
  private final List<Violation> found = new ArrayList<>();

  private ProductionRules(List<RenderedObject> objects) {
    this.objects = objects;
    for (Workload workload : Workload.in(objects)) {
      if (workload.id().startsWith("Deployment/")) {
        deployments.add(workload);
      }
    }
  }

  static List<Violation> check(List<RenderedObject> objects) {
    ProductionRules rules = new ProductionRules(objects);
    rules.replicasAndBudgets();
    rules.entityAutoscaling();
    rules.ingress();
    rules.database();
    return rules.found;
  }

  private void replicasAndBudgets() {
    for (Workload deployment : deployments) {
      int replicas =
          autoscalerOf(deployment.name())
              .map(
                  hpa ->
                      hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas())
              .orElse(deployment.replicas());
      if (replicas < 2) {
        violation(deployment.id(), "replicas", "runs " + replicas + " pod; production needs 2+");
      }
      boolean budgeted =
          objects.stream()
              .filter(o -> o.is(PodDisruptionBudget.class))
              .map(o -> o.as(PodDisruptionBudget.class).getSpec())
              .anyMatch(
                  spec ->
                      NetworkRules.matches(spec.getSelector(), deployment.podLabels())
                          && !NetworkRules.selectsEverything(spec.getSelector()));
      if (!budgeted) {
        violation(deployment.id(), "disruption-budget", "no PodDisruptionBudget selects its pods");
      }
    }
  }

  private void entityAutoscaling() {
    Optional<HorizontalPodAutoscaler> hpa = autoscalerOf("entity-service");
    if (hpa.isEmpty()) {
      violation(
          "Deployment/entity-service",
          "autoscaling",
          "no HorizontalPodAutoscaler scales the extraction workers");
    } else {
      var spec = hpa.get().getSpec();
      int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
      if (min < 2 || spec.getMaxReplicas() <= min) {
        violation(
            "HorizontalPodAutoscaler/" + hpa.get().getMetadata().getName(),
            "autoscaling",
            "needs minReplicas >= 2 and maxReplicas above it");
      }
    }
  }

  private Optional<HorizontalPodAutoscaler> autoscalerOf(String deployment) {
    return objects.stream()
        .filter(o -> o.is(HorizontalPodAutoscaler.class))
        .map(o -> o.as(HorizontalPodAutoscaler.class))
        .filter(
            hpa ->
                "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                    && deployment.equals(hpa.getSpec().getScaleTargetRef().getName()))
        .findFirst();
  }

  private void ingress() {
    Set<String> backends = new HashSet<>();
    for (RenderedObject object : objects) {
      if (!object.is(Ingress.class)) {
        continue;
      }
      var spec = object.as(Ingress.class).getSpec();
      if (spec.getTls() == null || spec.getTls().isEmpty()) {
        violation(object.id(), "ingress", "serves plain HTTP: add tls");
      }
      for (IngressRule rule : spec.getRules() == null ? List.<IngressRule>of() : spec.getRules()) {
        if (rule.getHttp() == null) {
          continue;
        }
        for (var path : rule.getHttp().getPaths()) {
          String service = path.getBackend().getService().getName();
          backends.add(service);
          if (!NetworkRules.PUBLIC_SERVICES.contains(service)) {
            violation(object.id(), "ingress", "exposes " + service + ", which must stay internal");
          }
        }
      }
    }
    for (String service : NetworkRules.PUBLIC_SERVICES) {
      if (!backends.contains(service)) {
        violation("Service/" + service, "ingress", "no Ingress routes to it");
      }
    }
  }

  private void database() {
    List<RenderedObject> clusters =
        objects.stream()
            .filter(o -> o.kind().equals("Cluster") && o.apiVersion().equals(CustomResources.CNPG))
            .toList();
    if (clusters.size() != 1) {
      violation(
          "Cluster/*",
          "database",
          "needs exactly one CloudNativePG Cluster, found " + clusters.size());
      return;
    }
    RenderedObject cluster = clusters.get(0);
    String name = cluster.name();
    if (cluster.tree().path("spec").path("instances").asInt() < 2) {
      violation(cluster.id(), "database", "needs instances >= 2: a primary and a read replica");
    }
    expectHost("query-service", "QUARKUS_DATASOURCE_READER_JDBC_URL", name + "-ro");
    expectHost("query-service", "QUARKUS_DATASOURCE_JDBC_URL", name + "-rw");
    expectHost("ingest-service", "QUARKUS_DATASOURCE_JDBC_URL", name + "-rw");
    expectHost("entity-service", "QUARKUS_DATASOURCE_JDBC_URL", name + "-rw");
    boolean archivesWal =
        cluster.tree().path("spec").path("backup").has("barmanObjectStore")
            || StreamSupport.stream(
                    cluster.tree().path("spec").path("plugins").spliterator(), false)
                .anyMatch(plugin -> plugin.path("isWALArchiver").asBoolean(false));
    if (!archivesWal) {
      violation(cluster.id(), "backups", "archives no WAL to object storage");
    }
    boolean scheduled =
        objects.stream()
            .anyMatch(
                o ->
                    o.kind().equals("ScheduledBackup")
                        && o.tree()
                            .path("spec")
                            .path("cluster")
                            .path("name")
                            .asText()
                            .equals(name));
    if (!scheduled) {
      violation(cluster.id(), "backups", "no ScheduledBackup takes base backups of it");
    }
  }

  private void expectHost(String deployment, String variable, String host) {
    String where = "Deployment/" + deployment;
    Optional<String> url = resolve(deployment, variable);
    if (url.isEmpty()) {
      violation(where, "database", variable + " is not set from the ConfigMap");
    } else if (!url.get().startsWith("jdbc:postgresql://" + host + ":")
        && !url.get().startsWith("jdbc:postgresql://" + host + "/")) {
      violation(where, "database", variable + " is " + url.get() + "; it must use " + host);
    }
  }

  /** The value a Deployment's variable takes through its configMapKeyRef. */
  private Optional<String> resolve(String deployment, String variable) {
    for (Workload workload : deployments) {
      if (!workload.name().equals(deployment)) {
        continue;
      }
      for (var container : workload.pod().getContainers()) {
        for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
          if (env.getName().equals(variable)
              && env.getValueFrom() != null
              && env.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = env.getValueFrom().getConfigMapKeyRef();
            return objects.stream()
                .filter(o -> o.is(ConfigMap.class) && o.name().equals(ref.getName()))
                .map(o -> o.as(ConfigMap.class).getData())
                .filter(data -> data != null && data.containsKey(ref.getKey()))
                .map(data -> data.get(ref.getKey()))
                .findFirst();
          }
        }
      }
    }
    return Optional.empty();
  }

  private void violation(String object, String rule, String message) {
    found.add(new Violation(object, rule, message));
  }
}
