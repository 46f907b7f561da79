package org.newsgraph.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Renders an overlay and returns every schema error and broken rule in it. */
final class ManifestCheck {

  /** deploy/ in the source tree (set by the pom; the working directory otherwise). */
  static final Path DEPLOY_DIR = Path.of(System.getProperty("newsgraph.deploy.dir", "."));

  static final Path K8S = DEPLOY_DIR.resolve("k8s");
  static final Path SECRET_TEMPLATES = K8S.resolve("base/secret-templates");

  private ManifestCheck() {}

  static List<Violation> check(Path overlay, boolean production) {
    ManifestParser rendered = ManifestParser.parse(Kustomize.render(overlay));
    List<Violation> violations = new ArrayList<>(rendered.violations());
    violations.addAll(ManifestRules.check(rendered.objects(), secretTemplates().objects()));
    if (production) {
      violations.addAll(ProductionRules.check(rendered.objects()));
    }
    return violations;
  }

  /** The Secrets that operators create by hand, parsed like rendered objects. */
  static ManifestParser secretTemplates() {
    StringBuilder yaml = new StringBuilder();
    try (Stream<Path> files = Files.list(SECRET_TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        yaml.append(Files.readString(file)).append("\n---\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ManifestParser.parse(yaml.toString());
  }

  static String report(List<Violation> violations) {
    StringBuilder report = new StringBuilder();
    for (Violation violation : violations) {
      report.append("\n  ").append(violation);
    }
    return report.toString();
  }
}
