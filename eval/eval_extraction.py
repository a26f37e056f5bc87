#!/usr/bin/env python3
"""Article-extraction evaluation on the Zyte benchmark (shared/data/extraction/zyte).

  python3 eval/eval_extraction.py --sitrep BUILD/sitrep --shared /work/shared --out FILE.json

Runs `sitrep extract` over the benchmark pages, keeps {id, text} per page, scores them with
shared/tools/score_extraction.py, and times a second, output-free run for throughput
(one thread, output to /dev/null, wall time; HTML megabytes are counted decompressed).
Writes one JSON object: {"f1", "precision", "recall", "html_mb_per_s", "pages_per_s", ...}.
Standard library only.
"""
import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sitrep", required=True, help="path to the sitrep binary")
    ap.add_argument("--shared", required=True, help="path to the shared data folder")
    ap.add_argument("--out", required=True, help="where to write the JSON figures")
    ap.add_argument("--keep", help="also write the extracted {id,text} JSON Lines here")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed runs; the fastest is reported (default 3)")
    return ap.parse_args()


def run_extract(sitrep, html_dir):
    """Returns the {id, text} rows sitrep extracts from every page in html_dir."""
    proc = subprocess.run([sitrep, "extract", "--threads", "1", "--quiet", html_dir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0,):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("sitrep extract failed with status %d" % proc.returncode)
    rows = []
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            rows.append({"id": doc["id"], "text": doc.get("text") or ""})
    return rows, proc.stderr.decode("utf-8", "replace")


def time_extract(sitrep, html_dir, repeat):
    """Fastest (wall seconds, CPU seconds) of `repeat` runs. CPU time (user + system of the
    child) is reported too because wall time suffers when the machine is shared."""
    best = None
    for _ in range(max(1, repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run([sitrep, "extract", "--threads", "1", "--quiet", html_dir],
                           stdout=null, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None or elapsed < best[0]:
            best = (elapsed, cpu)
    return best


def html_bytes(html_dir):
    total, pages = 0, 0
    for name in sorted(os.listdir(html_dir)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name), "rb") as f:
                total += len(f.read())
            pages += 1
    return total, pages


def score(scorer, truth, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([sys.executable, scorer, truth, path], stdout=subprocess.PIPE,
                             check=True).stdout.decode("utf-8")
    finally:
        os.unlink(path)
    return json.loads(out.strip().splitlines()[-1])


def main():
    args = parse_args()
    zyte = os.path.join(args.shared, "data", "extraction", "zyte")
    html_dir = os.path.join(zyte, "html")
    truth = os.path.join(zyte, "ground-truth.json")
    scorer = os.path.join(args.shared, "tools", "score_extraction.py")
    for path in (html_dir, truth, scorer):
        if not os.path.exists(path):
            raise SystemExit("missing %s" % path)

    rows, errors = run_extract(args.sitrep, html_dir)
    if args.keep:
        with open(args.keep, "w") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    figures = score(scorer, truth, rows)
    size, pages = html_bytes(html_dir)
    seconds, cpu_seconds = time_extract(args.sitrep, html_dir, args.repeat)
    result = {
        "f1": figures["f1"],
        "precision": figures["precision"],
        "recall": figures["recall"],
        "pages": pages,
        "extracted": figures["extracted"],
        "errors": sum(1 for line in errors.splitlines() if ".html" in line),
        "html_mb": round(size / 1e6, 3),
        "seconds": round(seconds, 3),
        "html_mb_per_s": round(size / 1e6 / seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 3),
        "html_mb_per_cpu_s": round(size / 1e6 / cpu_seconds, 2) if cpu_seconds else None,
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
