#!/usr/bin/env python3
"""Golden test for `sitrep code` on the bundled example articles (see example_articles.txt).

  check_articles.py PATH/TO/sitrep CASES [--model PATH]

Each case line names an article under examples/ and either the events it must yield
("must:") or events it must never yield ("never:"), in the notation of coding_cases.txt
(SOURCE>TARGET:ROOT[:MODALITY], prefixes of actor codes, "?" a null source). A line
starting with "xfail:" is a known failure: reported, and the test fails when it starts to
pass. Besides the listed cases, no event may come from a sentence inside a boilerplate
span (navigation, captions, share buttons). Prints a readable report; exits 1 on failure.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_coding import describe, matches  # noqa: E402


def parse(path):
    cases = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        xfail = line.startswith("xfail:")
        if xfail:
            line = line[len("xfail:"):].strip()
        article, _, rest = line.partition(" => ")
        kind, _, events = rest.partition(":")
        if kind not in ("must", "never") or not events.strip():
            sys.exit(f"{path}:{n}: expected 'ARTICLE => must: EVENTS' or 'ARTICLE => never: EVENTS'")
        cases.append({"line": n, "article": article.strip(), "kind": kind, "xfail": xfail,
                      "events": [e.strip() for e in events.split(";") if e.strip()]})
    return cases


def boilerplate_spans(sitrep, files):
    """{doc_id: [(start, end, reason)]} from `sitrep extract --boilerplate`."""
    run = subprocess.run([sitrep, "extract", "--boilerplate"] + files, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"sitrep extract failed: {run.stderr}")
    spans = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        spans[d["id"]] = [(b["start"], b["end"], b["reason"]) for b in d.get("boilerplate", [])]
    return spans


def main():
    sitrep, path = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(path))))
    cases = parse(path)
    articles = sorted({c["article"] for c in cases})
    run = subprocess.run([sitrep, "code", "-q"] + [os.path.join(root, a) for a in articles] + extra,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"sitrep code failed: {run.stderr}")
    events = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    spans = boilerplate_spans(sitrep, [os.path.join(root, a) for a in articles])
    by_article = {}
    for e in events:
        by_article.setdefault(e["doc_id"], []).append(e)
    failed = xfailed = passed = 0
    for c in cases:
        doc_id = os.path.splitext(os.path.basename(c["article"]))[0]
        got = by_article.get(doc_id, [])
        if c["kind"] == "must":
            bad = [spec for spec in c["events"] if not any(matches(spec, e) for e in got)]
            why = [f"  - missing {b}" for b in bad]
        else:
            hits = [e for spec in c["events"] for e in got if matches(spec, e)]
            bad = hits
            why = [f"  + forbidden {describe(e)}: {e['sentence'][:90]}" for e in hits]
        wrong = bool(bad)
        label = f'{path}:{c["line"]}: {c["article"]} {c["kind"]}'
        if c["xfail"] and not wrong:
            failed += 1
            print(f'{label}: XPASS (now correct: remove its "xfail:" mark)')
        elif c["xfail"]:
            xfailed += 1
            print(f"{label}: known failure")
        elif wrong:
            failed += 1
            print(f"{label}: FAIL")
        else:
            passed += 1
        if wrong:
            print("\n".join(why))
    for e in events:
        for start, end, reason in spans.get(e["doc_id"], []):
            if start <= e["start"] and e["end"] <= end:
                failed += 1
                print(f'{e["doc_id"]}: FAIL: an event from boilerplate ({reason}): {describe(e)}')
    print(f"{passed} passed, {failed} failed ({xfailed} known failures)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
