package org.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The check bites: src/test/resources/broken-overlay breaks every rule on purpose, and each break
 * must be reported, naming the object and the rule.
 */
class BrokenOverlayTest {

  private static final Path BROKEN =
      ManifestCheck.DEPLOY_DIR.resolve("src/test/resources/broken-overlay");

  private static List<Violation> violations;

  @BeforeAll
  static void render() {
    Assumptions.assumeTrue(Kustomize.skipReason() == null, Kustomize::skipReason);
    violations = ManifestCheck.check(BROKEN, true);
  }

  @Test
  void schemaViolationsAreReported() {
    assertAll(
        expect(
            "Deployment/query-service",
            "schema",
            "unknown field 'spec.template.spec.containers[0].livenesProbe'"),
        expect("Service/typo-service", "schema", "spec.ports[0].port"),
        expect("Widget/unknown-kind", "schema", "no schema known for example.org/v1 Widget"),
        expect("ScheduledBackup/five-field-cron", "schema", "six cron fields"),
        expect("ObjectStore/misspelt", "schema", "unknown field 'spec.configuraton'"),
        expect("ObjectStore/misspelt", "schema", "configuration.destinationPath"));
  }

  @Test
  void containerRulesAreReported() {
    assertAll(
        expect("Deployment/ingest-service container ingest-service", "image", "'latest'"),
        expect(
            "Deployment/ingest-service container ingest-service", "probes", "has no startupProbe"),
        expect("Deployment/ingest-service container ingest-service", "resources", "limit for cpu"),
        expect(
            "Deployment/ingest-service container ingest-service", "resources", "limit for memory"),
        expect(
            "Deployment/ingest-service container ingest-service",
            "security-context",
            "allowPrivilegeEscalation"),
        expect(
            "Deployment/ingest-service container ingest-service",
            "env",
            "NEWSGRAPH_API_KEYS is written inline"),
        expect("Deployment/ingest-service container ingest-service", "env", "NO_SUCH_KEY"),
        expect(
            "Deployment/entity-service container entity-service", "startup-budget", "allows 15 s"),
        expect(
            "Deployment/entity-service container entity-service",
            "jvm-memory",
            "max heap is 768 MiB"),
        expect(
            "Deployment/entity-service container entity-service", "security-context", "non-root"),
        expect(
            "Deployment/entity-service container entity-service",
            "probes",
            "readinessProbe must be an HTTP GET of /q/health/ready"),
        expect("Deployment/entity-service container entity-service", "tmp-volume", "/tmp"),
        expect("Cluster/newsgraph-db", "image", "'latest'"));
  }

  @Test
  void brokenReferencesAreReported() {
    assertAll(
        expect("Deployment/ingest-service", "references", "does not select its own pods"),
        expect("Service/selects-nothing", "references", "selects no pods"),
        expect("HorizontalPodAutoscaler/scales-nothing", "references", "no-such-deployment"));
  }

  @Test
  void plaintextSecretsAreReported() {
    assertAll(
        expect("Secret/newsgraph-db-admin", "secret-plaintext", "'password'"),
        expect("ConfigMap/newsgraph-config", "secret-plaintext", "DATABASE_ADMIN_URL"));
  }

  @Test
  void networkPolicyHolesAreReported() {
    assertAll(
        expect("NetworkPolicy/*", "network-policy", "no default-deny"),
        expect(
            "Deployment/entity-service",
            "network-policy",
            "NetworkPolicy/entity-from-anywhere lets any source in"),
        expect(
            "Cluster/newsgraph-db",
            "network-policy",
            "NetworkPolicy/database-from-everything lets every pod"),
        expect(
            "Deployment/ingest-service",
            "network-policy",
            "NetworkPolicy/ingest-from-around lets pods of another namespace in"),
        expect(
            "Deployment/ingest-service",
            "network-policy",
            "NetworkPolicy/ingest-from-around lets selected pods of (this namespace) in"));
  }

  @Test
  void productionRulesAreReported() {
    assertAll(
        expect("Deployment/ingest-service", "replicas", "production needs 2+"),
        expect("Deployment/entity-service", "disruption-budget", "no PodDisruptionBudget"),
        expect("Deployment/entity-service", "autoscaling", "no HorizontalPodAutoscaler"),
        expect("Ingress/exposes-entity", "ingress", "exposes entity-service"),
        expect("Ingress/exposes-entity", "ingress", "add tls"),
        expect("Service/ingest-service", "ingress", "no Ingress routes to it"),
        expect("Cluster/newsgraph-db", "database", "instances >= 2"),
        expect("Deployment/query-service", "database", "QUARKUS_DATASOURCE_READER_JDBC_URL"),
        expect("Deployment/ingest-service", "database", "newsgraph-db-rw"),
        expect("Cluster/newsgraph-db", "backups", "archives no WAL"),
        expect("Cluster/newsgraph-db", "backups", "no ScheduledBackup"));
  }

  private static Executable expect(String object, String rule, String fragment) {
    Predicate<Violation> wanted =
        v -> v.object().equals(object) && v.rule().equals(rule) && v.message().contains(fragment);
    return () ->
        assertTrue(
            violations.stream().anyMatch(wanted),
            "expected "
                + object
                + " ["
                + rule
                + "] ..."
                + fragment
                + "... among:"
                + ManifestCheck.report(violations));
  }
}
