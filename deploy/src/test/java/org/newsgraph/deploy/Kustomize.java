package org.newsgraph.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders an overlay the way an operator applies it: {@code kubectl kustomize <dir>}. */
final class Kustomize {

  /** Set (to anything but "false") to skip every check that needs kubectl. */
  static final String SKIP_PROPERTY = "newsgraph.deploy.skip-render";

  /** The kubectl to run; "kubectl" from the PATH unless set. */
  static final String KUBECTL_PROPERTY = "newsgraph.deploy.kubectl";

  private Kustomize() {}

  static boolean skipRequested() {
    String skip = System.getProperty(SKIP_PROPERTY);
    return skip != null && !skip.equalsIgnoreCase("false");
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
