#!/usr/bin/env python3
"""Time expressions: recognition F1 and TimeML value accuracy on TimeBank + AQUAINT.

Runs ../shared/tools/score_time.py docs -> `sitrep dates` -> score_time.py score and
reports its figures (time_f1, time_precision, time_recall, value_accuracy, date_value_accuracy).
"""
import argparse
import json
import os
import re
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    tool = os.path.join(args.shared, "tools", "score_time.py")
    gold = os.path.join(args.shared, "data", "time")
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        dates = os.path.join(tmp, "dates.jsonl")
        with open(docs, "w") as f:
            subprocess.run(["python3", tool, "docs", gold], stdout=f, check=True)
        subprocess.run([args.sitrep, "dates", "-q", docs, "-o", dates], check=True)
        out = subprocess.run(["python3", tool, "score", gold, dates], capture_output=True,
                             text=True, check=True).stdout
    print(out.rstrip())
    result = json.loads([l for l in out.splitlines() if l.startswith("{")][-1])
    figures = {}
    for key, value in result.items():
        if isinstance(value, (int, float)):
            figures["time_" + key if not key.startswith("time") else key] = value
    json.dump(figures, open(args.out, "w"), indent=1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
