#!/usr/bin/env python3
"""Regenerate data/cameo/cameo_codes.tsv from the shared CAMEO source tables.

Usage: python3 data/cameo/make_cameo_codes.py SHARED_CAMEO_DIR > data/cameo/cameo_codes.tsv

SHARED_CAMEO_DIR must hold cameo_codebook.tsv (code, name, ICEWS Goldstein),
goldstein_gdelt.tsv (GDELT Goldstein) and cameo2plover_2021.txt (PLOVER draft
0.8 conversion).  Only facts are taken from them: codes, names, numeric values
and PLOVER type names.  See README.md in this directory for the rules applied.
"""
import csv
import os
import re
import sys

VERSION = 2

# PLOVER 2.0 has sixteen event types.
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
}
# Type names used by earlier PLOVER drafts and conversion tables, mapped onto
# PLOVER 2.0.  The 2021 draft-0.8 table already uses the 2.0 names; the map is
# applied anyway so that an older table can be fed to this script.
RENAMED = {
    "COOPERATION": "COOPERATE",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}


# Deliberate departures from the draft-0.8 table (documented in README.md):
# PLOVER 2.0 files the imposition of sanctions, embargoes and boycotts under
# SANCTION, which is also how the PLOVER gold-standard records label it; the
# 2021 draft table lists 163 under COERCE.
# Destruction of property (1712): the draft table gives ASSAULT but pairs it
# with the mode "seize", a COERCE mode; the gold-standard records label
# demolitions and sabotage of infrastructure COERCE, like the rest of 171.
# Easing a curfew (0813) or a state of emergency (0814): the draft table gives
# RETREAT, while their siblings under 081 (easing administrative sanctions) are
# CONCEDE; PLOVER 2.0 files every easing of a government's own restrictions
# under CONCEDE, as do the gold-standard records.
OVERRIDES = {
    "163": "SANCTION",
    "1712": "COERCE",
    "0813": "CONCEDE",
    "0814": "CONCEDE",
}


def quad_class(root):
    r = int(root)
    if r <= 5:
        return 1
    if r <= 9:
        return 2
    if r <= 14:
        return 3
    return 4


def tidy_name(name):
    name = name.strip()
    if name and name[0].islower():
        name = name[0].upper() + name[1:]
    return name


def fmt(value):
    v = float(value)
    return ("%.1f" % v)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    src = argv[1]
    rows = []
    with open(os.path.join(src, "cameo_codebook.tsv"), encoding="utf-8") as f:
        for rec in csv.DictReader(f, delimiter="\t"):
            rows.append((rec["code"].strip(), tidy_name(rec["name"]),
                         rec["goldstein_icews"].strip()))
    gdelt = {}
    with open(os.path.join(src, "goldstein_gdelt.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.strip().split("\t")
            if len(parts) == 2:
                gdelt[parts[0]] = parts[1]
    plover = {}
    pat = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")
    with open(os.path.join(src, "cameo2plover_2021.txt"), encoding="utf-8") as f:
        for line in f:
            m = pat.match(line)
            if not m:
                continue
            t = RENAMED.get(m.group(2), m.group(2))
            if t not in PLOVER_TYPES:
                raise SystemExit("unknown PLOVER type %r" % m.group(2))
            # Root headers ("08: RETREAT") appear twice for 08; keep the first.
            plover.setdefault(m.group(1), t)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sys.stdout.write("# version: %d\n" % VERSION)
    out.writerow(["code", "name", "goldstein", "goldstein_gdelt", "quad",
                  "root", "plover"])
    for code, name, gold in rows:
        root = code[:2]
        if root == "01":
            ptype = "-"          # PLOVER dropped CAMEO's comment categories.
        elif root == "02":
            ptype = "REQUEST"    # appeals are requests in PLOVER.
        elif code in plover:
            ptype = plover[code]
        else:
            ptype = plover[root + "0"]
        if len(code) == 2:
            # Root row: the type of its residual x0 code.
            ptype = "-" if root == "01" else ("REQUEST" if root == "02"
                                              else plover[root + "0"])
        ptype = OVERRIDES.get(code, ptype)
        g = gdelt.get(code)
        if g is None:
            # GDELT's table has no row for this code (1213); use its parent.
            g = gdelt[code[:3]]
        out.writerow([code, name, fmt(gold), fmt(g), quad_class(root), root,
                      ptype])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
