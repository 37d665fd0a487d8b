#!/bin/sh
# Build the hardprobe image archive: one tar that is at the same time an OCI
# image layout (for `ctr image import`, `podman load`) and a docker-save
# archive (its manifest.json, for `docker load`).  Two images share one
# uncompressed layer: localhost/hardprobe:VERSION runs as root,
# localhost/hardprobe:VERSION-nonroot as 65534:65534.
#
# usage: build-image.sh BUILD_DIR VERSION OUT_TAR [REPO [RUN_PROBES]]
# REPO (default localhost/hardprobe) and RUN_PROBES (the name in BUILD_DIR
# of the entry point, default run-probes) let the tests build a separate
# image with the test probes, localhost/hardprobe-test.
# The archive is byte-for-byte reproducible for a given SOURCE_DATE_EPOCH
# (default 0) and given binaries.
set -eu

die() {
	echo "hardprobe: $*" >&2
	exit 1
}

[ $# -ge 3 ] && [ $# -le 5 ] ||
	die "usage: build-image.sh BUILD_DIR VERSION OUT_TAR [REPO [RUN_PROBES]]"
build=$1
version=$2
out=$3
repo=${4:-localhost/hardprobe}
entry=${5:-run-probes}
epoch=${SOURCE_DATE_EPOCH:-0}

command -v jq >/dev/null || die "find program 'jq': not installed"
for bin in "$entry" suid-helper noop; do
	[ -f "$build/$bin" ] || die "read binary '$build/$bin': not found"
done

case $(uname -m) in
x86_64) arch=amd64 ;;
aarch64) arch=arm64 ;;
armv7l) arch=arm ;;
i?86) arch=386 ;;
*) arch=$(uname -m) ;;
esac

stage=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-image.XXXXXX")
tmp_out="$out.tmp.$$"
trap 'rm -rf "$stage" "$tmp_out"' EXIT
trap 'exit 1' HUP INT TERM
umask 022

# Same flags for both tars: no owner names, no time but the epoch, sorted
# entries, and no pax headers that would carry atime, ctime or a pid.
tar_repro() {
	tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
		--format=posix \
		--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
		"$@"
}

# The root file system of the layer, with every mode set explicitly.
make_rootfs() {
	root=$stage/rootfs
	mkdir -p "$root/hardprobe" "$root/etc" "$root/tmp" "$root/usr" \
		"$root/bin"
	cp "$build/$entry" "$root/hardprobe/run-probes"
	cp "$build/suid-helper" "$build/noop" "$root/hardprobe/"
	printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' \
		'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' \
		>"$root/etc/passwd"
	printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
	chmod 0755 "$root" "$root/hardprobe" "$root/etc" "$root/usr" \
		"$root/bin" "$root/hardprobe/run-probes" "$root/hardprobe/noop"
	chmod 04755 "$root/hardprobe/suid-helper"
	chmod 0644 "$root/etc/passwd" "$root/etc/group"
	chmod 01777 "$root/tmp"
}

# Store file $1 as a blob; its descriptor in blob_digest and blob_size.
add_blob() {
	blob_size=$(wc -c <"$1" | tr -d ' ')
	sum=$(sha256sum "$1" | cut -d' ' -f1)
	mv "$1" "$stage/out/blobs/sha256/$sum"
	blob_digest=sha256:$sum
}

# Image config for user $1 ("" for the image default, root).
write_config() {
	jq -c -n --arg user "$1" --arg arch "$arch" --arg diff "$layer_digest" \
		--argjson epoch "$epoch" '
		($epoch | todate) as $created |
		{created: $created, architecture: $arch, os: "linux",
		 config: ({Cmd: ["/hardprobe/run-probes"], WorkingDir: "/",
			   Env: ["PATH=/hardprobe:/usr/bin:/bin"]}
			  + (if $user == "" then {} else {User: $user} end)),
		 rootfs: {type: "layers", diff_ids: [$diff]},
		 history: [{created: $created,
			    created_by: "image/build-image.sh"}]}'
}

# OCI manifest for config descriptor $1 $2 and the one layer.
write_manifest() {
	jq -c -n --arg cd "$1" --argjson cs "$2" --arg ld "$layer_digest" \
		--argjson ls "$layer_size" '
		{schemaVersion: 2,
		 mediaType: "application/vnd.oci.image.manifest.v1+json",
		 config: {mediaType: "application/vnd.oci.image.config.v1+json",
			  digest: $cd, size: $cs},
		 layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar",
			   digest: $ld, size: $ls}]}'
}

# Config and manifest blobs of one image for user $1: sets image_config,
# image_manifest and image_manifest_size.
add_image() {
	write_config "$1" >"$stage/config.json"
	add_blob "$stage/config.json"
	image_config=$blob_digest
	write_manifest "$blob_digest" "$blob_size" >"$stage/manifest.json"
	add_blob "$stage/manifest.json"
	image_manifest=$blob_digest
	image_manifest_size=$blob_size
}

make_rootfs
mkdir -p "$stage/out/blobs/sha256"
tar_repro -C "$stage/rootfs" -cf "$stage/layer.tar" bin etc hardprobe tmp usr
add_blob "$stage/layer.tar"
layer_digest=$blob_digest
layer_size=$blob_size

add_image ""
root_cfg=$image_config root_man=$image_manifest root_size=$image_manifest_size
add_image "65534:65534"
user_cfg=$image_config user_man=$image_manifest user_size=$image_manifest_size

printf '{"imageLayoutVersion":"1.0.0"}\n' >"$stage/out/oci-layout"

jq -c -n --arg repo "$repo" --arg v "$version" \
	--arg rd "$root_man" --argjson rs "$root_size" \
	--arg ud "$user_man" --argjson us "$user_size" '
	def entry(d; s; tag): {
		mediaType: "application/vnd.oci.image.manifest.v1+json",
		digest: d, size: s,
		annotations: {"io.containerd.image.name": "\($repo):\(tag)",
			      "org.opencontainers.image.ref.name":
				"\($repo):\(tag)"}};
	{schemaVersion: 2,
	 mediaType: "application/vnd.oci.image.index.v1+json",
	 manifests: [entry($rd; $rs; $v), entry($ud; $us; "\($v)-nonroot")]}' \
	>"$stage/out/index.json"

jq -c -n --arg repo "$repo" --arg v "$version" --arg layer "$layer_digest" \
	--arg rc "$root_cfg" --arg uc "$user_cfg" '
	def blob(d): "blobs/sha256/" + (d | ltrimstr("sha256:"));
	def image(c; tag): {Config: blob(c), RepoTags: ["\($repo):\(tag)"],
			    Layers: [blob($layer)]};
	[image($rc; $v), image($uc; "\($v)-nonroot")]' \
	>"$stage/out/manifest.json"

chmod 0644 "$stage"/out/blobs/sha256/* "$stage/out/oci-layout" \
	"$stage/out/index.json" "$stage/out/manifest.json"
chmod 0755 "$stage/out/blobs" "$stage/out/blobs/sha256"

mkdir -p "$(dirname "$out")"
tar_repro -C "$stage/out" -cf "$tmp_out" blobs index.json manifest.json \
	oci-layout || die "write archive '$out': tar failed"
mv -f "$tmp_out" "$out"
