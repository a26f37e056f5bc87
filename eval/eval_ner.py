#!/usr/bin/env python3
"""Named-entity recognition, scored against the GUM Entity= annotation.

    python3 eval/eval_ner.py --sitrep BUILD/sitrep --shared /work/shared --out FILE.json

Runs the `ner_eval` driver that the build places next to the sitrep binary (BUILD/ner_eval,
from bench/ner_eval.cc). The driver trains the entity recogniser on
data/ud/en_gum-ccby-train.conllu (or loads --model) and tags GUM dev (--split test for the
test file) with the file's gold UPOS/XPOS. Dev/test are never trained on.

Gold ("named" projection, see src/syntax/ner_conllu.h): GUM mentions whose syntactic head is
a PROPN, cut to their name core (appositions, relative clauses, conjuncts and punctuation
arcs removed), nested cores dropped in favour of the outermost one. "all mentions" scores the
same predictions against every GUM mention of the type (pronouns and common-noun phrases
included), which a name tagger is not meant to find; it is reported for completeness.

Types are harmonised per document (one type per name and document) unless --no-harmonize.

Figures written to --out (F1 in [0, 1]):
  ner_f1_exact_pper_org_place   exact span+type F1 pooled over person, organization, place
  ner_f1_overlap                overlap F1 (same type, at least one shared token), same pool
  news_ner_f1_exact, news_ner_f1_overlap   the same on documents whose id contains "_news_"
  ner_f1_exact_<type>, ner_f1_overlap_<type>   for person, organization, place
  news_ner_f1_exact_<type>      per type on the news documents
  ner_f1_exact_all_types        exact F1 pooled over every predicted/gold type
  all_mentions_f1_exact_pper_org_place, all_mentions_recall_overlap_pper_org_place
  ner_us_per_sentence           CPU microseconds per sentence for tagging (gold tags given)
  ner_model_bytes               serialized model size
  gold_spans, news_gold_spans   number of headline-type gold spans scored
"""
import argparse
import json
import os
import subprocess
import sys

HEADLINE = ["person", "organization", "place"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", required=True, help="path to the sitrep binary (ner_eval sits next to it)")
    ap.add_argument("--shared", required=True, help="the shared data directory")
    ap.add_argument("--out", required=True, help="JSON file to write")
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--model", help="score this serialized model instead of training one")
    ap.add_argument("--no-harmonize", action="store_true", help="skip the per-document type vote")
    args = ap.parse_args()

    driver = os.path.join(os.path.dirname(os.path.abspath(args.sitrep)), "ner_eval")
    if not os.path.exists(driver):
        sys.exit(f"eval_ner: {driver} not found; build the ner_eval target")
    ud = os.path.join(args.shared, "data", "ud")
    eval_file = os.path.join(ud, f"en_gum-ud-{args.split}.conllu")
    cmd = [driver, "--eval", eval_file]
    if args.model:
        cmd += ["--model", args.model]
    else:
        cmd += ["--train", os.path.join(ud, "en_gum-ccby-train.conllu")]
    if args.no_harmonize:
        cmd.append("--no-harmonize")
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"eval_ner: {' '.join(cmd)} failed: {run.stderr.strip()}")
    report = json.loads(run.stdout)

    out = {"split": args.split, "command": " ".join(cmd)}
    for prefix, part in (("", report["all"]), ("news_", report["news"])):
        named = part["named"]
        head = named["headline"]
        per_type = named["scores"]["per_type"]
        out[f"{prefix}ner_f1_exact" + ("_pper_org_place" if not prefix else "")] = head["exact_f1"]
        out[f"{prefix}ner_f1_overlap"] = head["overlap_f1"]
        out[f"{prefix}ner_precision_exact"] = head["exact_p"]
        out[f"{prefix}ner_recall_exact"] = head["exact_r"]
        out[f"{prefix}gold_spans"] = head["gold"]
        for t in HEADLINE:
            c = per_type.get(t, {})
            out[f"{prefix}ner_f1_exact_{t}"] = c.get("exact_f1", 0.0)
            out[f"{prefix}ner_f1_overlap_{t}"] = c.get("overlap_f1", 0.0)
        out[f"{prefix}ner_f1_exact_all_types"] = named["scores"]["overall"]["exact_f1"]
        allm = part["all_mentions"]["headline"]
        out[f"{prefix}all_mentions_f1_exact_pper_org_place"] = allm["exact_f1"]
        out[f"{prefix}all_mentions_recall_overlap_pper_org_place"] = allm["overlap_r"]
    out["ner_us_per_sentence"] = report["model"]["us_per_sentence"]
    out["ner_model_bytes"] = report["model"]["bytes"]
    out["ner_types"] = report["model"]["types"]
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps({k: out[k] for k in ("ner_f1_exact_pper_org_place", "ner_f1_overlap",
                                          "news_ner_f1_exact", "news_ner_f1_overlap")}))


if __name__ == "__main__":
    main()
