package org.newsgraph.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may reach whom, evaluated from the rendered NetworkPolicies: PostgreSQL only from the three
 * services (and, for CloudNativePG, its own instances and operator), the public APIs only from the
 * ingress controller, entity-service from nothing, and everything else denied by default.
 */
final class NetworkRules {

  static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
  static final String DATABASE_OPERATOR_NAMESPACE = "cnpg-system";

  /** The services the Ingress exposes; the other services are internal. */
  static final Set<String> PUBLIC_SERVICES = Set.of("ingest-service", "query-service");

  private static final String APP = "(this namespace)";
  private static final List<String> OTHER_NAMESPACES =
      List.of(
          INGRESS_CONTROLLER_NAMESPACE, DATABASE_OPERATOR_NAMESPACE, "kube-system", "elsewhere");

  private final List<Workload> workloads;
  private final List<RenderedObject> policies = new ArrayList<>();
  private final List<Violation> found = new ArrayList<>();

  private NetworkRules(List<RenderedObject> objects, List<Workload> workloads) {
    this.workloads = workloads;
    for (RenderedObject object : objects) {
      if (object.is(NetworkPolicy.class)) {
        policies.add(object);
      }
    }
  }

  static List<Violation> check(List<RenderedObject> objects, List<Workload> workloads) {
    NetworkRules rules = new NetworkRules(objects, workloads);
    rules.defaultDeny();
    for (Workload workload : workloads) {
      rules.reachability(workload);
    }
    return rules.found;
  }

  private void defaultDeny() {
    for (RenderedObject object : policies) {
      var spec = object.as(NetworkPolicy.class).getSpec();
      if (selectsEverything(spec.getPodSelector())
          && hasIngressType(spec.getPolicyTypes())
          && (spec.getIngress() == null || spec.getIngress().isEmpty())) {
        return;
      }
    }
    found.add(
        new Violation(
            "NetworkPolicy/*",
            "network-policy",
            "no default-deny policy (podSelector {}, policyTypes [Ingress], no rules)"));
  }

  private void reachability(Workload target) {
    List<Peer> peers = new ArrayList<>();
    boolean selected = false;
    for (RenderedObject object : policies) {
      var spec = object.as(NetworkPolicy.class).getSpec();
      if (!hasIngressType(spec.getPolicyTypes())
          || !matches(spec.getPodSelector(), target.podLabels())) {
        continue;
      }
      selected = true;
      for (NetworkPolicyIngressRule rule : orEmpty(spec.getIngress())) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
          violation(target, object.id() + " lets any source in");
          continue;
        }
        for (NetworkPolicyPeer peer : rule.getFrom()) {
          if (peer.getIpBlock() != null) {
            violation(target, object.id() + " lets an ipBlock in");
          } else {
            peers.add(new Peer(object.id(), peer));
          }
        }
      }
    }
    if (!selected) {
      violation(target, "no NetworkPolicy selects it, so anything can reach it");
      return;
    }
    for (Peer peer : peers) {
      if (peer.namespaces().isEmpty()) {
        // a namespace none of the rules expects (e.g. "monitoring"): name it rather than guess
        violation(target, peer.policy() + " lets pods of another namespace in");
      }
    }
    if (target.isDatabase()) {
      databasePeers(target, peers);
    } else if (target.isService() && PUBLIC_SERVICES.contains(target.name())) {
      for (Peer peer : peers) {
        for (String namespace : peer.namespaces()) {
          if (!namespace.equals(INGRESS_CONTROLLER_NAMESPACE)) {
            violation(target, peer.policy() + " lets " + describe(peer, namespace) + " in");
          }
        }
      }
      if (peers.stream().noneMatch(p -> p.namespaces().contains(INGRESS_CONTROLLER_NAMESPACE))) {
        violation(
            target,
            "the ingress controller (" + INGRESS_CONTROLLER_NAMESPACE + ") cannot reach it");
      }
    } else if (target.isService()) {
      for (Peer peer : peers) {
        violation(target, peer.policy() + " lets a peer in; nothing may reach this service");
      }
    }
  }

  private void databasePeers(Workload database, List<Peer> peers) {
    Set<String> reached = new LinkedHashSet<>();
    for (Peer peer : peers) {
      for (String namespace : peer.namespaces()) {
        if (namespace.equals(DATABASE_OPERATOR_NAMESPACE)) {
          continue;
        }
        if (!namespace.equals(APP) || selectsEverything(peer.peer().getPodSelector())) {
          violation(database, peer.policy() + " lets " + describe(peer, namespace) + " in");
          continue;
        }
        for (Workload source : workloads) {
          if (matches(peer.peer().getPodSelector(), source.podLabels())) {
            if (source.isService()) {
              reached.add(source.name());
            } else if (!source.isDatabase()) {
              violation(database, peer.policy() + " lets " + source.id() + " in");
            }
          }
        }
      }
    }
    for (Workload service : workloads) {
      if (service.isService() && !reached.contains(service.name())) {
        violation(database, service.id() + " cannot reach it");
      }
    }
  }

  /** The namespaces (among those that matter) a peer's namespaceSelector admits. */
  private record Peer(String policy, NetworkPolicyPeer peer) {
    Set<String> namespaces() {
      Set<String> namespaces = new LinkedHashSet<>();
      if (peer.getNamespaceSelector() == null) {
        namespaces.add(APP);
        return namespaces;
      }
      // the app namespace is admitted when the selector admits any namespace of that name
      if (selectsEverything(peer.getNamespaceSelector())) {
        namespaces.add(APP);
      }
      for (String namespace : OTHER_NAMESPACES) {
        if (matches(
            peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace))) {
          namespaces.add(namespace);
        }
      }
      return namespaces;
    }
  }

  private static String describe(Peer peer, String namespace) {
    boolean allPods = selectsEverything(peer.peer().getPodSelector());
    return (allPods ? "every pod" : "selected pods") + " of " + namespace;
  }

  static boolean selectsEverything(LabelSelector selector) {
    return selector == null
        || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null
                || selector.getMatchExpressions().isEmpty()));
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null) {
      for (var label : selector.getMatchLabels().entrySet()) {
        if (!label.getValue().equals(labels.get(label.getKey()))) {
          return false;
        }
      }
    }
    for (LabelSelectorRequirement requirement : orEmpty(selector.getMatchExpressions())) {
      String value = labels.get(requirement.getKey());
      List<String> values = orEmpty(requirement.getValues());
      boolean ok =
          switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasIngressType(List<String> types) {
    return types == null || types.isEmpty() || types.contains("Ingress");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private void violation(Workload workload, String message) {
    found.add(new Violation(workload.id(), "network-policy", message));
  }
}
