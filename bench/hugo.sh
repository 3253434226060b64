#!/usr/bin/env bash
# Disclose against Hugo on the same real advisories: the Go vulnerability database's and
# RustSec's OSV records in ../shared/corpora. Hugo renders them with ../shared/bench/hugo_site.py's
# minimal layout (a page per advisory, a list page, RSS); Disclose builds its whole site from the
# same records imported with `disclose import osv --keep-ids` (pages, feeds, exports, search).
# The two alternate, RUNS times (default 5); medians and the Disclose/Hugo ratios are printed.
# Usage: bench/hugo.sh   (installs Debian's hugo when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
corpora=../shared/corpora
[ -d "$corpora" ] || { echo "bench: needs $corpora (real advisory records)" >&2; exit 2; }
command -v hugo >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
command -v /usr/bin/time >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
mvn -B -q -DskipTests package
work=bench/.corpora/hugo
rm -rf "$work" && mkdir -p "$work/disclose/advisories"
python3 ../shared/bench/hugo_site.py "$work/hugo" "$corpora/go-vulndb-osv" "$corpora/rustsec/osv"
printf 'title: Hugo comparison\nbase_url: https://example.org/\nid_prefix: CMP\nsecurity_contact: mailto:s@example.org\n' \
  > "$work/disclose/site-config.yaml"
java -jar generator/target/disclose.jar import osv --keep-ids --root "$work/disclose" \
  "$corpora/go-vulndb-osv" "$corpora/rustsec/osv" | tail -1
# The launcher's default JVM options, from its own assignments, so that the bench runs what users run.
launcher_opts() { (eval "$(grep -E '^(gc_opts|default_opts|large_opts)=' disclose)"; printf '%s\n' "${!1}"); }
opts=${JAVA_OPTS:-$(launcher_opts default_opts)}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A wall cpu mem
run() { # NAME CMD...
  local name=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >/dev/null 2>&1 || { echo "bench: $name failed" >&2; exit 1; }
  read -r w u s m < "$t"; rm -f "$t"
  wall[$name]+="$w "; cpu[$name]+="$(echo "$u + $s" | bc) "; mem[$name]+="$m "
}
for i in $(seq "$RUNS"); do
  run hugo hugo --quiet -s "$work/hugo" -d "$PWD/$work/hugo-out-$i"
  run disclose java $opts -jar generator/target/disclose.jar build --root "$work/disclose" --out "$work/disclose-out-$i"
done
m() { tr ' ' '\n' | grep . | median; }
pages=$(find "$work/hugo/content" -name '*.md' | wc -l)
for name in hugo disclose; do
  printf "%-9s %5d advisories   wall %6.2f s   cpu %6.2f s   peak %5.0f MiB   (median of %d)\n" "$name" "$pages" \
    "$(echo "${wall[$name]}" | m)" "$(echo "${cpu[$name]}" | m)" "$(echo "$(echo "${mem[$name]}" | m) / 1024" | bc -l)" "$RUNS"
done
printf "ratio disclose/hugo: wall %.2f, cpu %.2f, peak memory %.2f\n" \
  "$(echo "$(echo "${wall[disclose]}" | m) / $(echo "${wall[hugo]}" | m)" | bc -l)" \
  "$(echo "$(echo "${cpu[disclose]}" | m) / $(echo "${cpu[hugo]}" | m)" | bc -l)" \
  "$(echo "$(echo "${mem[disclose]}" | m) / $(echo "${mem[hugo]}" | m)" | bc -l)"
# The hidden .NAME.previous folders each build leaves beside its folder too (here they hold only a .gitignore).
rm -rf "$work"/*-out-* "$work"/.*-out-*.previous
