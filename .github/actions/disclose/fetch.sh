#!/usr/bin/env bash
# The action's first step: the release jar that matches the action's own ref, checked against the
# release's checksums_sha256.txt, or, for a branch or a commit, the word to build from source.
#
# Environment: DISCLOSE_REF (github.action_ref: v1.2.3, v1.2, v1, a branch or a commit),
# DISCLOSE_REPOSITORY (github.action_repository), DISCLOSE_DIR (where the jar goes), ACTION_PATH
# (the action's files), GITHUB_SERVER_URL and GITHUB_API_URL (GitHub's, by default),
# GITHUB_TOKEN (optional, for the API's rate limit) and GITHUB_OUTPUT (standard output when unset).
# Outputs: version and jar; or source=true with sources and poms, hashes for the caches (or jar
# alone, when this job built it already).
# Exit codes: 0 done, 1 the release is missing, unreadable or its jar fails the checksum.
set -euo pipefail
ref=${DISCLOSE_REF:-}
repo=${DISCLOSE_REPOSITORY:-}
server=${GITHUB_SERVER_URL:-https://github.com}
api=${GITHUB_API_URL:-https://api.github.com}
dir=${DISCLOSE_DIR:-${RUNNER_TEMP:-/tmp}/disclose}
out=${GITHUB_OUTPUT:-/dev/stdout}

fail() {
  echo "::error title=disclose::$*"
  exit 1
}

# A branch, a commit or a local `uses: ./` builds the generator from the action's own sources,
# once per job: a jar whose stamp names the same sources is used as it is.
from_source() {
  here=${ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
  poms=$(cat "$here/pom.xml" "$here/generator/pom.xml" | sha256sum | cut -c1-16)
  sources=$(cd "$here" && find pom.xml generator/pom.xml generator/src/main themes -type f -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  if [ -f "$here/generator/target/disclose.jar" ] \
    && [ "$(cat "$here/generator/target/disclose.sources" 2>/dev/null)" = "$sources" ]; then
    echo "disclose: the generator built from these sources is there already"
    echo "jar=$here/generator/target/disclose.jar" >> "$out"
    exit 0
  fi
  echo "disclose: $ref is no release tag; building the generator from the action's sources"
  { echo "source=true"; echo "poms=$poms"; echo "sources=$sources"; } >> "$out"
  exit 0
}

if [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
  version=${ref#v}
elif [[ "$ref" =~ ^v[0-9]+(\.[0-9]+)?$ ]] && [ -n "$repo" ]; then
  # A moving tag such as v1 names the release vX.Y.Z whose commit it points at.
  auth=()
  if [ -n "${GITHUB_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer $GITHUB_TOKEN"); fi
  tags=$(curl -fsSL --retry 3 "${auth[@]}" "$api/repos/$repo/tags?per_page=100") \
    || fail "could not list the tags of $repo at $api to find the release $ref points at"
  commit=$(jq -r --arg t "$ref" '.[] | select(.name == $t) | .commit.sha' <<<"$tags")
  if [ -z "$commit" ]; then from_source; fi
  version=$(jq -r --arg c "$commit" '.[] | select(.commit.sha == $c) | .name' <<<"$tags" \
    | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sed 's/^v//' | sort -V | tail -n 1 || true)
  [ -n "$version" ] || fail "the tag $ref of $repo is at commit $commit, which no release tag vX.Y.Z names"
else
  from_source
fi

[ -n "$repo" ] || fail "the action's repository is unknown (github.action_repository is empty)"
mkdir -p "$dir"
name="disclose-$version.jar"
release="$server/$repo/releases/download/v$version"
jar="$dir/$name"
sums="$dir/checksums_sha256-$version.txt"
curl -fsSL --retry 3 -o "$sums" "$release/checksums_sha256.txt" \
  || fail "could not download $release/checksums_sha256.txt: is v$version a release of $repo?"
expected=$(awk -v f="$name" '$2 == f || $2 == "*" f { print $1 }' "$sums")
[ -n "$expected" ] || fail "checksums_sha256.txt of release v$version lists no $name"
# A second use of the action in the same job finds the jar already there.
if [ ! -f "$jar" ] || [ "$(sha256sum "$jar" | cut -d' ' -f1)" != "$expected" ]; then
  curl -fsSL --retry 3 -o "$jar.part" "$release/$name" || fail "could not download $release/$name"
  actual=$(sha256sum "$jar.part" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    rm -f "$jar.part"
    fail "the SHA-256 of $name is $actual, but checksums_sha256.txt of release v$version says $expected: the download is damaged or is not the release's jar, and is not run"
  fi
  mv -f "$jar.part" "$jar"
fi
echo "disclose: release v$version, $name verified against checksums_sha256.txt"
{ echo "version=$version"; echo "jar=$jar"; } >> "$out"
