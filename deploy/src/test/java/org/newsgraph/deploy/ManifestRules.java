package org.newsgraph.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every overlay must keep, whatever the environment: health probes, resources, the
 * restricted Pod Security profile, immutable images, configuration through ConfigMaps and Secrets,
 * no credentials in the manifests, and NetworkPolicies (see {@link NetworkRules}).
 */
final class ManifestRules {

  /**
   * Minimum time a service may take to start before Kubernetes restarts it. entity-service loads
   * CoreNLP: measured 37 s of CPU (54 s wall on a busy 2-core machine) for the full pipeline, so
   * 180 s leaves room for a throttled pod plus Flyway.
   */
  private static final Map<String, Integer> MIN_STARTUP_SECONDS = Map.of("entity-service", 180);

  private static final int DEFAULT_MIN_STARTUP_SECONDS = 60;

  /**
   * Minimum maximum heap. CoreNLP with fine-grained NER, SUTime and depparse holds 1.06 GiB live
   * after loading and 1.09 GiB after annotating the seeds (heap used after a full GC); twice that
   * leaves room for the garbage a long article produces.
   */
  private static final Map<String, Long> MIN_HEAP_BYTES = Map.of("entity-service", 2L << 30);

  /** Metaspace, code cache, thread stacks and buffers outside the heap. */
  private static final long MIN_NON_HEAP_BYTES = 256L << 20;

  private static final Pattern MAX_RAM_PERCENTAGE =
      Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEYS?|CREDENTIAL).*");

  /** The only variable a service may set inline: JVM sizing, which belongs to the limits. */
  private static final Set<String> INLINE_ENV = Set.of("JAVA_TOOL_OPTIONS");

  private static final Map<String, String> HEALTH_PROBES =
      Map.of(
          "startupProbe", "/q/health/started",
          "readinessProbe", "/q/health/ready",
          "livenessProbe", "/q/health/live");

  private final List<RenderedObject> objects;
  private final List<Workload> workloads;
  private final Map<String, Set<String>> secretKeys;
  private final List<Violation> found = new ArrayList<>();

  /**
   * @param secretTemplates the Secrets an operator creates by hand (they are not rendered)
   */
  private ManifestRules(List<RenderedObject> objects, List<RenderedObject> secretTemplates) {
    this.objects = objects;
    this.workloads = Workload.in(objects);
    this.secretKeys = new HashMap<>();
    for (RenderedObject template : secretTemplates) {
      secretKeys.put(template.name(), keys(template.as(Secret.class)));
    }
    for (RenderedObject object : objects) {
      if (object.typed() instanceof Secret secret) {
        secretKeys.put(object.name(), keys(secret));
      }
      if (object.kind().equals("Cluster") && object.apiVersion().equals(CustomResources.CNPG)) {
        // CloudNativePG generates <cluster>-app with the owner's credentials
        secretKeys.put(
            object.name() + "-app",
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"));
      }
    }
  }

  static List<Violation> check(List<RenderedObject> objects, List<RenderedObject> secretTemplates) {
    ManifestRules rules = new ManifestRules(objects, secretTemplates);
    rules.workloadRules();
    rules.references();
    rules.secretsHoldNoCredentials();
    rules.customResourceImages();
    List<Workload> pods = new ArrayList<>(rules.workloads);
    pods.addAll(Workload.databaseClusters(objects));
    rules.found.addAll(NetworkRules.check(objects, pods));
    return rules.found;
  }

  /** A Secret template may name a user, never hold a credential. */
  static List<Violation> checkTemplate(RenderedObject template) {
    List<Violation> found = new ArrayList<>();
    if (!(template.typed() instanceof Secret secret)) {
      found.add(new Violation(template.id(), "secret-plaintext", "a template must be a Secret"));
      return found;
    }
    values(secret)
        .forEach(
            (key, value) -> {
              if (!key.equals("username") && !value.isEmpty()) {
                found.add(
                    new Violation(
                        template.id(),
                        "secret-plaintext",
                        "template key '" + key + "' must be empty: credentials never go in git"));
              }
            });
    return found;
  }

  private void workloadRules() {
    for (Workload workload : workloads) {
      if (workload.pod() == null || workload.pod().getContainers() == null) {
        violation(workload.id(), "schema", "has no pod template with containers");
        continue;
      }
      podSecurity(workload);
      for (Container container : workload.containers()) {
        String where = workload.id() + " container " + container.getName();
        if (container.getImage() == null || container.getName() == null) {
          violation(where, "schema", "a container needs a name and an image");
          continue;
        }
        image(where, container.getImage());
        probes(where, workload, container);
        resources(where, container);
        containerSecurity(where, workload, container);
        environment(where, workload, container);
        if (workload.isService()) {
          jvmMemory(where, workload, container);
        }
      }
    }
  }

  private void image(String where, String image) {
    String problem = imageProblem(image);
    if (problem != null) {
      violation(where, "image", problem);
    }
  }

  /** Null when the reference is immutable: a digest, or a tag other than "latest". */
  static String imageProblem(String image) {
    if (image.contains("@sha256:")) {
      return null;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return "image '" + image + "' has no tag: pin a version or a digest";
    }
    String tag = image.substring(colon + 1);
    if (tag.equalsIgnoreCase("latest")) {
      return "image '" + image + "' uses the mutable tag 'latest': pin a version or a digest";
    }
    return null;
  }

  private void probes(String where, Workload workload, Container container) {
    Map<String, Probe> probes = new HashMap<>();
    probes.put("startupProbe", container.getStartupProbe());
    probes.put("readinessProbe", container.getReadinessProbe());
    probes.put("livenessProbe", container.getLivenessProbe());
    probes.forEach(
        (kind, probe) -> {
          if (probe == null) {
            violation(where, "probes", "has no " + kind);
          } else if (workload.isService()) {
            HTTPGetAction get = probe.getHttpGet();
            String path = HEALTH_PROBES.get(kind);
            if (get == null || !path.equals(get.getPath())) {
              violation(where, "probes", kind + " must be an HTTP GET of " + path);
            } else if (!portExists(container, get)) {
              violation(where, "probes", kind + " targets a port the container does not declare");
            }
          }
        });
    Probe startup = container.getStartupProbe();
    if (workload.isService() && startup != null) {
      int budget =
          orDefault(startup.getInitialDelaySeconds(), 0)
              + orDefault(startup.getPeriodSeconds(), 10)
                  * orDefault(startup.getFailureThreshold(), 3);
      int minimum = MIN_STARTUP_SECONDS.getOrDefault(workload.name(), DEFAULT_MIN_STARTUP_SECONDS);
      if (budget < minimum) {
        violation(
            where,
            "startup-budget",
            "startupProbe allows " + budget + " s before a restart; this service needs " + minimum);
      }
    }
  }

  private static boolean portExists(Container container, HTTPGetAction get) {
    if (get.getPort() == null || container.getPorts() == null) {
      return false;
    }
    for (ContainerPort port : container.getPorts()) {
      if (get.getPort().getStrVal() != null
          ? get.getPort().getStrVal().equals(port.getName())
          : get.getPort().getIntVal().equals(port.getContainerPort())) {
        return true;
      }
    }
    return false;
  }

  private void resources(String where, Container container) {
    var resources = container.getResources();
    for (String resource : List.of("cpu", "memory")) {
      Quantity request =
          resources == null || resources.getRequests() == null
              ? null
              : resources.getRequests().get(resource);
      Quantity limit =
          resources == null || resources.getLimits() == null
              ? null
              : resources.getLimits().get(resource);
      if (request == null || limit == null) {
        violation(where, "resources", "needs both a request and a limit for " + resource);
      } else if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit))
          > 0) {
        violation(where, "resources", resource + " request is above its limit");
      }
    }
  }

  private void jvmMemory(String where, Workload workload, Container container) {
    Optional<String> options =
        env(container).stream()
            .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS") && e.getValue() != null)
            .map(EnvVar::getValue)
            .findFirst();
    Matcher percentage = MAX_RAM_PERCENTAGE.matcher(options.orElse(""));
    if (!percentage.find()) {
      violation(
          where,
          "jvm-memory",
          "JAVA_TOOL_OPTIONS must size the heap from the limit with -XX:MaxRAMPercentage");
      return;
    }
    Quantity limit =
        container.getResources() == null || container.getResources().getLimits() == null
            ? null
            : container.getResources().getLimits().get("memory");
    if (limit == null) {
      return; // reported by "resources"
    }
    BigDecimal limitBytes = Quantity.getAmountInBytes(limit);
    long heap =
        limitBytes
            .multiply(new BigDecimal(percentage.group(1)))
            .divide(BigDecimal.valueOf(100))
            .longValue();
    long minimumHeap = MIN_HEAP_BYTES.getOrDefault(workload.name(), 0L);
    if (heap < minimumHeap) {
      violation(
          where,
          "jvm-memory",
          "max heap is "
              + (heap >> 20)
              + " MiB ("
              + percentage.group(1)
              + "% of "
              + limit
              + "); it needs at least "
              + (minimumHeap >> 20)
              + " MiB");
    }
    if (limitBytes.longValue() - heap < MIN_NON_HEAP_BYTES) {
      violation(
          where,
          "jvm-memory",
          "leaves " + ((limitBytes.longValue() - heap) >> 20) + " MiB outside the heap; needs 256");
    }
  }

  private void podSecurity(Workload workload) {
    var pod = workload.pod();
    if (Boolean.TRUE.equals(pod.getHostNetwork())
        || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      violation(workload.id(), "security-context", "must not share the host's namespaces");
    }
    if (pod.getVolumes() != null) {
      for (Volume volume : pod.getVolumes()) {
        if (volume.getHostPath() != null) {
          violation(
              workload.id(), "security-context", "volume " + volume.getName() + " is a hostPath");
        }
      }
    }
  }

  private void containerSecurity(String where, Workload workload, Container container) {
    PodSecurityContext pod = workload.pod().getSecurityContext();
    SecurityContext own = container.getSecurityContext();
    boolean nonRoot =
        own != null && own.getRunAsNonRoot() != null
            ? own.getRunAsNonRoot()
            : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
    Long user =
        own != null && own.getRunAsUser() != null
            ? own.getRunAsUser()
            : pod == null ? null : pod.getRunAsUser();
    if (!nonRoot || Long.valueOf(0).equals(user)) {
      violation(where, "security-context", "must run as non-root (runAsNonRoot: true, uid != 0)");
    }
    String seccomp =
        own != null && own.getSeccompProfile() != null
            ? own.getSeccompProfile().getType()
            : pod != null && pod.getSeccompProfile() != null
                ? pod.getSeccompProfile().getType()
                : null;
    if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
      violation(where, "security-context", "needs seccompProfile RuntimeDefault");
    }
    if (own == null) {
      violation(where, "security-context", "has no securityContext");
      return;
    }
    if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
      violation(where, "security-context", "must set allowPrivilegeEscalation: false");
    }
    if (Boolean.TRUE.equals(own.getPrivileged())) {
      violation(where, "security-context", "must not be privileged");
    }
    var capabilities = own.getCapabilities();
    if (capabilities == null
        || capabilities.getDrop() == null
        || !capabilities.getDrop().contains("ALL")) {
      violation(where, "security-context", "must drop ALL capabilities");
    }
    if (capabilities != null && capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
      violation(where, "security-context", "must not add capabilities " + capabilities.getAdd());
    }
    if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
      violation(where, "security-context", "must set readOnlyRootFilesystem: true");
    } else if (!tmpIsEmptyDir(workload, container)) {
      violation(where, "tmp-volume", "has a read-only root but no emptyDir mounted on /tmp");
    }
  }

  private static boolean tmpIsEmptyDir(Workload workload, Container container) {
    if (container.getVolumeMounts() == null || workload.pod().getVolumes() == null) {
      return false;
    }
    Set<String> emptyDirs = new HashSet<>();
    for (Volume volume : workload.pod().getVolumes()) {
      if (volume.getEmptyDir() != null) {
        emptyDirs.add(volume.getName());
      }
    }
    for (VolumeMount mount : container.getVolumeMounts()) {
      if ("/tmp".equals(mount.getMountPath()) && emptyDirs.contains(mount.getName())) {
        return true;
      }
    }
    return false;
  }

  private void environment(String where, Workload workload, Container container) {
    for (EnvVar variable : env(container)) {
      String name = variable.getName();
      if (variable.getValueFrom() == null) {
        if (SECRET_NAME.matcher(name).matches()) {
          violation(where, "env", name + " is written inline: take it from a Secret");
        } else if (workload.isService() && !INLINE_ENV.contains(name)) {
          violation(
              where, "env", name + " is written inline: take it from the ConfigMap or a Secret");
        }
        continue;
      }
      var configMapRef = variable.getValueFrom().getConfigMapKeyRef();
      if (configMapRef != null && !Boolean.TRUE.equals(configMapRef.getOptional())) {
        Set<String> keys = configMapKeys(configMapRef.getName());
        if (keys == null) {
          violation(
              where, "env", name + " reads ConfigMap " + configMapRef.getName() + ", not rendered");
        } else if (!keys.contains(configMapRef.getKey())) {
          violation(
              where,
              "env",
              name
                  + " reads key "
                  + configMapRef.getKey()
                  + " that ConfigMap "
                  + configMapRef.getName()
                  + " lacks");
        }
      }
      var secretRef = variable.getValueFrom().getSecretKeyRef();
      if (secretRef != null && !Boolean.TRUE.equals(secretRef.getOptional())) {
        Set<String> keys = secretKeys.get(secretRef.getName());
        if (keys == null) {
          violation(
              where,
              "env",
              name
                  + " reads Secret "
                  + secretRef.getName()
                  + ", which is neither rendered, templated nor generated by an operator");
        } else if (!keys.contains(secretRef.getKey())) {
          violation(
              where,
              "env",
              name
                  + " reads key "
                  + secretRef.getKey()
                  + " that Secret "
                  + secretRef.getName()
                  + " lacks");
        }
      }
    }
  }

  private Set<String> configMapKeys(String name) {
    for (RenderedObject object : objects) {
      if (object.typed() instanceof ConfigMap map && object.name().equals(name)) {
        return map.getData() == null ? Set.of() : map.getData().keySet();
      }
    }
    return null;
  }

  /**
   * What the API server would accept but leaves the system broken: a workload whose selector misses
   * its own pods, a Service or Ingress pointing at nothing, an autoscaler without target.
   */
  private void references() {
    for (Workload workload : workloads) {
      if (workload.selector() == null
          || NetworkRules.selectsEverything(workload.selector())
          || !NetworkRules.matches(workload.selector(), workload.podLabels())) {
        violation(workload.id(), "references", "spec.selector does not select its own pods");
      }
    }
    for (RenderedObject object : objects) {
      if (object.typed() instanceof Service service) {
        serviceReferences(object.id(), service);
      } else if (object.typed() instanceof Ingress ingress) {
        for (IngressRule rule : orEmpty(ingress.getSpec().getRules())) {
          for (HTTPIngressPath path :
              rule.getHttp() == null ? List.<HTTPIngressPath>of() : rule.getHttp().getPaths()) {
            var backend = path.getBackend().getService();
            if (backend != null && !servicePortExists(backend.getName(), backend.getPort())) {
              violation(
                  object.id(),
                  "references",
                  "routes to Service " + backend.getName() + " on a port it does not have");
            }
          }
        }
      } else if (object.typed() instanceof HorizontalPodAutoscaler hpa) {
        var target = hpa.getSpec().getScaleTargetRef();
        boolean exists =
            objects.stream()
                .anyMatch(
                    o -> o.kind().equals(target.getKind()) && o.name().equals(target.getName()));
        if (!exists) {
          violation(
              object.id(),
              "references",
              "scales " + target.getKind() + "/" + target.getName() + ", which does not exist");
        }
      }
    }
  }

  private void serviceReferences(String id, Service service) {
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return; // a Service for endpoints managed elsewhere
    }
    List<Workload> selected =
        workloads.stream()
            .filter(
                w ->
                    selector.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(w.podLabels().get(e.getKey()))))
            .toList();
    if (selected.isEmpty()) {
      violation(id, "references", "selects no pods");
      return;
    }
    for (ServicePort port : orEmpty(service.getSpec().getPorts())) {
      IntOrString target = port.getTargetPort();
      if (target == null || target.getStrVal() == null) {
        continue;
      }
      boolean named =
          selected.stream()
              .flatMap(w -> w.containers().stream())
              .flatMap(c -> orEmpty(c.getPorts()).stream())
              .anyMatch(p -> target.getStrVal().equals(p.getName()));
      if (!named) {
        violation(
            id,
            "references",
            "targetPort '" + target.getStrVal() + "' is no container port of its pods");
      }
    }
  }

  private boolean servicePortExists(String name, ServiceBackendPort port) {
    for (RenderedObject object : objects) {
      if (object.typed() instanceof Service service && object.name().equals(name)) {
        return orEmpty(service.getSpec().getPorts()).stream()
            .anyMatch(
                p ->
                    port == null
                        || (port.getName() != null
                            ? port.getName().equals(p.getName())
                            : port.getNumber() != null && port.getNumber().equals(p.getPort())));
      }
    }
    return false;
  }

  /** Credentials are created in the cluster (kubectl, an operator, a secrets manager), not here. */
  private void secretsHoldNoCredentials() {
    for (RenderedObject object : objects) {
      if (object.typed() instanceof Secret secret) {
        values(secret)
            .forEach(
                (key, value) -> {
                  if (!value.isEmpty()) {
                    violation(
                        object.id(),
                        "secret-plaintext",
                        "holds a value for '" + key + "': credentials never go in git");
                  }
                });
      } else if (object.typed() instanceof ConfigMap map && map.getData() != null) {
        map.getData()
            .forEach(
                (key, value) -> {
                  if (SECRET_NAME.matcher(key).matches()
                      || value.toLowerCase().contains("password=")) {
                    violation(object.id(), "secret-plaintext", "'" + key + "' looks like a secret");
                  }
                });
      }
    }
  }

  private void customResourceImages() {
    for (RenderedObject object : objects) {
      if (object.kind().equals("Cluster") && object.apiVersion().equals(CustomResources.CNPG)) {
        String problem = imageProblem(object.tree().path("spec").path("imageName").asText());
        if (problem != null) {
          violation(object.id(), "image", problem);
        }
      }
    }
  }

  private static Map<String, String> values(Secret secret) {
    Map<String, String> values = new HashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> values.put(k, v == null ? "" : v));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> values.put(k, v == null ? "" : v));
    }
    return values;
  }

  private static Set<String> keys(Secret secret) {
    return values(secret).keySet();
  }

  private static List<EnvVar> env(Container container) {
    return container.getEnv() == null ? List.of() : container.getEnv();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private void violation(String object, String rule, String message) {
    found.add(new Violation(object, rule, message));
  }
}
