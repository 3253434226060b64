#!/usr/bin/env bash
# Builds that remember, against Hugo. On bench/generate.py's site of N advisories (real texts from
# ../shared/corpora), whose OSV export ../shared/bench/hugo_full_site.py makes into its
# like-for-like Hugo site, alternating RUNS times (default 5), everything in tmpfs:
#   hugo            `hugo --quiet` of the Hugo site into a new folder (its full render)
#   hugo+pagefind   the same, then `pagefind --site` on it (bench/pagefind, pinned): its search
#   full            `./disclose build --no-cache` into a new folder
#   one-edit        `./disclose build` with the cache, after one advisory's details are edited
#   unchanged       `./disclose build` with the cache again, nothing changed (the scheduled job)
# Prints medians of wall time and CPU time (user + system) and the ratios of each Disclose run to
# Hugo's. REAL=1 measures only hugo, hugo+pagefind and full on the records bench/hugo.sh uses (Go
# and RustSec, all of them), DEMO=1 the demo site's cold `./disclose build` against Hugo and
# Pagefind on its OSV export.
# Usage: bench/remember.sh [N]   (default 10000; RUNS=5; JAVA_OPTS as in ./disclose)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
N=${1:-10000}
corpora=../shared/corpora
if [ ! -d "$corpora/go-vulndb-osv" ]; then
  echo "bench: skipped: no $corpora (real advisory records)"
  exit 0
fi
command -v hugo >/dev/null 2>&1 || { echo "bench: needs hugo (apt-get install hugo)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mvn -B -q -DskipTests -pl generator -am package
pagefind=$PWD/bench/pagefind/node_modules/.bin/pagefind
[ -x "$pagefind" ] || (cd bench/pagefind && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; else base=$PWD/bench/.corpora; mkdir -p "$base"; fi
work=$(mktemp -d "$base/disclose-remember.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DISCLOSE_JAVA_OPTS=${JAVA_OPTS:-}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A wall cpu
run() { # NAME CMD...: one timed run, added to NAME's figures
  local name=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$t" "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; echo "bench: $name failed" >&2; exit 1; }
  read -r w u s < "$t"; rm -f "$t"
  wall[$name]+="$w "; cpu[$name]+="$(echo "$u + $s" | bc) "
}
hugo_full() { # OUT: Hugo's render, then Pagefind's index, timed apart
  run hugo hugo --quiet -s "$work/hugo" -d "$1"
  run pagefind "$pagefind" --site "$1" --quiet
}
m() { tr ' ' '\n' | grep . | median; }
site_config() {
  printf 'title: Hugo comparison\nbase_url: https://example.org/security/\nid_prefix: CMP\nsecurity_contact: mailto:s@example.org\n' > "$1/site-config.yaml"
}

mkdir -p "$work/site/advisories"
site_config "$work/site"
if [ -n "${DEMO:-}" ]; then
  rm -rf "$work/site" && mkdir -p "$work/site"
  cp -r advisories site-config.yaml docs releases "$work/site/" 2>/dev/null || true
  [ -d themes ] && cp -r themes "$work/site/"
  ./disclose export osv --root "$work/site" --out "$work/osv" >/dev/null
  python3 ../shared/bench/hugo_full_site.py "$work/hugo" "$work/osv" >/dev/null
  label="the demo site"
elif [ -n "${REAL:-}" ]; then
  records=("$corpora/go-vulndb-osv" "$corpora/rustsec/osv")
  python3 ../shared/bench/hugo_full_site.py "$work/hugo" "${records[@]}" >/dev/null
  ./disclose import osv --keep-ids --root "$work/site" "${records[@]}" | tail -1
  label="Go's and RustSec's records"
else
  rm -rf "$work/site"
  python3 bench/generate.py "$N" "$work/site" >/dev/null
  ./disclose export osv --root "$work/site" --out "$work/osv" >/dev/null
  python3 ../shared/bench/hugo_full_site.py "$work/hugo" "$work/osv" >/dev/null
  label="bench/generate.py's site, Hugo's from its OSV export"
fi
advisories=$(find "$work/site/advisories" -name '*.md' | wc -l)
cached=$work/cached-out
cache=$work/cache
# The cached output and its cache, made once, as the previous publish left them.
./disclose build --root "$work/site" --out "$cached" --cache "$cache" >/dev/null 2>&1
edited=$(find "$work/site/advisories" -name '*.md' | sort | sed -n 1p)
load_before=$( { /usr/bin/time -f %e python3 -c "sum(range(40_000_000))"; } 2>&1 )
for i in $(seq "$RUNS"); do
  hugo_full "$work/hugo-out-$i"
  run full ./disclose build --no-cache --root "$work/site" --out "$work/full-out-$i"
  if [ -z "${DEMO:-}${REAL:-}" ]; then
    printf '\nEdited for run %s of the bench.\n' "$i" >> "$edited"
    run one-edit ./disclose build --root "$work/site" --out "$cached" --cache "$cache"
    grep -q "rendered, the others unchanged" "$work/last.log" || { cat "$work/last.log" >&2; echo "bench: the edit was not built incrementally" >&2; exit 1; }
    run unchanged ./disclose build --root "$work/site" --out "$cached" --cache "$cache"
    grep -q "^nothing changed" "$work/last.log" || { cat "$work/last.log" >&2; echo "bench: nothing changed, yet the build did not say so" >&2; exit 1; }
  fi
  rm -rf "$work/hugo-out-$i" "$work/full-out-$i" "$work"/.full-out-$i.previous
done
load_after=$( { /usr/bin/time -f %e python3 -c "sum(range(40_000_000))"; } 2>&1 )
echo "$advisories advisories ($label), medians of $RUNS alternating runs in $base; host check $load_before s before, $load_after s after"
for name in hugo pagefind full one-edit unchanged; do
  [ -n "${wall[$name]:-}" ] || continue
  printf "  %-10s wall %7.2f s   cpu %7.2f s\n" "$name" "$(echo "${wall[$name]}" | m)" "$(echo "${cpu[$name]}" | m)"
done
h=$(echo "${wall[hugo]}" | m); p=$(echo "${wall[pagefind]}" | m)
hp=$(echo "$h + $p" | bc -l)
printf "  hugo+pagefind wall %.2f s\n" "$hp"
for name in full one-edit unchanged; do
  [ -n "${wall[$name]:-}" ] || continue
  d=$(echo "${wall[$name]}" | m)
  printf "  ratio %-10s to hugo %.3f, to hugo+pagefind %.3f\n" "$name" "$(echo "$d / $h" | bc -l)" "$(echo "$d / $hp" | bc -l)"
done
