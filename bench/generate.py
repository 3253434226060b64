#!/usr/bin/env python3
"""Writes a synthetic Disclose site of N advisories, for the benchmarks.

Usage: bench/generate.py N OUT_DIR [--seed S]

Realistic rather than uniform: advisories over five ecosystems (PyPI, Go, crates.io, npm,
Maven) and N/8 packages (a few large, many small, as in real databases), one to three ranges of
several shapes, CVE and GHSA aliases, CWEs, CVSS 3.1 and 4.0 vectors, credits and timelines, and
release notes (changelogs and per-version folders) naming the advisories each release fixes.
Bodies are real advisory texts from ../shared/corpora when it is present (the Go vulnerability
database, PyPA and RustSec, ~3,800 texts), else paragraphs drawn from a fixed vocabulary. The
same N and seed give the same files. Every generated site validates without errors.
"""
import json
import os
import pathlib
import random
import sys

ECOSYSTEMS = [  # name, share, how a package is named, how versions are spelled
    ("PyPI", 0.30), ("npm", 0.25), ("Go", 0.15), ("crates.io", 0.15), ("Maven", 0.15)]
CWES = ["CWE-20", "CWE-22", "CWE-79", "CWE-89", "CWE-94", "CWE-120", "CWE-125", "CWE-200", "CWE-287",
        "CWE-352", "CWE-362", "CWE-400", "CWE-416", "CWE-502", "CWE-611", "CWE-770", "CWE-787", "CWE-918"]
V31 = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
       "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
       "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N"]
V40 = ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
       "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:L/VI:H/VA:H/SC:N/SI:N/SA:N"]
WORDS = ("request parser header buffer length token session cookie path archive template model "
         "server client handler upload download certificate signature key memory allocation index "
         "boundary offset guest queue descriptor stream frame decoder encoder cache proxy redirect "
         "input output value field attacker crafted malicious remote local unauthenticated denial "
         "service overflow traversal injection escape bypass validation check limit exhaustion").split()
FIRST = "Ada Bo Chen Dana Emil Femi Greta Hiro Ines Jonas Kemal Lena Mateo Nadia Omar Priya".split()
LAST = "Lindqvist Okafor Tanaka Moreau Silva Novak Haddad Kowalski Rossi Berg Ito Meyer".split()


def texts(corpora):
    out = []
    for sub in ("go-vulndb-osv", "pypa-osv", "rustsec/osv"):
        root = corpora / sub
        if not root.is_dir():
            continue
        for f in sorted(root.rglob("*")):
            if f.suffix == ".json":
                try:
                    r = json.loads(f.read_text())
                except ValueError:
                    continue
                title, details = r.get("summary", ""), r.get("details", "")
            elif f.suffix == ".yaml":
                # PyPA's YAML: the details block, without a YAML parser.
                lines = f.read_text().split("\n")
                details = ""
                for i, l in enumerate(lines):
                    if l.startswith("details:"):
                        rest = l[len("details:"):].strip()
                        body = [x[2:] for x in lines[i + 1:] if x.startswith("  ")] if rest in ("|", "|-", ">", ">-", "") else [rest]
                        details = "\n".join(body).strip()
                        break
                title = ""
            else:
                continue
            details = details.replace("\r", "").strip()
            if len(details) < 80 or "---" in details:
                continue
            if not title:
                title = details.split(".")[0][:90]
            out.append((title.replace("\n", " ").strip(), details))
    return out


def paragraphs(rng):
    out = []
    for _ in range(rng.randint(2, 5)):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def package_name(eco, i):
    if eco == "Go":
        return f"github.com/bench-org/module{i}"
    if eco == "Maven":
        return f"dev.bench:lib{i}"
    if eco == "npm":
        return f"@bench/pkg{i}" if i % 3 == 0 else f"bench-pkg{i}"
    return f"bench-{eco.lower().replace('.', '')}-{i}"


def version(eco, major, minor, patch):
    if eco == "Go":
        return f"v{major}.{minor}.{patch}"
    return f"{major}.{minor}.{patch}"


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    args = sys.argv[1:]
    seed = 7
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: bench/generate.py N OUT_DIR [--seed S]")
    n, out = int(args[0]), pathlib.Path(args[1])
    rng = random.Random(seed)
    corpora = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    real = texts(corpora)
    (out / "advisories").mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "security-policy.md").write_text("# Security policy\n\nReport vulnerabilities to security@bench.example.org.\n")

    # Packages: a Zipf-like spread, a few with many advisories and a long tail.
    count = max(5, n // 8)
    packages = []
    for i in range(count):
        r, acc = rng.random(), 0.0
        for eco, share in ECOSYSTEMS:
            acc += share
            if r <= acc:
                break
        packages.append((eco, package_name(eco, i)))
    weights = [1.0 / (k + 1) ** 0.8 for k in range(count)]

    fixes = {}  # package index -> list of (version, advisory id, cve)
    years = {}
    for k in range(n):
        year = 2015 + (k * 11 // max(n, 1))
        years[year] = years.get(year, 0) + 1
        aid = f"BENCH-{year}-{years[year]:05d}"
        p = rng.choices(range(count), weights)[0]
        eco, name = packages[p]
        title, body = real[k % len(real)] if real else (
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))).capitalize(), paragraphs(rng))
        if real and k >= len(real):
            title = f"{title} ({name})"
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        published = f"{year}-{month:02d}-{day:02d}"
        cve = f"CVE-{year}-{100000 + k}"
        lines = ["---", f"id: {aid}", f"title: {yaml_str(title)}", f"published: {published}"]
        aliases = [cve]
        if rng.random() < 0.6:
            g = "".join(rng.choice("23456789cfghjmpqrvwx") for _ in range(12))
            aliases.append(f"GHSA-{g[0:4]}-{g[4:8]}-{g[8:12]}")
        lines.append("aliases: [" + ", ".join(aliases) + "]")
        r = rng.random()
        if r < 0.7:
            lines += ["severity:", f"  cvss_v3: {rng.choice(V31)}"]
        elif r < 0.85:
            lines += ["severity:", f"  cvss_v4: {rng.choice(V40)}"]
        else:
            lines += ["severity:", f"  level: {rng.choice(['low', 'medium', 'high'])}"]
        lines.append("cwes: [" + ", ".join(sorted(set(rng.sample(CWES, rng.randint(1, 2))))) + "]")
        lines += ["affected:", f"  - ecosystem: {eco}", f"    package: {yaml_str(name)}", "    ranges:"]
        major = rng.randint(0, 4)
        minor = rng.randint(0, 9)
        shape = rng.random()
        fixed_versions = []
        if shape < 0.5:  # one range, fixed
            fixed = version(eco, major, minor, rng.randint(1, 9))
            lines += [f"      - introduced: {version(eco, major, 0, 0)}", f"        fixed: {fixed}"]
            fixed_versions.append(fixed)
        elif shape < 0.8:  # fixed on two release lines
            f1, f2 = version(eco, major, minor, rng.randint(1, 9)), version(eco, major + 1, 2, rng.randint(1, 9))
            lines += [f"      - introduced: {version(eco, major, 0, 0)}", f"        fixed: {f1}",
                      f"      - introduced: {version(eco, major + 1, 0, 0)}", f"        fixed: {f2}"]
            fixed_versions += [f1, f2]
        elif shape < 0.92:  # every version before the fix
            fixed = version(eco, major, minor, rng.randint(1, 9))
            lines += [f"      - fixed: {fixed}"]
            fixed_versions.append(fixed)
        else:  # no fix yet
            lines += [f"      - introduced: {version(eco, major, minor, 0)}"]
        lines += ["references:", "  - type: ADVISORY", f"    url: https://bench.example.org/advisories/{aid}",
                  "  - type: FIX", f"    url: https://git.example.org/{name}/commit/{k:040x}"]
        if rng.random() < 0.7:
            lines += ["credits:", f"  - name: {rng.choice(FIRST)} {rng.choice(LAST)}", "    type: FINDER"]
        reported = f"{year}-{month:02d}-{max(1, day - rng.randint(0, day - 1)):02d}"
        lines += ["timeline:", f"  reported: {reported}", f"  disclosed: {published}"]
        lines += ["---", body, ""]
        folder = out / "advisories" / str(year)
        folder.mkdir(exist_ok=True)
        (folder / f"{aid}.md").write_text("\n".join(lines))
        for v in fixed_versions:
            fixes.setdefault(p, []).append((v, aid, cve, title, published))

    # Release notes: a changelog or a folder per release for the first packages with fixes.
    config = ["title: Bench Security Advisories", "base_url: https://bench.example.org/security/",
              "id_prefix: BENCH", "security_contact: mailto:security@bench.example.org",
              "policy: docs/security-policy.md", "packages:"]
    # The config lists the packages with release notes, at most 1,000 (it is bounded to 1 MiB,
    # and a database of 100,000 advisories is not one project's packages); the others are
    # advisories about packages the site does not own, which validation notes (P004).
    listed = 0
    for p, (eco, name) in enumerate(packages):
        releases = sorted(set(f[0] for f in fixes.get(p, [])))
        if not releases or p % 4 == 3 or listed >= 1000:
            continue
        listed += 1
        config += [f"  - ecosystem: {eco}", f"    name: {yaml_str(name)}"]
        slug = name.replace("/", "-").replace(":", "-").replace("@", "")
        if p % 2 == 0:
            lines = [f"# Changelog of {name}", ""]
            for v in sorted(releases, reverse=True):
                day = min(d for fv, a, c, t, d in fixes[p] if fv == v)  # released when first disclosed
                lines += [f"## [{v}] - {day}", "", "### Security"]
                lines += [f"- {t} ({a}, {c})" for fv, a, c, t, d in fixes[p] if fv == v]
                lines.append("")
            (out / "releases" / slug).mkdir(parents=True, exist_ok=True)
            (out / "releases" / slug / "CHANGELOG.md").write_text("\n".join(lines))
            config += ["    release_notes:", f"      changelog: releases/{slug}/CHANGELOG.md"]
        else:
            (out / "releases" / slug).mkdir(parents=True, exist_ok=True)
            for v in releases:
                lines = [f"# {name} {v}", "", "### Security"]
                lines += [f"- {t} ({a}, {c})" for fv, a, c, t, d in fixes[p] if fv == v]
                (out / "releases" / slug / f"{v}.md").write_text("\n".join(lines) + "\n")
            config += ["    release_notes:", f"      folder: releases/{slug}/"]
    (out / "site-config.yaml").write_text("\n".join(config) + "\n")
    print(f"{n} advisories, {count} packages, {'real texts' if real else 'generated texts'} -> {out}")


if __name__ == "__main__":
    main()
