#!/usr/bin/env python3
"""Sentence and token segmentation, scored against Universal Dependencies gold.

    python3 eval/eval_segmentation.py --sitrep BUILD/sitrep --shared ../shared --out FILE.json

Figures written to --out:
  gum_news_sentence_f1  sentence F1 on the news documents of GUM dev + test
  ewt_token_f1          token F1 on EWT test
  *_kept_paragraphs     F1 with gold sentences/tokens outside the kept paragraphs left out
  ewt_sentence_f1       sentence F1 on EWT test
  gum_news_sentence_boundary_f1, ewt_sentence_boundary_f1   (end offsets only)
  gum_news_sentences_outside_paragraphs  gold sentences not inside any paragraph that
                        `sitrep extract` kept (the boilerplate classifier dropped them)
  gum_news_sentence_f1_kept_paragraphs  the same F1 with those dropped sentences left out
                        of the gold (the segmenter's own quality)
  mb_per_s              whole `extract --sentences --tokens` throughput on the EWT test input,
                        per CPU second of the child process (reading, boilerplate marking,
                        segmentation and JSON output; process start-up included)

How the input is built: each document's raw text is rebuilt from its `# text =` lines,
sentences of one paragraph (`# newpar`) joined by a space and paragraphs by a blank line.
Each document goes to `sitrep extract --all-text --sentences --tokens -` as a JSON Lines
"text" (kept byte for byte; --all-text, because treebank text has no page furniture). Gold tokens are the syntactic words, placed by finding each surface form in
order in the sentence text; a multiword token ("don't" = do + n't) is split by the lengths of
its words when they spell the surface, and is one token otherwise. Offsets are UTF-8 bytes.

Scoring: a token counts when its (start, end) byte span equals a gold span exactly; a
sentence counts when its (start, end) span equals a gold sentence span exactly (the stricter
measure; the *_boundary_f1 figures match sentence end offsets only).

--files and --news-only let you score other files (e.g. train or dev while tuning);
--errors N prints up to N mismatches of each kind (inside kept paragraphs only).
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys

NEWPAR = re.compile(r"^# newpar(\s|$| id)")


def read_conllu(path):
    """Yields documents: (doc_id, [paragraph: [sentence: (text, [word forms with MWT info])]])."""
    doc_id, paras, para, sent_text, toks = None, [], [], None, []
    counter = 0

    def flush_doc():
        if para:
            paras.append(list(para))
        return [p for p in paras if p]

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                if doc_id is not None or paras or para:
                    yield doc_id, flush_doc()
                m = re.match(r"# newdoc id = (.*)", line)
                counter += 1
                doc_id = m.group(1).strip() if m else f"doc{counter}"
                paras, para = [], []
            elif NEWPAR.match(line):
                if para:
                    paras.append(para)
                para = []
            elif line.startswith("# text = "):
                sent_text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if sent_text is not None:
                    para.append((sent_text, toks))
                sent_text, toks = None, []
            else:
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:
                    continue
                if "-" in tid:
                    a, b = tid.split("-")
                    toks.append(("mwt", cols[1], int(b) - int(a) + 1))
                else:
                    toks.append(("word", cols[1], 1))
    if sent_text is not None:
        para.append((sent_text, toks))
    if doc_id is not None or paras or para:
        yield doc_id, flush_doc()


def gold_spans(sent_text, toks, base):
    """Byte spans of the gold words of one sentence, `base` = byte offset of the sentence."""
    raw = sent_text.encode("utf-8")
    spans, pos, i = [], 0, 0
    while i < len(toks):
        kind, form, n = toks[i]
        fb = form.encode("utf-8")
        at = raw.find(fb, pos)
        if at < 0:  # form not spelled as in the text; skip this token (rare annotation quirk)
            i += 1 + (n if kind == "mwt" else 0)
            continue
        if kind == "mwt":
            words = [t[1].encode("utf-8") for t in toks[i + 1:i + 1 + n]]
            if b"".join(words).lower() == fb.lower():
                off = at
                for w in words:
                    spans.append((base + off, base + off + len(w)))
                    off += len(w)
            else:
                spans.append((base + at, base + at + len(fb)))
            i += 1 + n
        else:
            spans.append((base + at, base + at + len(fb)))
            i += 1
        pos = at + len(fb)
    return spans


def build_documents(paths, news_only):
    docs = []
    for path in paths:
        for doc_id, paras in read_conllu(path):
            if news_only and "_news_" not in (doc_id or ""):
                continue
            text = b""
            sents, tokens = [], []
            for p, para in enumerate(paras):
                if p:
                    text += b"\n\n"
                for s, (sent_text, toks) in enumerate(para):
                    if s:
                        text += b" "
                    raw = sent_text.encode("utf-8")
                    sents.append((len(text), len(text) + len(raw)))
                    tokens.extend(gold_spans(sent_text, toks, len(text)))
                    text += raw
            docs.append({"id": f"{os.path.basename(path)}:{doc_id}", "text": text,
                         "sents": sents, "tokens": tokens})
    return docs


def run_sitrep(sitrep, docs):
    payload = "".join(
        json.dumps({"id": d["id"], "text": d["text"].decode("utf-8")}, ensure_ascii=False) + "\n"
        for d in docs).encode("utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Treebank text is clean: --all-text keeps every paragraph, so the figures measure the
    # segmenter rather than the boilerplate classifier.
    proc = subprocess.run([sitrep, "extract", "--all-text", "--sentences", "--tokens", "--quiet", "-"],
                          input=payload, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"sitrep extract failed with status {proc.returncode}")
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out, len(payload) / 1e6 / max(seconds, 1e-9)


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs, results, show_errors, label):
    c = dict(tok_tp=0, tok_pred=0, tok_gold=0, s_tp=0, s_pred=0, s_gold=0, b_tp=0, outside=0,
             k_tp=0, k_gold=0, kt_tp=0, kt_gold=0,
             missing_docs=0)
    shown = {"tok": 0, "sent": 0}
    for d in docs:
        rec = results.get(d["id"])
        if rec is None:  # extract rejected the document (e.g. nothing left after boilerplate)
            c["missing_docs"] += 1
            rec = {}
        pred_sents = [(s["start"], s["end"]) for s in rec.get("sentences", [])]
        pred_toks = [tuple(t) for sent in rec.get("tokens", []) for t in sent]
        paras = [(p["start"], p["end"]) for p in rec.get("paragraphs", [])]
        gold_s, gold_t = set(d["sents"]), set(d["tokens"])
        ps, pt = set(pred_sents), set(pred_toks)
        kept_s = {(s, e) for s, e in gold_s if any(a <= s and e <= b for a, b in paras)}
        c["k_tp"] += len(kept_s & ps)
        c["k_gold"] += len(kept_s)
        kept_t = {(s, e) for s, e in gold_t if any(a <= s and e <= b for a, b in paras)}
        c["kt_tp"] += len(kept_t & pt)
        c["kt_gold"] += len(kept_t)
        c["tok_tp"] += len(gold_t & pt)
        c["tok_pred"] += len(pt)
        c["tok_gold"] += len(gold_t)
        c["s_tp"] += len(gold_s & ps)
        c["s_pred"] += len(ps)
        c["s_gold"] += len(gold_s)
        c["b_tp"] += len({e for _, e in gold_s} & {e for _, e in ps})
        c["outside"] += len(gold_s) - len(kept_s)
        if show_errors:
            show_mismatches(d, kept_s, ps, kept_t, pt, shown, show_errors, label)
    return c


def context(text, start, end, width=40):
    left = text[max(0, start - width):start].decode("utf-8", "replace")
    mid = text[start:end].decode("utf-8", "replace")
    right = text[end:end + width].decode("utf-8", "replace")
    return (left + "[[" + mid + "]]" + right).replace("\n", "¶")


def show_mismatches(d, gold_s, ps, gold_t, pt, shown, limit, label):
    gold_ends = {e for _, e in gold_s}
    pred_ends = {e for _, e in ps}
    for e in sorted(gold_ends ^ pred_ends):
        if shown["sent"] >= limit:
            break
        shown["sent"] += 1
        kind = "MISSED" if e in gold_ends else "EXTRA "
        print(f"{label} sent {kind} {context(d['text'], e, e, 60)}")
    for s, e in sorted(gold_t ^ pt):
        if shown["tok"] >= limit:
            break
        shown["tok"] += 1
        kind = "gold" if (s, e) in gold_t else "pred"
        print(f"{label} tok {kind} {context(d['text'], s, e, 25)}")


def evaluate(sitrep, paths, news_only, show_errors, label):
    docs = build_documents(paths, news_only)
    results, mbps = run_sitrep(sitrep, docs)
    c = score(docs, results, show_errors, label)
    return {
        "sentence_f1": prf(c["s_tp"], c["s_pred"], c["s_gold"]),
        "sentence_boundary_f1": prf(c["b_tp"], c["s_pred"], c["s_gold"]),
        "sentence_f1_kept": prf(c["k_tp"], c["s_pred"], c["k_gold"]),
        "token_f1": prf(c["tok_tp"], c["tok_pred"], c["tok_gold"]),
        "token_f1_kept": prf(c["kt_tp"], c["tok_pred"], c["kt_gold"]),
        "gold_sentences": c["s_gold"],
        "gold_tokens": c["tok_gold"],
        "outside_paragraphs": c["outside"],
        "missing_docs": c["missing_docs"],
        "mb_per_s": mbps,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", nargs="*", help="score these .conllu files instead")
    ap.add_argument("--news-only", action="store_true", help="with --files: _news_ docs only")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mismatches per kind")
    args = ap.parse_args()
    ud = os.path.join(args.shared, "data", "ud")
    if args.files:
        r = evaluate(args.sitrep, args.files, args.news_only, args.errors, "custom")
        figures = {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()}
    else:
        gum = evaluate(args.sitrep, [os.path.join(ud, "en_gum-ud-dev.conllu"),
                                     os.path.join(ud, "en_gum-ud-test.conllu")],
                       True, args.errors, "gum")
        ewt = evaluate(args.sitrep, [os.path.join(ud, "en_ewt-ud-test.conllu")],
                       False, args.errors, "ewt")
        figures = {
            "gum_news_sentence_f1": round(gum["sentence_f1"], 4),
            "gum_news_sentence_boundary_f1": round(gum["sentence_boundary_f1"], 4),
            "gum_news_sentences_outside_paragraphs": gum["outside_paragraphs"],
            "gum_news_sentence_f1_kept_paragraphs": round(gum["sentence_f1_kept"], 4),
            "ewt_token_f1": round(ewt["token_f1"], 4),
            "ewt_token_f1_kept_paragraphs": round(ewt["token_f1_kept"], 4),
            "ewt_sentence_f1_kept_paragraphs": round(ewt["sentence_f1_kept"], 4),
            "ewt_sentences_outside_paragraphs": ewt["outside_paragraphs"],
            "ewt_sentence_f1": round(ewt["sentence_f1"], 4),
            "ewt_sentence_boundary_f1": round(ewt["sentence_boundary_f1"], 4),
            "mb_per_s": round(ewt["mb_per_s"], 2),
        }
    with open(args.out, "w") as f:
        json.dump(figures, f, indent=1)
        f.write("\n")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
