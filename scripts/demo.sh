#!/usr/bin/env bash
# The demo: runs the main job on the bundled example articles — clean text, then the coded
# events (who did what to whom), printed as a short situation report.
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=${1:-build/sitrep}
echo "== 1. sitrep extract examples/  (article text found in pages and scraped text)"
"$sitrep" extract --quiet examples/ > build/demo_articles.jsonl
python3 - build/demo_articles.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    print("- %s | %s | %s" % (d["id"], d["title"], d["date"]))
PY
echo
echo "== 2. sitrep code examples/  (events with their evidence)"
"$sitrep" code --quiet examples/ > build/demo_events.jsonl
python3 - build/demo_events.jsonl <<'PY'
import collections, json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
by_doc = collections.defaultdict(list)
for e in events:
    by_doc[e["doc_id"]].append(e)
for doc, evs in sorted(by_doc.items()):
    print(f"{doc} ({evs[0]['doc_date'] or 'date unknown'})")
    for e in evs:
        tgt = e["target"]["code"] if e["target"] else "-"
        src = e["source"]["code"] if e["source"] else "?"  # "?": nobody named
        mod = "" if e["modality"] == "asserted" else f"  [{e['modality']}]"
        print(f"  {src:>10} -> {tgt:<10} {e['cameo']:>4} {e['plover'] or '':<9} "
              f"\"{e['trigger']['text']}\"{mod}")
print(f"\n{len(events)} events from {len(by_doc)} documents; all in build/demo_events.jsonl")
PY
echo
echo "== sitrep ingest examples/  (store, merge repeated reports) and a situation report"
demo_db=$(mktemp -d)/demo.db
"$sitrep" ingest --quiet --db "$demo_db" examples/
"$sitrep" query --db "$demo_db" --counts
echo
echo "-- Events by dyad and month (asserted events, top 15 cells)"
"$sitrep" query --db "$demo_db" --modality asserted --aggregate count --by-dyad --period month \
  --format csv | python3 -c '
import csv, sys
rows = [r for r in csv.DictReader(sys.stdin) if r["target_code"]]
rows.sort(key=lambda r: -int(r["events"]))
for r in rows[:15]:
    p, s, t, n, m = r["period"], r["source_code"], r["target_code"], r["events"], r["mentions"]
    print(f"  {p}  {s:>10} -> {t:<10} {n:>3} events, {m:>3} reports")
'
echo
echo "-- Evidence: the 8 most reported events with a target"
"$sitrep" query --db "$demo_db" --modality asserted --limit 0 --format json | python3 -c '
import json, sys
events = [json.loads(l) for l in sys.stdin]
events = [e for e in events if e["target_code"]]
events.sort(key=lambda e: (-e["num_mentions"], e["id"]))
for e in events[:8]:
    print("  %s  %s -> %s  CAMEO %s %s  (%d reports, %d articles)" % (e["date"], e["source_name"],
          e["target_name"], e["cameo"], e["plover"] or "", e["num_mentions"], e["num_articles"]))
    print("      \"%s\"" % e["evidence"])
'
rm -rf "$(dirname "$demo_db")"
