package org.newsgraph.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders an overlay the way an operator applies it: {@code kubectl kustomize <dir>}. */
final class Kustomize {

  /** Set (to anything but "false") to skip every check that needs kubectl. */
  static final String SKIP_PROPERTY = "newsgraph.deploy.skip-render";

  /** The kubectl to run; "kubectl" from the PATH unless set. */
  static final String KUBECTL_PROPERTY = "newsgraph.deploy.kubectl";

  private Kustomize() {}

  /**
   * Why the checks cannot run here, or null when they can. A machine with only a JDK has no
   * kubectl: there the checks are skipped (and say so) so that {@code ./mvnw verify} still passes;
   * CI has kubectl, so there they always run. A kubectl named with -D{@value #KUBECTL_PROPERTY} is
   * never skipped: if it is missing, the render fails loudly.
   */
  static String skipReason() {
    String skip = System.getProperty(SKIP_PROPERTY);
    if (skip != null && !skip.equalsIgnoreCase("false")) {
      return "manifest checks skipped: -D" + SKIP_PROPERTY + " is set";
    }
    if (System.getProperty(KUBECTL_PROPERTY) == null && !onPath("kubectl")) {
      return "manifest checks skipped: no kubectl on the PATH (install kubectl 1.27+ or set -D"
          + KUBECTL_PROPERTY
          + "=<path>)";
    }
    return null;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  static String render(Path kustomization) {
    String kubectl = System.getProperty(KUBECTL_PROPERTY, "kubectl");
    Process process;
    try {
      process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot run '"
              + kubectl
              + "' to render "
              + kustomization
              + " ("
              + e.getMessage()
              + "). Install kubectl 1.27+ (it bundles kustomize v5), point -D"
              + KUBECTL_PROPERTY
              + "=<path> at it, or skip the manifest checks with -D"
              + SKIP_PROPERTY
              + " (then nothing checks deploy/k8s).",
          e);
    }
    try {
      process.getOutputStream().close();
      // read stderr concurrently so that a chatty kubectl cannot block on a full pipe
      CompletableFuture<String> errors =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String output = readAll(process.getInputStream());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + kustomization + " hung");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl kustomize " + kustomization + " failed: " + errors.join().strip());
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while rendering " + kustomization, e);
    }
  }

  private static String readAll(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
