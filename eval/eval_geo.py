#!/usr/bin/env python3
"""Geoparsing evaluation: runs `sitrep places` on GeoWebNews and LGL and scores it.

  python3 eval/eval_geo.py --sitrep build/sitrep --shared /work/shared --out geo.json

Uses the shared scorer (tools/score_geo.py): toponym recognition P/R/F1 (overlapping spans)
and accuracy@161 km over matched toponyms. Writes one JSON object:
  {"gwn_f1", "gwn_precision", "gwn_recall", "gwn_acc161", "gwn_auc",
   "lgl_f1", ..., "seconds", "gazetteer_load_seconds"}
Exits 0 with {"skipped": true} when the shared data is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

SETS = [("gwn", "GWN.xml"), ("lgl", "lgl.xml")]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", default="build/sitrep")
    ap.add_argument("--shared", default="/work/shared")
    ap.add_argument("--out", default="-")
    ap.add_argument("--threads", default="1")
    args = ap.parse_args()
    scorer = os.path.join(args.shared, "tools", "score_geo.py")
    result = {}
    if not os.path.exists(scorer):
        result["skipped"] = True
    else:
        total = 0.0
        with tempfile.TemporaryDirectory() as tmp:
            # Load time alone: one empty document.
            t0 = time.time()
            subprocess.run([args.sitrep, "places", "-q", "--no-syntax", "-"], input='{"id":"x","text":"Paris."}\n',
                           capture_output=True, text=True, check=True)
            result["gazetteer_load_seconds"] = round(time.time() - t0, 3)
            for name, xml in SETS:
                gold = os.path.join(args.shared, "data", "geo", xml)
                docs = os.path.join(tmp, name + "_docs.jsonl")
                pred = os.path.join(tmp, name + ".jsonl")
                with open(docs, "w") as f:
                    f.write(run([sys.executable, scorer, "docs", gold]).stdout)
                t0 = time.time()
                run([args.sitrep, "places", "-q", "--threads", args.threads, docs, "-o", pred])
                total += time.time() - t0
                scores = json.loads(run([sys.executable, scorer, "score", gold, pred]).stdout)
                for key in ("f1", "precision", "recall", "acc161", "auc", "median_km"):
                    result[f"{name}_{key}"] = scores.get(key)
        result["seconds"] = round(total, 2)
    text = json.dumps(result, indent=1, sort_keys=True)
    if args.out == "-":
        print(text)
    else:
        with open(args.out, "w") as f:
            f.write(text + "\n")
        print(text)


if __name__ == "__main__":
    main()
