#!/usr/bin/env python3
"""Event coding: PLOVER gold-standard recall, CAMEO multi-rater root F1, and speed.

Figures:
  plover_type_recall, plover_full_recall, plover_extra_per_record
      ../shared/tools/score_plover.py on data/events/plover_gsr_dev.jsonl
  roots_f1, roots_precision, roots_recall, roots_false_alarm_rate
      ../shared/tools/score_roots.py on data/events/cameo_multirater_dev.jsonl
  bbc_sentences_per_second, bbc_events
      `sitrep code --stats` over the BBC corpus, one thread
"""
import argparse
import json
import os
import subprocess
import tempfile


def run_scorer(tool, gold, sitrep, tmp, name):
    docs = os.path.join(tmp, name + "_docs.jsonl")
    events = os.path.join(tmp, name + "_events.jsonl")
    with open(docs, "w") as f:
        subprocess.run(["python3", tool, "docs", gold], stdout=f, check=True)
    subprocess.run([sitrep, "code", "-q", docs, "-o", events], check=True)
    out = subprocess.run(["python3", tool, "score", gold, events], capture_output=True,
                         text=True, check=True).stdout
    print(out.rstrip())
    last = [l for l in out.splitlines() if l.startswith("{")][-1]
    return json.loads(last)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    tools = os.path.join(args.shared, "tools")
    data = os.path.join(args.shared, "data", "events")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        p = run_scorer(os.path.join(tools, "score_plover.py"),
                       os.path.join(data, "plover_gsr_dev.jsonl"), args.sitrep, tmp, "plover")
        figures["plover_type_recall"] = p["type_recall"]
        figures["plover_full_recall"] = p["full_recall"]
        figures["plover_extra_per_record"] = p.get("extra_per_record", p.get("extra"))
        r = run_scorer(os.path.join(tools, "score_roots.py"),
                       os.path.join(data, "cameo_multirater_dev.jsonl"), args.sitrep, tmp, "roots")
        for k in ("f1", "precision", "recall", "false_alarm_rate", "hit_rate"):
            if k in r:
                figures["roots_" + k] = r[k]
    bbc = os.path.join(args.shared, "data", "news", "bbc")
    run = subprocess.run([args.sitrep, "code", "-q", "--stats", "--threads", "1", bbc, "-o",
                          os.devnull], capture_output=True, text=True, check=True)
    stats = json.loads(run.stderr.strip().splitlines()[-1])
    figures["bbc_sentences_per_second"] = stats["sentences_per_second"]
    figures["bbc_events"] = stats["events"]
    json.dump(figures, open(args.out, "w"), indent=1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
