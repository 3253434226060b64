#!/usr/bin/env bash
# How long a pull-request check takes on a fresh runner before its annotations appear, on the same
# real advisories bench/hugo.sh uses, three ways, alternating RUNS times (default 3):
#   release  the action's own steps: fetch.sh downloads the release jar and checks its checksum,
#            then run.sh runs `disclose validate` (the annotations) through the launcher;
#   source   what the action did before releases: `mvn package` from a fresh checkout with an
#            empty Maven repository, then `disclose validate`;
#   hugo     Hugo's published practice: download its release archive, unpack it, run `hugo`.
# Nothing leaves the machine: GitHub is a loopback server (python3 -m http.server) serving the
# release that .ci/release-dry-run makes and a tarball of the local hugo binary, and Maven Central
# is ~/.m2/repository as a file:// mirror, so downloads cost local bandwidth only; the bytes each
# way downloads are printed beside its times. Needs ../shared/corpora, python3, curl, jq.
# Usage: RUNS=3 bench/action-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
corpora=../shared/corpora
[ -d "$corpora" ] || { echo "bench: needs $corpora (real advisory records)" >&2; exit 2; }
command -v hugo >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
repo=$PWD
work=$repo/bench/.corpora/action-start
rm -rf "$work" && mkdir -p "$work"
version=0.0.0

# The release as GitHub would serve it, and the tag list the action reads for a moving tag.
serve="$work/serve"
KEEP="$serve/o/r/releases/download/v$version" .ci/release-dry-run "$version" | tail -n 1
mkdir -p "$serve/repos/o/r" "$serve/hugo"
echo '[{"name": "v0", "commit": {"sha": "c0"}}, {"name": "v0.0.0", "commit": {"sha": "c0"}}]' > "$serve/repos/o/r/tags"
tar -czf "$serve/hugo/hugo_linux-amd64.tar.gz" -C "$(dirname "$(command -v hugo)")" hugo
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$serve" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
stub="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$stub/repos/o/r/tags"; do sleep 0.2; done

# The same records for both: Hugo's minimal site and Disclose's imported one.
python3 ../shared/bench/hugo_site.py "$work/hugo-site" "$corpora/go-vulndb-osv" "$corpora/rustsec/osv" >/dev/null
mkdir -p "$work/site/advisories"
printf 'title: Action start\nbase_url: https://example.org/\nid_prefix: CMP\nsecurity_contact: mailto:s@example.org\n' \
  > "$work/site/site-config.yaml"
java -jar "$serve/o/r/releases/download/v$version/disclose-$version.jar" import osv --keep-ids \
  --root "$work/site" "$corpora/go-vulndb-osv" "$corpora/rustsec/osv" | tail -n 1

# Maven Central as a file:// mirror of this machine's repository.
cat > "$work/settings.xml" <<XML
<settings><mirrors><mirror><id>local-central</id><mirrorOf>*</mirrorOf>
<url>file://$HOME/.m2/repository</url></mirror></mirrors></settings>
XML

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A total ready bytes
record() { total[$1]+="$(echo "$(now) - $2" | bc) "; }

release() {
  local start dl; start=$(now); dl="$work/runner/dl"
  rm -rf "$work/runner" && mkdir -p "$dl"
  DISCLOSE_REF=v0 DISCLOSE_REPOSITORY=o/r DISCLOSE_DIR="$dl" GITHUB_SERVER_URL="$stub" GITHUB_API_URL="$stub" \
    GITHUB_OUTPUT="$work/runner/fetch" bash .github/actions/disclose/fetch.sh >/dev/null
  ready[release]+="$(echo "$(now) - $start" | bc) "
  (cd "$work/site" && CI=true DISCLOSE_JAR="$(sed -n 's/^jar=//p' "$work/runner/fetch")" COMMAND=validate \
    GITHUB_OUTPUT=/dev/null bash "$repo/.github/actions/disclose/run.sh" >/dev/null) || true
  record release "$start"
  bytes[release]=$(du -sb "$dl" | cut -f1)
}
source_build() {
  local start m2; rm -rf "$work/runner" && mkdir -p "$work/runner"
  git clone -q "$repo" "$work/runner/action"
  m2="$work/runner/m2"
  start=$(now)
  mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$m2" -f "$work/runner/action/pom.xml" \
    -DskipTests -pl generator -am package >/dev/null
  ready[source]+="$(echo "$(now) - $start" | bc) "
  (cd "$work/site" && CI=true DISCLOSE_JAR="$work/runner/action/generator/target/disclose.jar" COMMAND=validate \
    GITHUB_OUTPUT=/dev/null bash "$repo/.github/actions/disclose/run.sh" >/dev/null) || true
  record source "$start"
  bytes[source]=$(du -sb "$m2" | cut -f1)
}
hugo_practice() {
  local start; start=$(now); rm -rf "$work/runner" && mkdir -p "$work/runner/bin"
  curl -fsSL -o "$work/runner/hugo.tar.gz" "$stub/hugo/hugo_linux-amd64.tar.gz"
  tar -xzf "$work/runner/hugo.tar.gz" -C "$work/runner/bin"
  ready[hugo]+="$(echo "$(now) - $start" | bc) "
  "$work/runner/bin/hugo" --quiet -s "$work/hugo-site" -d "$work/runner/out" >/dev/null
  record hugo "$start"
  bytes[hugo]=$(stat -c %s "$work/runner/hugo.tar.gz")
}

for i in $(seq "$RUNS"); do
  # The order rotates, so that no way always runs first after a quiet spell.
  case $(( i % 3 )) in
    1) release; source_build; hugo_practice ;;
    2) source_build; hugo_practice; release ;;
    0) hugo_practice; release; source_build ;;
  esac
done
m() { tr ' ' '\n' | grep . | median; }
advisories=$(find "$work/site/advisories" -name '*.md' | wc -l)
for way in release source hugo; do
  printf "%-8s %5d advisories   ready to run %6.2f s   annotations (or site) at %6.2f s   downloaded %6.1f MB   (median of %d)\n" \
    "$way" "$advisories" "$(echo "${ready[$way]}" | m)" "$(echo "${total[$way]}" | m)" \
    "$(echo "${bytes[$way]} / 1000000" | bc -l)" "$RUNS"
done
rm -rf "$work/runner"
