#!/usr/bin/env python3
"""Writes the import bench's record set: every OSV record of CORPORA's go-vulndb-osv and pypa-osv,
then copies of them under IDs the set does not use, until the set holds N records.

Usage: python3 bench/import_set.py CORPORA OUT_DIR [N]   (N defaults to 7010; fewer records than
the corpora hold are the first N in path order)

A copy renames every ID it carries (its own, its aliases, related and upstream), wherever the
file names it, by one mapping shared by all copies, so that copies relate to one another as the
originals do and never merge into an original. Go's sample holds the IDs whose number is a
multiple of 4, so a copy of GO-YYYY-NNNN is GO-YYYY-NNNN+1; a GHSA's letters move one step in
GitHub's alphabet; any other ID's last number gets a leading 9 and six digits.
"""
import json
import os
import re
import shutil
import sys

import yaml

GHSA_ALPHABET = "23456789cfghjmpqrvwx"
# LibYAML's loader when PyYAML has it: the pure-Python one takes seconds over PyPA's records.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def renamed(record_id):
    m = re.fullmatch(r"GO-(\d{4})-(\d+)", record_id)
    if m:
        return "GO-%s-%04d" % (m.group(1), int(m.group(2)) + 1)
    if re.fullmatch(r"GHSA(-[%s]{4}){3}" % GHSA_ALPHABET, record_id):
        step = {c: GHSA_ALPHABET[(i + 1) % len(GHSA_ALPHABET)] for i, c in enumerate(GHSA_ALPHABET)}
        return "GHSA-" + "".join(step.get(c, c) for c in record_id[5:])
    m = re.fullmatch(r"(.*?)(\d+)(\D*)", record_id)
    if m:
        return "%s9%06d%s" % (m.group(1), int(m.group(2)), m.group(3))
    return record_id + "-9"


def copy(source, target, record):
    ids = [record["id"]] + [i for k in ("aliases", "related", "upstream") for i in record.get(k) or []]
    text = open(source, encoding="utf-8").read()
    # Longest first, whole IDs only, so that CVE-2021-1234 does not rewrite CVE-2021-12345.
    for old in sorted(set(ids), key=len, reverse=True):
        text = re.sub(r"(?<![\w-])%s(?![\w-])" % re.escape(old), renamed(old), text)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    corpora, out = sys.argv[1], sys.argv[2]
    records = []
    for folder, ext in (("go-vulndb-osv", ".json"), ("pypa-osv", ".yaml")):
        root = os.path.join(corpora, folder)
        for d, _, files in os.walk(root):
            for name in files:
                if name.endswith(ext):
                    records.append((folder, os.path.relpath(os.path.join(d, name), root)))
    records.sort()
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 7010
    records = records[:n]
    if os.path.exists(out):
        shutil.rmtree(out)
    for folder, rel in records:
        target = os.path.join(out, folder, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(corpora, folder, rel), target)
    copies = n - len(records)
    if copies > len(records):
        sys.exit("import_set: at most %d records from these corpora" % (2 * len(records)))
    for folder, rel in records[:max(copies, 0)]:
        source = os.path.join(corpora, folder, rel)
        with open(source, encoding="utf-8") as f:
            record = json.load(f) if rel.endswith(".json") else yaml.load(f, Loader=LOADER)
        name = renamed(record["id"]) + os.path.splitext(rel)[1]
        copy(source, os.path.join(out, folder + "-copies", os.path.dirname(rel), name), record)
    print("%d records in %s" % (len(records) + max(copies, 0), out))


if __name__ == "__main__":
    main()
