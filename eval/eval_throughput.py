#!/usr/bin/env python3
"""Throughput and memory of `sitrep extract` on the BBC corpus.

Figures:
  bbc_mb_per_s         input MB per CPU second of `sitrep extract` over the 2,225 BBC .txt
                       files, one thread (per core, so other load on the machine does not count)
  bbc_mb_per_s_sentences   the same with --sentences (segmentation included)
  peak_rss_ratio_max   peak RSS on 8x the input (as one JSON Lines stream) divided by peak RSS
                       on 1x; about 1.0 when input is streamed rather than loaded
"""
import argparse
import json
import os
import resource
import subprocess
import tempfile
import time


def bbc_files(shared):
    root = os.path.join(shared, "data", "news", "bbc")
    for cat in sorted(os.listdir(root)):
        d = os.path.join(root, cat)
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                if name.endswith(".txt"):
                    yield os.path.join(d, name)


def peak_rss_kb(cmd, stdin_path):
    with open(stdin_path, "rb") as f:
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdin=f,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return int(out.stderr.decode().strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    files = list(bbc_files(args.shared))
    total = sum(os.path.getsize(f) for f in files)
    bbc_dir = os.path.join(args.shared, "data", "news", "bbc")
    def cpu_seconds(extra):
        best = None
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([args.sitrep, "extract", "-q"] + extra + [bbc_dir],
                           stdout=subprocess.DEVNULL, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            dt = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best = dt if best is None else min(best, dt)
        return best

    best = cpu_seconds([])
    best_sentences = cpu_seconds(["--sentences"])

    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.jsonl")
        eight = os.path.join(tmp, "eight.jsonl")
        with open(one, "w") as f:
            for i, path in enumerate(files):
                text = open(path, encoding="utf-8", errors="replace").read()
                f.write(json.dumps({"id": f"bbc{i}", "text": text}) + "\n")
        with open(one) as src, open(eight, "w") as dst:
            data = src.read()
            for _ in range(8):
                dst.write(data)
        cmd = [args.sitrep, "extract", "-q", "--sentences", "-"]
        rss1 = peak_rss_kb(cmd, one)
        rss8 = peak_rss_kb(cmd, eight)

    figures = {
        "bbc_mb_per_s": total / best / 1e6,
        "bbc_mb_per_s_sentences": total / best_sentences / 1e6,
        "bbc_docs_per_s": len(files) / best,
        "peak_rss_1x_mb": rss1 / 1024,
        "peak_rss_8x_mb": rss8 / 1024,
        "peak_rss_ratio": rss8 / rss1,
    }
    json.dump(figures, open(args.out, "w"), indent=1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
