#!/usr/bin/env bash
# The build benchmark: `disclose validate` and `disclose build` on synthetic sites of N
# advisories (bench/generate.py), RUNS times each, printing medians of wall time, CPU time
# (user + system) and peak memory; then one serve rebuild after editing an advisory (median of
# RUNS edits). Usage: bench/run.sh [N...]   (default 1000 10000 100000; RUNS=5; JAVA_OPTS as
# the launcher's default options (./disclose); from 100,000 advisories on, as docs/large-sites.md
# has them (DISCLOSE_LARGE=2g): -Xmx2g -Xms2g and the launcher's large_opts; a
# JAVA_OPTS of one's own is used as given there, with -Xmx2g -Xms2g added;
# SERVE_ONLY=1 measures the serve rebuild alone; BASELINE=other.jar alternates every validate and
# build run with one of that jar, and reports both and their ratio). Below 100,000 the build is
# measured twice: straight from the jar (as CI runs it) and through ./disclose with its
# class-data archive.
#
# Each build writes into a new folder, deleted only at the end: ext4 allocates inodes slowly for
# a while after tens of thousands were deleted (the kernel's recently_deleted check), which would
# otherwise charge one run for the previous run's clean-up.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mvn -B -q -DskipTests package
jar=generator/target/disclose.jar
work=bench/.corpora
mkdir -p "$work"

# The launcher's JVM options, from its own assignments, so that the benches run what users run:
# NAME default_opts, or large_opts (a large database's, DISCLOSE_LARGE, but the heap).
launcher_opts() { (eval "$(grep -E '^(gc_opts|default_opts|large_opts)=' disclose)"; printf '%s\n' "${!1}"); }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure LABEL CMD...: RUNS runs, then one line of medians. With BASELINE, each run of CMD is
# followed by one with BASELINE's jar in place of $jar, so that both see the same machine state,
# and a second line gives the baseline's medians and the ratio of wall times.
measure() {
  local label=$1; shift
  local walls=() cpus=() mems=() bwalls=() bcpus=() bmems=()
  for i in $(seq "$RUNS"); do
    run_once "$label" "$work/out-$label-$i" "$@"
    walls+=("$wall"); cpus+=("$cpu"); mems+=("$mem")
    if [ -n "${BASELINE:-}" ]; then
      run_once "$label" "$work/out-$label-$i-baseline" "${@//$jar/$BASELINE}"
      bwalls+=("$wall"); bcpus+=("$cpu"); bmems+=("$mem")
    fi
  done
  report "$label" walls cpus mems
  if [ -n "${BASELINE:-}" ]; then
    report "$label (baseline)" bwalls bcpus bmems
    printf "%-28s wall %6.3f of the baseline's\n" "$label" \
      "$(echo "$(printf '%s\n' "${walls[@]}" | median) / $(printf '%s\n' "${bwalls[@]}" | median)" | bc -l)"
  fi
}

# run_once LABEL OUT CMD...: one timed run of CMD OUT; sets wall, cpu (user + system) and mem.
run_once() {
  local label=$1 out=$2; shift 2
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" "$out" >/dev/null 2>&1 || { echo "bench: $label failed" >&2; cat "$t" >&2; exit 1; }
  local user sys
  read -r wall user sys mem < "$t"; rm -f "$t"
  cpu=$(echo "$user + $sys" | bc)
}

# report LABEL WALLS CPUS MEMS: one line of the medians of the three arrays named.
report() {
  local -n w=$2 c=$3 m=$4
  printf "%-28s wall %6.2f s   cpu %6.2f s   peak %5.0f MiB   (median of %d)\n" "$1" \
    "$(printf '%s\n' "${w[@]}" | median)" "$(printf '%s\n' "${c[@]}" | median)" \
    "$(echo "$(printf '%s\n' "${m[@]}" | median) / 1024" | bc -l)" "$RUNS"
}

for n in "${@:-1000 10000 100000}"; do
  site="$work/site-$n"
  [ -f "$site/site-config.yaml" ] || python3 bench/generate.py "$n" "$site" >/dev/null
  [ -n "${SERVE_ONLY:-}" ] && continue
  opts=${JAVA_OPTS:-$(launcher_opts default_opts)}
  # A database of 100,000: docs/large-sites.md's DISCLOSE_LARGE=2g.
  if [ "$n" -ge 100000 ]; then
    large=$(launcher_opts large_opts)
    [ -n "$large" ] || { echo "bench: no large_opts line in ./disclose" >&2; exit 2; }
    opts="-Xmx2g -Xms2g ${JAVA_OPTS:-$large}"
  fi
  echo "== $n advisories ($(find "$site/advisories" -name '*.md' | wc -l) files), java $opts"
  # validate takes no output folder: the wrapper drops the last argument.
  measure "validate $n" bash -c 'java '"$opts"' -jar '"$jar"' validate --root "$0" >/dev/null; true' "$site"
  measure "build $n" java $opts -jar "$jar" build --root "$site" --out
  # What a maintainer runs: the launcher, with the class-data archive its first build after a
  # jar change makes (made here by one unmeasured build; CI=true runs go without, as above).
  if [ "$n" -lt 100000 ] && [ "${CI:-}" != true ] && [ -z "${BASELINE:-}" ]; then
    ./disclose build --root "$site" --out "$work/out-archive" >/dev/null 2>&1
    measure "build $n (./disclose)" ./disclose build --root "$site" --out
  fi
  # A rebuild into the same folder, as a maintainer's next `./disclose build`: it reuses the
  # output before last, kept beside the output (two unmeasured builds make it).
  if [ "$n" -lt 100000 ]; then
    same="$work/out-same"
    for _ in 1 2; do java $opts -jar "$jar" build --root "$site" --out "$same" >/dev/null 2>&1; done
    measure "rebuild $n (same folder)" bash -c 'java '"$opts"' -jar '"$jar"' build --root "$0" --out "$1" >/dev/null' "$site" "$same"
  fi
  rm -rf "$work"/out-* "$work"/.out-* &
done
wait

# serve: one advisory of the largest site edited (a sentence appended to its details), the
# rebuild timed by serve itself; then how long until the site is settled: the similar
# advisories recomputed in the background and shown by a second rebuild, and the exports'
# zips and VEX documents remade (timed here from the edit, to 0.1 s, including serve's 150 ms
# wait for the editor's save to settle). Each edit waits for the previous one to settle.
n=$(printf '%s\n' "${@:-1000 10000 100000}" | sort -n | awk '$1 <= 10000' | tail -1)
site="$work/site-$n"
file=$(find "$site/advisories" -name '*.md' | sort | awk 'NR == 1')
# A run killed before its clean-up left the original beside the edited file: restore it first.
[ -f "$file.orig" ] && mv -f "$file.orig" "$file"
cp "$file" "$file.orig"
log=$(mktemp)
java -jar "$jar" serve --root "$site" --port 0 --timings > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; mv -f "$file.orig" "$file"' EXIT
# The first edit after the start's background work and serve's warm-up rebuilds, as a person's
# comes after opening the page.
until grep -q "^exports' bundles made" "$log" && grep -q "^warmed up" "$log"; do sleep 1; done
times=()
settled=()
for i in $(seq "$RUNS"); do
  before=$(grep -c "^built" "$log")
  offset=$(wc -l < "$log")
  start=$(date +%s.%N)
  echo "Edited for the benchmark ($i)." >> "$file"
  until [ "$(grep -c "^built" "$log")" -gt "$before" ]; do sleep 0.1; done
  times+=("$(grep "^built" "$log" | tail -1 | sed -E 's/.* in ([0-9.]+) s.*/\1/')")
  grep "^built" "$log" | tail -1
  # Settled: after this edit, the similar advisories computed and shown by a second rebuild, and
  # the bundles written (the second rebuild does not remake them: the same advisories).
  until tail -n +"$((offset + 1))" "$log" | awk '/^similar advisories computed/ {s = 1} s && /^built/ {b = 1}
      /^exports. bundles made/ {e = 1} END {exit !(b && e)}'; do sleep 0.1; done
  settled+=("$(awk -v now="$(date +%s.%N)" -v start="$start" 'BEGIN {printf "%.2f", now - start}')")
done
printf "%-28s %6.2f s   (median of %d edits; serve keeps the full JIT)\n" "serve rebuild $n" \
  "$(printf '%s\n' "${times[@]}" | median)" "$RUNS"
printf "%-28s %6.2f s   (from the edit: similar advisories and exports remade in the background)\n" "serve settled $n" \
  "$(printf '%s\n' "${settled[@]}" | median)"
