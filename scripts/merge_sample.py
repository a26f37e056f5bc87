#!/usr/bin/env python3
"""Merge statistics and a random sample of merges from a sitrep database, for checking the
merge rule (data/store/README.md) by hand.

  scripts/merge_sample.py DB [--sample 30] [--seed 1]

Prints how many mentions collapse into how many events (and how many of those events have
more than one mention, by quad class), then SAMPLE merges drawn at random: for each, the
event's first mention and one other mention of it (drawn at random), with their evidence
sentences, actors, CAMEO codes and document."""
import argparse
import random
import sqlite3

p = argparse.ArgumentParser()
p.add_argument("db")
p.add_argument("--sample", type=int, default=30)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
q = lambda sql, *args: db.execute(sql, args).fetchall()

mentions, = q("SELECT count(*) FROM mentions")[0]
events, = q("SELECT count(*) FROM events")[0]
merged, = q("SELECT count(*) FROM events WHERE num_mentions > 1")[0]
absorbed, = q("SELECT coalesce(sum(num_mentions), 0) FROM events WHERE num_mentions > 1")[0]
print(f"mentions {mentions} -> events {events} ({mentions - events} mentions merged into another's event)")
print(f"events with more than one mention: {merged}, holding {absorbed} mentions")
for quad, n, m in q("SELECT quad_class, count(*), sum(num_mentions) FROM events GROUP BY 1 ORDER BY 1"):
    print(f"  quad class {quad}: {m} mentions -> {n} events")
cross, = q("SELECT count(*) FROM events WHERE num_articles > 1")[0]
print(f"events reported by more than one article: {cross}")

rng = random.Random(a.seed)
ids = [r[0] for r in q("SELECT id FROM events WHERE num_mentions > 1 ORDER BY id")]
sample = rng.sample(ids, min(a.sample, len(ids)))


def mention_rows(event):
    return q("""SELECT m.id, d.doc_key, m.sentence, s.text, m.source_code, m.source_name,
                       m.target_code, m.target_name, m.cameo, m.modality,
                       substr(CAST(d.text AS BLOB), m.trigger_start + 1, m.trigger_end - m.trigger_start)
                FROM mentions m JOIN documents d ON d.id = m.doc
                LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence
                WHERE m.event = ? ORDER BY m.id""", event)


for n, event in enumerate(sample, 1):
    rows = mention_rows(event)
    first, other = rows[0], rng.choice(rows[1:])
    quad, root = q("SELECT quad_class, root FROM events WHERE id = ?", event)[0]
    print(f"\n## {n}. event {event}: {first[4] or '(none)'} -> {first[6] or '(none)'}, root {root}, "
          f"quad {quad}, {len(rows)} mentions, {first[1]}")
    for label, r in (("A", first), ("B", other)):
        trigger = bytes(r[10] or b"").decode("utf-8", "replace")  # offsets are UTF-8 bytes
        print(f"{label} [s{r[2]}, {r[8]} '{trigger}', {r[9]}; {r[5] or '-'} -> {r[7] or '-'}] {r[3]}")
