#!/usr/bin/env bash
# The size of a built site: total bytes and files, and bytes per advisory by kind of output
# (advisory pages, list pages, feeds, exports, search index...), of synthetic sites of N
# advisories (bench/generate.py), each built once into tmpfs. Also the largest list page, and
# the projection to 50,000 advisories against GitHub Pages' 1 GB limit.
# Usage: bench/site-size.sh [N...]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
jar=generator/target/disclose.jar
work=bench/.corpora
mkdir -p "$work"
# tmpfs: nothing here is timed, but ext4's block rounding must not blur the byte counts.
tmp=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "${@:-10000}"; do
  site="$work/site-$n"
  [ -f "$site/site-config.yaml" ] || python3 bench/generate.py "$n" "$site" >/dev/null
  out="$tmp/out-$n"
  java -jar "$jar" build --root "$site" --out "$out" >/dev/null
  echo "== $n advisories, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- generator themes || echo '+changes')"
  python3 - "$out" "$n" <<'EOF'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
FEEDS = ("atom.xml", "feed.xml", "feed.json")

def kind(rel, path):
    top = rel.split("/", 1)[0]
    name = rel.rsplit("/", 1)[-1]
    if name.endswith(".html"):
        with open(path, "rb") as f:
            if b'http-equiv="refresh"' in f.read(2048):
                return "alias and redirect pages"
        if top == "advisories" and rel.count("/") == 2:
            return "advisory pages"
        if top in ("advisories", "packages", "ecosystems", "years", "severity") or rel == "index.html":
            return "list pages (home, advisories, packages, ecosystems, years, severities)"
        if top == "releases":
            return "release pages"
        return "other pages (search, feeds, policy, response, 404)"
    if top in ("packages", "ecosystems") and name in FEEDS:
        return f"feeds per {top[:-1]}"
    if "/" not in rel and (name in FEEDS or name == "feeds.opml"):
        return "site feeds and OPML"
    if top == "search-index":
        return "search index"
    if top in ("osv", "rustsec", "go"):
        return f"{top}/ export"
    if top in ("cyclonedx", "csaf"):
        return f"{top}/"
    if name == "sitemap.xml":
        return "sitemap"
    if top == "assets":
        return "assets (CSS, JS)"
    return "other files"

sizes, counts = {}, {}
largest = ("", 0)
for root, _, files in os.walk(out):
    for f in files:
        p = os.path.join(root, f)
        rel = os.path.relpath(p, out)
        b = os.path.getsize(p)
        k = kind(rel, p)
        sizes[k] = sizes.get(k, 0) + b
        counts[k] = counts.get(k, 0) + 1
        if k.startswith("list pages") and b > largest[1]:
            largest = (rel, b)
total = sum(sizes.values())
print(f"{'output':<72} {'files':>7} {'bytes':>12} {'per advisory':>13} {'share':>6}")
for k in sorted(sizes, key=lambda k: -sizes[k]):
    print(f"{k:<72} {counts[k]:>7} {sizes[k]:>12,} {sizes[k] / n:>11,.0f} B {100 * sizes[k] / total:>5.1f}%")
print(f"{'total':<72} {sum(counts.values()):>7} {total:>12,} {total / n:>11,.0f} B")
print(f"largest list page: {largest[0]} {largest[1]:,} bytes")
print(f"projected to 50,000 advisories: {total / n * 50000 / 1e9:.2f} GB (GitHub Pages' limit 1 GB)")
EOF
  rm -rf "$out"
done
