package org.newsgraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Deployment or StatefulSet seen through what the rules care about: its pods. */
record Workload(
    String id,
    String name,
    LabelSelector selector,
    Map<String, String> podLabels,
    PodSpec pod,
    int replicas) {

  static final String COMPONENT = "app.kubernetes.io/component";
  static final String CNPG_CLUSTER = "cnpg.io/cluster";

  static List<Workload> in(List<RenderedObject> objects) {
    List<Workload> workloads = new ArrayList<>();
    for (RenderedObject object : objects) {
      if (object.typed() instanceof Deployment d) {
        workloads.add(
            new Workload(
                object.id(),
                object.name(),
                d.getSpec().getSelector(),
                labels(d.getSpec().getTemplate().getMetadata()),
                d.getSpec().getTemplate().getSpec(),
                d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()));
      } else if (object.typed() instanceof StatefulSet s) {
        workloads.add(
            new Workload(
                object.id(),
                object.name(),
                s.getSpec().getSelector(),
                labels(s.getSpec().getTemplate().getMetadata()),
                s.getSpec().getTemplate().getSpec(),
                s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas()));
      }
    }
    return workloads;
  }

  /**
   * The pods CloudNativePG will run for each Cluster, with the labels it gives them: they have no
   * pod template here, only labels that the NetworkPolicies must match.
   */
  static List<Workload> databaseClusters(List<RenderedObject> objects) {
    List<Workload> clusters = new ArrayList<>();
    for (RenderedObject object : objects) {
      if (object.kind().equals("Cluster") && object.apiVersion().equals(CustomResources.CNPG)) {
        Map<String, String> labels = new HashMap<>();
        object
            .tree()
            .path("spec")
            .path("inheritedMetadata")
            .path("labels")
            .fields()
            .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        labels.put(CNPG_CLUSTER, object.name());
        clusters.add(
            new Workload(
                object.id(),
                object.name(),
                null,
                labels,
                null,
                object.tree().path("spec").path("instances").asInt(1)));
      }
    }
    return clusters;
  }

  private static Map<String, String> labels(ObjectMeta metadata) {
    return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
  }

  /** One of the three Quarkus services (labelled component=api). */
  boolean isService() {
    return "api".equals(podLabels.get(COMPONENT));
  }

  boolean isDatabase() {
    return "database".equals(podLabels.get(COMPONENT)) || podLabels.containsKey(CNPG_CLUSTER);
  }

  List<Container> containers() {
    List<Container> all = new ArrayList<>();
    if (pod.getInitContainers() != null) {
      all.addAll(pod.getInitContainers());
    }
    all.addAll(pod.getContainers());
    return all;
  }
}
