#!/usr/bin/env python3
"""Runs golden coding cases through `sitrep code` and compares the events (see code.sh)."""
import json
import subprocess
import sys


def parse_cases(path):
    cases, date = [], "2016-03-15"
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@date"):
            date = line.split()[1]
            continue
        xfail = line.startswith("xfail:")
        if xfail:
            line = line[len("xfail:"):].strip()
        sentence, _, expected = line.partition(" => ")
        if not expected:
            sys.exit(f"{path}:{n}: expected 'SENTENCE => EVENTS'")
        events = [] if expected.strip() == "none" else [e.strip() for e in expected.split(";")]
        cases.append({"line": n, "id": f"case{n}", "date": date, "text": sentence,
                      "expected": events, "xfail": xfail})
    return cases


def matches(spec, event):
    head, _, rest = spec.partition(":")
    src, _, tgt = head.partition(">")
    parts = rest.split(":")
    root, modality = parts[0], parts[1] if len(parts) > 1 else "asserted"
    ev_tgt = (event.get("target") or {}).get("code", "")
    ev_src = (event.get("source") or {}).get("code", "")
    # "?" stands for a source the text does not name (a null source).
    src_ok = (src == "?" and not ev_src) or (src != "?" and ev_src.startswith(src))
    return (src_ok
            and ((tgt == "-" and not ev_tgt) or (tgt != "-" and ev_tgt.startswith(tgt)))
            and event["root"] == root and event["modality"] == modality)


def describe(e):
    tgt = (e.get("target") or {}).get("code") or "-"
    mod = "" if e["modality"] == "asserted" else ":" + e["modality"]
    src = (e.get("source") or {}).get("code") or "?"
    return f'{src}>{tgt}:{e["root"]}{mod} ({e["cameo"]} "{e["trigger"]["text"]}")'


def main():
    sitrep, path = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]  # e.g. --model PATH
    cases = parse_cases(path)
    feed = "".join(json.dumps({"id": c["id"], "date": c["date"], "text": c["text"]}) + "\n" for c in cases)
    run = subprocess.run([sitrep, "code", "-q", "-"] + extra, input=feed, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"sitrep code failed: {run.stderr}")
    by_doc = {}
    for line in run.stdout.splitlines():
        e = json.loads(line)
        by_doc.setdefault(e["doc_id"], []).append(e)
    failed = xfailed = 0
    for c in cases:
        got = by_doc.get(c["id"], [])
        unmatched = list(got)
        missing = []
        for spec in c["expected"]:
            hit = next((e for e in unmatched if matches(spec, e)), None)
            if hit is None:
                missing.append(spec)
            else:
                unmatched.remove(hit)
        wrong = bool(missing or unmatched)
        if c["xfail"] and not wrong:
            failed += 1
            print(f'{path}:{c["line"]}: XPASS (now correct: remove its "xfail:" mark): {c["text"]}')
            continue
        if c["xfail"]:
            xfailed += 1
        elif wrong:
            failed += 1
        if wrong:
            label = "known failure" if c["xfail"] else "FAIL"
            print(f'{path}:{c["line"]}: {label}: {c["text"]}')
            for m in missing:
                print(f"  - expected {m}")
            for e in unmatched:
                print(f"  + got      {describe(e)}")
    print(f"{len(cases) - failed - xfailed} passed, {failed} failed ({xfailed} known failures)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
