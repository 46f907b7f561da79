package org.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every overlay under deploy/k8s/overlays renders and keeps every rule. */
class OverlaysTest {

  @TestFactory
  Stream<DynamicTest> everyOverlayKeepsEveryRule() throws IOException {
    Assumptions.assumeTrue(Kustomize.skipReason() == null, Kustomize::skipReason);
    List<Path> overlays;
    try (Stream<Path> dirs = Files.list(ManifestCheck.K8S.resolve("overlays"))) {
      overlays = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(overlays.isEmpty(), "no overlays under " + ManifestCheck.K8S);
    return overlays.stream()
        .map(
            overlay ->
                DynamicTest.dynamicTest(
                    overlay.getFileName().toString(),
                    () -> {
                      boolean production = overlay.getFileName().toString().equals("prod");
                      List<Violation> violations = ManifestCheck.check(overlay, production);
                      assertTrue(
                          violations.isEmpty(),
                          "overlay "
                              + overlay.getFileName()
                              + " breaks "
                              + violations.size()
                              + " rule(s):"
                              + ManifestCheck.report(violations));
                    }));
  }

  @Test
  void bothEnvironmentsExist() {
    assertTrue(Files.isDirectory(ManifestCheck.K8S.resolve("overlays/dev")));
    assertTrue(Files.isDirectory(ManifestCheck.K8S.resolve("overlays/prod")));
  }

  @Test
  void secretTemplatesAreSecretsWithoutCredentials() {
    ManifestParser templates = ManifestCheck.secretTemplates();
    List<Violation> violations = new ArrayList<>(templates.violations());
    templates.objects().forEach(t -> violations.addAll(ManifestRules.checkTemplate(t)));
    assertEquals(List.of(), violations, "secret templates:" + ManifestCheck.report(violations));
    assertEquals(4, templates.objects().size(), "one template per Secret the overlays read");
  }
}
