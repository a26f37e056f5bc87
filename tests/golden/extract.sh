#!/usr/bin/env bash
# Golden test for `sitrep extract` on the bundled examples.
#
#   bash tests/golden/extract.sh [PATH/TO/sitrep]          # from the repository root (ctest does)
#   UPDATE_GOLDEN=1 bash tests/golden/extract.sh build/sitrep   # rewrite the expected file
#
# Runs `sitrep extract --sentences --boilerplate examples/`, checks invariants that hold for any
# correct output, then compares a stable projection (no byte offsets) with
# tests/golden/extract.expected.jsonl. The projection has one JSON object per line, so a change
# shows as a readable line diff:
#   {"doc": ID, "title": .., "date": .., "author": .., "site": ..}     one per document
#   {"doc": ID, "paragraph": N, "text": ..}                            each article paragraph
#   {"doc": ID, "paragraph": N, "sentence": ..}                        each sentence, in order
#   {"doc": ID, "boilerplate": REASON, "text": ..}                     each span marked boilerplate
# Records of one document follow the text order. After an intended change (a new extractor or
# segmenter), regenerate with UPDATE_GOLDEN=1, read the diff (git diff), and commit it.
#
# Exit status: 0 on match, 1 on mismatch or broken invariant, 2 on usage errors.
set -euo pipefail

sitrep="${1:-build/sitrep}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
expected="$root/tests/golden/extract.expected.jsonl"
examples="$root/examples"

if [[ ! -x "$sitrep" ]]; then
  echo "extract.sh: sitrep binary not found: $sitrep" >&2
  exit 2
fi
if ! command -v python3 >/dev/null; then
  echo "extract.sh: python3 is needed to check the output" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$sitrep" extract -q --sentences --boilerplate "$examples" >"$work/raw.jsonl" 2>"$work/stderr" || {
  echo "extract.sh: sitrep extract failed:" >&2
  cat "$work/stderr" >&2
  exit 1
}

# How many documents the examples hold: one per .txt/.html file, one per JSON line.
want_docs=$(( $(find "$examples" -type f \( -name '*.txt' -o -name '*.html' \) | wc -l) +
              $(find "$examples" -type f -name '*.jsonl' -exec cat {} + | grep -c . || true) ))

python3 - "$work/raw.jsonl" "$work/actual.jsonl" "$want_docs" <<'PY'
import json, sys

raw_path, out_path, want_docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
errors = []
records = []

def check_spans(doc_id, name, spans, size):
    last_end = 0
    for i, (s, e) in enumerate(spans):
        if not (0 <= s <= e <= size):
            errors.append(f"{doc_id}: {name}[{i}] = [{s},{e}) lies outside the text ({size} bytes)")
        elif s < last_end:
            errors.append(f"{doc_id}: {name}[{i}] = [{s},{e}) overlaps or precedes the previous span")
        last_end = max(last_end, e)

def piece(data, s, e, doc_id, what):
    try:
        return data[s:e].decode("utf-8")
    except UnicodeDecodeError:
        errors.append(f"{doc_id}: {what} [{s},{e}) does not fall on UTF-8 character boundaries")
        return data[s:e].decode("utf-8", "replace")

docs = 0
with open(raw_path, encoding="utf-8") as f:
    for line_no, line in enumerate(f, 1):
        try:
            d = json.loads(line)
        except json.JSONDecodeError as err:
            errors.append(f"output line {line_no} is not valid JSON: {err}")
            continue
        docs += 1
        doc_id = d.get("id", f"line{line_no}")
        data = d["text"].encode("utf-8")
        paras = [(p["start"], p["end"]) for p in d["paragraphs"]]
        bps = [(b["start"], b["end"], b["reason"]) for b in d.get("boilerplate", [])]
        sents = [(s["start"], s["end"]) for s in d.get("sentences", [])]
        check_spans(doc_id, "paragraphs", paras, len(data))
        check_spans(doc_id, "boilerplate", [(s, e) for s, e, _ in bps], len(data))
        check_spans(doc_id, "sentences", sents, len(data))
        if not paras:
            errors.append(f"{doc_id}: no paragraphs")
        covered = bytearray(len(data))
        for s, e in paras:
            for k in range(max(s, 0), min(e, len(data))):
                covered[k] |= 1
        for s, e, _ in bps:
            for k in range(max(s, 0), min(e, len(data))):
                if covered[k] & 1:
                    errors.append(f"{doc_id}: boilerplate [{s},{e}) overlaps a paragraph")
                    break
            for k in range(max(s, 0), min(e, len(data))):
                covered[k] |= 2
        lost = [k for k in range(len(data)) if not covered[k] and data[k] not in b" \t\r\n"]
        if lost:
            k = lost[0]
            errors.append(f"{doc_id}: {len(lost)} non-blank bytes are neither article nor "
                          f"boilerplate, e.g. at {k}: {data[k:k+40]!r}")
        for s, e in sents:
            if not any(ps <= s and e <= pe for ps, pe in paras):
                errors.append(f"{doc_id}: sentence [{s},{e}) is not inside one paragraph")

        records.append({"doc": doc_id, "title": d.get("title"), "date": d.get("date"),
                        "author": d.get("author"), "site": d.get("site")})
        items = [(s, 0, {"doc": doc_id, "boilerplate": r, "text": piece(data, s, e, doc_id, "boilerplate")})
                 for s, e, r in bps]
        for i, (s, e) in enumerate(paras):
            items.append((s, 0, {"doc": doc_id, "paragraph": i, "text": piece(data, s, e, doc_id, "paragraph")}))
            for ss, se in sents:
                if s <= ss and se <= e:
                    items.append((ss, 1, {"doc": doc_id, "paragraph": i,
                                          "sentence": piece(data, ss, se, doc_id, "sentence")}))
        items.sort(key=lambda t: (t[0], t[1]))
        records.extend(item for _, _, item in items)

if docs != want_docs:
    errors.append(f"expected {want_docs} documents from examples/, got {docs}")

with open(out_path, "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")

if errors:
    print("extract.sh: invariants broken:", file=sys.stderr)
    for e in errors[:50]:
        print("  " + e, file=sys.stderr)
    sys.exit(1)
PY

if [[ "${UPDATE_GOLDEN:-}" == "1" ]]; then
  cp "$work/actual.jsonl" "$expected"
  echo "extract.sh: wrote $expected ($(wc -l <"$expected") records); review it with git diff"
  exit 0
fi

if [[ ! -f "$expected" ]]; then
  echo "extract.sh: $expected is missing; create it with UPDATE_GOLDEN=1" >&2
  exit 1
fi

if ! diff -u --label expected --label actual "$expected" "$work/actual.jsonl"; then
  echo "extract.sh: output differs from $expected (lines marked - are expected, + actual)." >&2
  echo "If the change is intended: UPDATE_GOLDEN=1 bash tests/golden/extract.sh $sitrep" >&2
  exit 1
fi
echo "extract.sh: OK ($(wc -l <"$expected") records)"
