#!/usr/bin/env bash
# Builds the services' base image from Debian packages alone (no Docker daemon, no public image
# registry): a minimal Debian bookworm root filesystem with the headless OpenJDK 17 runtime and an
# unprivileged user 185, packed as an OCI image with umoci and copied with skopeo to any
# destination skopeo understands.
#
#   deploy/images/base-image.sh docker://127.0.0.1:5000/newsgraph/jre17:bookworm
#   deploy/images/base-image.sh oci-archive:/tmp/jre17.tar:bookworm
#
# Needs root (or fakeroot) and the Debian packages mmdebstrap, umoci and skopeo.
# SKOPEO_OPTS is passed to skopeo (e.g. "--dest-tls-verify=false" for a plain-HTTP registry).
set -euo pipefail

dest=${1:?usage: base-image.sh <skopeo destination, e.g. docker://127.0.0.1:5000/newsgraph/jre17:bookworm>}
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 185 is the uid the Quarkus/UBI images use; the manifests run as it (runAsUser: 185).
mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  --customize-hook='chroot "$1" groupadd --gid 185 app' \
  --customize-hook='chroot "$1" useradd --uid 185 --gid 185 --home-dir /deployments --create-home --shell /usr/sbin/nologin app' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  "$suite" "$work/rootfs.tar" "$mirror"

cd "$work"
umoci init --layout oci
umoci new --image oci:base
umoci unpack --image oci:base bundle
tar -C bundle/rootfs -xf rootfs.tar
umoci repack --image oci:base bundle
umoci config --image oci:base \
  --config.user=185 \
  --config.workingdir=/deployments \
  --config.env=JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  --config.env=LANG=C.UTF-8 \
  --author="Newsgraph deploy/images/base-image.sh" \
  --history.created_by="mmdebstrap $suite openjdk-17-jre-headless"
umoci gc --layout oci
# shellcheck disable=SC2086
skopeo copy ${SKOPEO_OPTS:-} oci:oci:base "$dest"
