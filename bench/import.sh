#!/usr/bin/env bash
# The import benchmark: `disclose import osv` of real records, fresh into a new site, and again
# into a site that already holds them, when nothing changes. Two sets: the OSV records of
# ../shared/corpora's Go vulnerability database and PyPA folders, and 7,010 records made of them by
# bench/import_set.py (copies under IDs the set does not use). RUNS times each (default 5),
# printing medians of wall time, CPU time (user + system) and peak memory, and what the last
# import of each kind printed as its summary.
# Usage: bench/import.sh [N...]   (the set sizes, default "3734 7010"; RUNS=5; JAVA_OPTS as the
# launcher's default options (./disclose); BASELINE=other.jar alternates every run with one of
# that jar, and reports both and their ratio). Works in tmpfs (/dev/shm) when there is one.
# Skips, saying so, when ../shared/corpora is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
corpora=../shared/corpora
if [ ! -d "$corpora/go-vulndb-osv" ] || [ ! -d "$corpora/pypa-osv" ]; then
  echo "bench: skipped: no $corpora/go-vulndb-osv and pypa-osv (real advisory records)"
  exit 0
fi
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mvn -B -q -DskipTests -pl generator -am package
jar=$PWD/generator/target/disclose.jar
# tmpfs, so that the figures are the import's and not the disk's (see the ext4 trap in README.md).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; else base=$PWD/bench/.corpora; mkdir -p "$base"; fi
work=$(mktemp -d "$base/disclose-import.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The launcher's JVM options, from its own assignments, so that the bench runs what users run.
launcher_opts() { (eval "$(grep -E '^(gc_opts|default_opts|large_opts)=' disclose)"; printf '%s\n' "${!1}"); }
opts=${JAVA_OPTS:-$(launcher_opts default_opts)}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# new_site DIR: an empty site.
new_site() {
  mkdir -p "$1"
  printf 'title: Imported Advisories\nbase_url: https://advisories.example.org/\nid_prefix: IMP\nsecurity_contact: mailto:security@example.org\n' \
    > "$1/site-config.yaml"
}

# run_once JAR SITE SET: one timed import; sets wall, cpu (user + system), mem and summary (the
# import's count line). Exit code 1 (some records not imported) is what the real records give.
run_once() {
  local t out status=0
  t=$(mktemp); out=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" java $opts -jar "$1" import osv --root "$2" "$3" > "$out" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then echo "bench: the import failed ($status)" >&2; tail -5 "$out" >&2; cat "$t" >&2; exit 1; fi
  local user sys
  read -r wall user sys mem < <(tail -1 "$t")
  cpu=$(echo "$user + $sys" | bc)
  summary=$(grep -E '^[0-9]+ records: ' "$out" | sed -E 's/, in [0-9.]+ s$//')
  rm -f "$t" "$out"
}

# report LABEL WALLS CPUS MEMS: one line of the medians of the three arrays named.
report() {
  local -n w=$2 c=$3 m=$4
  printf "%-30s wall %6.2f s   cpu %6.2f s   peak %5.0f MiB   (median of %d)\n" "$1" \
    "$(printf '%s\n' "${w[@]}" | median)" "$(printf '%s\n' "${c[@]}" | median)" \
    "$(echo "$(printf '%s\n' "${m[@]}" | median) / 1024" | bc -l)" "$RUNS"
}

# measure LABEL KIND SET: RUNS imports of SET, each fresh into a new site (KIND fresh) or again
# into a site that holds SET already (KIND again: imported twice beforehand, since the second
# import merges each record into the advisory the first made). With BASELINE, each run is
# followed by one of BASELINE's jar, on a site of its own.
measure() {
  local label=$1 kind=$2 set=$3
  local walls=() cpus=() mems=() bwalls=() bcpus=() bmems=() jars=("$jar") lines=()
  [ -n "${BASELINE:-}" ] && jars+=("$(realpath "$BASELINE")")
  if [ "$kind" = again ]; then
    for j in "${!jars[@]}"; do
      new_site "$work/again-$j"
      for _ in 1 2; do run_once "${jars[$j]}" "$work/again-$j" "$set"; done
    done
  fi
  for i in $(seq "$RUNS"); do
    for j in "${!jars[@]}"; do
      local site="$work/again-$j"
      if [ "$kind" = fresh ]; then site="$work/fresh-$i-$j"; new_site "$site"; fi
      run_once "${jars[$j]}" "$site" "$set"
      if [ "$j" = 0 ]; then walls+=("$wall"); cpus+=("$cpu"); mems+=("$mem"); lines[0]=$summary
      else bwalls+=("$wall"); bcpus+=("$cpu"); bmems+=("$mem"); lines[1]=$summary; fi
    done
  done
  report "$label" walls cpus mems
  echo "    ${lines[0]}"
  if [ -n "${BASELINE:-}" ]; then
    report "$label (baseline)" bwalls bcpus bmems
    echo "    ${lines[1]}"
    printf "%-30s wall %6.3f of the baseline's\n" "$label" \
      "$(echo "$(printf '%s\n' "${walls[@]}" | median) / $(printf '%s\n' "${bwalls[@]}" | median)" | bc -l)"
  fi
  rm -rf "$work"/fresh-* "$work"/again-*
}

echo "java $opts"
for n in ${@:-3734 7010}; do
  set_dir="$work/set-$n"
  python3 bench/import_set.py "$corpora" "$set_dir" "$n" > /dev/null
  measure "import $n" fresh "$set_dir"
  measure "import $n again" again "$set_dir"
done
