#!/usr/bin/env python3
"""Tagging, lemmatisation, dependency parsing and entity figures of the syntax model.

    python3 eval/eval_parser.py --sitrep BUILD/sitrep --shared ../shared --out FILE.json

Runs `sitrep eval-parser` (gold tokens, the committed model unless --model is given) on
  EWT test   data/ud/en_ewt-ud-test.conllu  -> upos, xpos, lemma, uas, las,
                                              sentences_per_second
  GUM dev    data/ud/en_gum-ud-dev.conllu   -> ner_f1 (exact-span F1, percent, of the
                                              named-entity projection), when the model has
                                              an entity recogniser and the file exists
and writes one JSON object with those figures to --out. Percentages are of all words,
punctuation included (CoNLL 2018 style); LAS uses the universal relation, without subtype.
sentences_per_second is tagging+lemmas+parsing per CPU-second of one thread.
Never tune on the test file: use --files with the dev file while developing.
"""
import argparse
import json
import os
import subprocess
import sys


def run_eval(sitrep, gold, model):
    cmd = [sitrep, "eval-parser", gold]
    if model:
        cmd += ["--model", model]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default=None, help="model file (default: the committed one)")
    ap.add_argument("--files", default=None,
                    help="score this CoNLL-U file instead of EWT test (e.g. EWT dev)")
    args = ap.parse_args()

    ud = os.path.join(args.shared, "data", "ud")
    gold = args.files or os.path.join(ud, "en_ewt-ud-test.conllu")
    if not os.path.exists(gold):
        print(f"eval_parser: {gold} not found; nothing to score", file=sys.stderr)
        return 1
    ewt = run_eval(args.sitrep, gold, args.model)
    result = {k: ewt[k] for k in ("upos", "xpos", "lemma", "uas", "las", "sentences_per_second")}
    result["sentences"] = ewt["sentences"]
    result["tokens"] = ewt["tokens"]
    gum_dev = os.path.join(ud, "en_gum-ud-dev.conllu")
    if os.path.exists(gum_dev):
        gum = run_eval(args.sitrep, gum_dev, args.model)
        if "ner_f1" in gum:
            result["ner_f1"] = gum["ner_f1"]
        result["gum_dev_las"] = gum["las"]
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
