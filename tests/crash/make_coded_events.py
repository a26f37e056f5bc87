#!/usr/bin/env python3
"""Writes synthetic JSON Lines in the format of `sitrep code` (one event per line), for the
store's crash test and benchmarks: N documents, each with a few events between random
country actors, dated around a base day; one in ten has no source and one in ten a target
the text leaves unsaid. Deterministic for a given --seed."""
import argparse, datetime, json, random

p = argparse.ArgumentParser()
p.add_argument("--docs", type=int, default=1000)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
rng = random.Random(a.seed)
countries = ["RUS", "UKR", "USA", "SYR", "IRN", "ISR", "TUR", "CHN", "FRA", "GBR"]
codes = [("042", "04", 1, 1.9, "CONSULT"), ("190", "19", 4, -10.0, "ASSAULT"),
         ("112", "11", 3, -2.0, "ACCUSE"), ("036", "03", 1, 4.0, "AGREE")]
base = datetime.date(2016, 3, 1)
for d in range(a.docs):
    day = base + datetime.timedelta(days=rng.randrange(60))
    url = "https://www.site%d.example/news/%d" % (rng.randrange(5), d)
    pos = 0
    for s in range(rng.randrange(1, 5)):
        src, tgt = rng.sample(countries, 2)
        cameo, root, quad, gold, plover = rng.choice(codes)
        sentence = "%s officials and %s met in document %d sentence %d." % (src, tgt, d, s)
        ev = {"event_id": "d%d:%d:0" % (d, s), "doc_id": "d%d" % d, "doc_date": day.isoformat(),
              "url": url, "sentence_index": s, "sentence": sentence, "start": pos,
              "end": pos + len(sentence),
              "source": {"code": src, "name": src, "text": src, "start": pos, "end": pos + 3},
              "target": {"code": tgt, "name": tgt, "text": tgt, "start": pos + 18, "end": pos + 21},
              "cameo": cameo, "root": root, "quad_class": quad, "goldstein": gold, "plover": plover,
              "trigger": {"text": "met", "start": pos + 22, "end": pos + 25},
              "modality": "asserted", "date": day.isoformat(), "date_precision": "day",
              "location": None}
        # Some events have no source (unnamed perpetrators), some a target the text leaves
        # unsaid (the source's own state, no span), as `sitrep code` writes them.
        kind = rng.random()
        if kind < 0.1:
            ev["source"] = None
        elif kind < 0.2:
            ev["target"] = {"code": src, "name": src, "text": "", "start": 0, "end": 0,
                            "implicit": "domestic"}
        print(json.dumps(ev))
        pos += len(sentence) + 1
