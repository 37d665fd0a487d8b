#!/usr/bin/env bash
# Install what hardprobe needs to build and test on Debian 12, when missing.
set -euo pipefail

pkgs=(build-essential pkg-config musl-tools libcap-dev libmount-dev
	libjson-c-dev libxml2-dev nettle-dev check libseccomp-dev containerd runc jq
	python3-jsonschema python3-regex hyperfine iproute2 clang-format
	valgrind)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "hardprobe: missing packages: ${missing[*]}" >&2
	echo "hardprobe: run as root, or: apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "hardprobe: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
