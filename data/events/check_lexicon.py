#!/usr/bin/env python3
"""Validate sitrep's event lexicon and CAMEO code tables.

Usage: python3 data/events/check_lexicon.py [--quiet] [--allow-gaps] [--self-test]

Reads data/cameo/cameo_codes.tsv, every data/events/lexicon/*.txt file (in
name order, so word classes defined in 00-classes.txt are known to the files
after it) and data/events/recode.tsv (paths are found relative to this script), checks that
every line parses, that every code exists, that keys and values are known,
and reports how many CAMEO codes have a trigger, per root.

Exit status: 0 when there are no errors, 1 otherwise.  A CAMEO code that no
entry can produce (directly or through recode.tsv) is an error unless
--allow-gaps is given.  Warnings (duplicates, suspicious lemmas) never change
the exit status.  --self-test checks the validator itself on built-in good
and bad lines.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
CODES_PATH = os.path.join(DATA, "cameo", "cameo_codes.tsv")
LEXICON_DIR = os.path.join(HERE, "lexicon")
RECODE_PATH = os.path.join(HERE, "recode.tsv")

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
}

# Kinds whose entries produce an event code of their own.
EVENT_KINDS = {"verb", "noun", "adj"}
# Complement-taking kinds: the governed event is recoded through a map.
COMPLEMENT_KINDS = {"intent", "appeal", "demand", "reject", "threat",
                    "accuse", "investigate"}
# Names a map in recode.tsv may have.
MAP_NAMES = COMPLEMENT_KINDS | {"future"}
# Cue kinds: no code (CODE column is "-"), used by the coder.
CUE_KINDS = {"light", "negation", "modal", "block", "future", "obligation",
             "representative", "quantity", "measure", "object_control",
             "place_noun", "time_noun", "copular", "frame_noun", "denial", "seat_verb", "opaque", "victim", "relational",
             "agentive_passive", "weapon", "title", "common_name", "sport", "arts"}
# Cue kinds that recode the event they govern through a map.
MAPPED_CUE_KINDS = {"future", "obligation"}
SPEECH_KINDS = {"speech"}
ALL_KINDS = EVENT_KINDS | COMPLEMENT_KINDS | CUE_KINDS | SPEECH_KINDS

LIST_KEYS = {"obj", "subj", "with", "prep", "place", "topic"}
ENUM_KEYS = {
    "of": {"source", "target"},
    "target": {"none"},
    "passive": {"ok", "no"},
    "pos": {"verb", "noun", "adj"},
    "alone": {"yes", "no"},
    "noobj": {"yes", "no"},
    "subject": {"source", "target"},
    "fallback": {"yes", "no"},
}
MAP_KEY = "map"
ALL_KEYS = LIST_KEYS | set(ENUM_KEYS) | {MAP_KEY}

ALLOWED_KEYS = {
    "verb": LIST_KEYS | {"target", "passive", "noobj", "subject", "of"},
    "noun": LIST_KEYS | {"of", "target", "alone", "subject"},
    "adj": LIST_KEYS | {"target", "subject"},
    "speech": LIST_KEYS | {"target", "passive", "pos"},
    "light": {"obj", "subject"},
    "negation": set(),
    "modal": set(),
    "block": {"obj", "subj", "with", "topic", "pos"},
    "future": {MAP_KEY},
    "obligation": {MAP_KEY},
}
for _k in CUE_KINDS:
    ALLOWED_KEYS.setdefault(_k, set())
for _k in COMPLEMENT_KINDS:
    ALLOWED_KEYS[_k] = LIST_KEYS | {"of", "target", "passive", "pos",
                                    "subject", "fallback", MAP_KEY}

# Words that may appear inside a lemma: letters (any script), digits,
# apostrophes, hyphens, periods and single spaces.
LEMMA_RE = re.compile(r"^[^\W_](?:[\w'’.\-]|\s(?=\S))*$", re.UNICODE)
# Prepositions that may join a multi-word noun phrase: "head P complement".
NOUN_PREPS = {"of", "to", "for", "with", "on", "against", "by", "from",
              "into", "in", "at", "about", "over", "upon", "toward", "towards"}
CODE_RE = re.compile(r"^\d{2,4}$")


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append("%s: error: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings.append("%s: warning: %s" % (where, msg))


def read_version(lines, where, rep):
    for line in lines:
        if line.strip():
            if not re.match(r"^#\s*version:\s*\d+\s*$", line):
                rep.error(where, "first non-empty line must be '# version: N'")
            return
    rep.error(where, "file is empty")


def load_codes(rep, path=CODES_PATH):
    codes = {}
    where = os.path.relpath(path, os.path.dirname(DATA))
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        rep.error(where, str(e))
        return codes
    read_version(lines, where, rep)
    header = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        at = "%s:%d" % (where, n)
        if header is None:
            header = cols
            want = ["code", "name", "goldstein", "goldstein_gdelt", "quad",
                    "root", "plover"]
            if header != want:
                rep.error(at, "header must be %s" % "\\t".join(want))
            continue
        if len(cols) != 7:
            rep.error(at, "expected 7 columns, got %d" % len(cols))
            continue
        code, name, gold, gold_g, quad, root, plover = cols
        if not CODE_RE.match(code):
            rep.error(at, "bad code %r" % code)
            continue
        if code in codes:
            rep.error(at, "duplicate code %s" % code)
        if not name.strip():
            rep.error(at, "empty name")
        for label, val in (("goldstein", gold), ("goldstein_gdelt", gold_g)):
            try:
                v = float(val)
                if not -10.0 <= v <= 10.0:
                    rep.error(at, "%s %s out of [-10, 10]" % (label, val))
            except ValueError:
                rep.error(at, "%s %r is not a number" % (label, val))
        if root != code[:2]:
            rep.error(at, "root %s does not match code %s" % (root, code))
        try:
            r = int(root)
            want_quad = 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4
            if not 1 <= r <= 20:
                rep.error(at, "root %s outside 01..20" % root)
            if quad != str(want_quad):
                rep.error(at, "quad %s, expected %d for root %s"
                          % (quad, want_quad, root))
        except ValueError:
            rep.error(at, "bad root %r" % root)
        if plover != "-" and plover not in PLOVER_TYPES:
            rep.error(at, "unknown PLOVER type %r" % plover)
        codes[code] = name
    if len(codes) < 300:
        rep.error(where, "only %d codes; expected the full CAMEO set" % len(codes))
    return codes


def load_recode(rep, codes, path=RECODE_PATH):
    maps = {}
    where = os.path.relpath(path, os.path.dirname(DATA))
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        rep.error(where, str(e))
        return maps
    read_version(lines, where, rep)
    header_seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        at = "%s:%d" % (where, n)
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols != ["map", "complement", "code"]:
                rep.error(at, "header must be map\\tcomplement\\tcode")
            continue
        if len(cols) != 3:
            rep.error(at, "expected 3 tab-separated columns")
            continue
        name, comp, out = cols
        if name not in MAP_NAMES:
            rep.error(at, "unknown map %r" % name)
        if comp not in codes:
            rep.error(at, "complement %r is not a CAMEO code or root" % comp)
        if out != "=" and out not in codes:
            rep.error(at, "result %r is not a CAMEO code (or '=')" % out)
        if out != "=" and len(out) == 2:
            rep.error(at, "result %s is a root; use a 3- or 4-digit code" % out)
        table = maps.setdefault(name, {})
        if comp in table:
            rep.error(at, "duplicate row for %s %s" % (name, comp))
        table[comp] = out
    for name in MAP_NAMES:
        if name not in maps:
            rep.error(where, "map %r has no rows" % name)
    return maps


def split_list(value):
    return [v.strip() for v in value.split(";")]


# Values that stand for a kind of argument rather than a word (data/events/README.md).
PSEUDO_VALUES = {"obj": ("*person",), "subj": ("*person",)}

CLASS_RE = re.compile(r"^@[a-z0-9_\-]+$")


def expand(items, classes, at, rep):
    """Replace each @class in items by its values (which are already expanded)."""
    out = []
    for it in items:
        if it.startswith("@"):
            if it not in classes:
                rep.error(at, "word class %r is not defined above" % it)
                continue
            out.extend(classes[it])
        else:
            out.append(it)
    return out


def parse_class(line, classes, at, rep):
    name, sep, value = line.partition("=")
    name = name.strip()
    if not sep or not CLASS_RE.match(name):
        rep.error(at, "expected '@name = value ; value ...' (name: lower case,"
                  " digits, '_' or '-')")
        return
    if name in classes:
        rep.error(at, "word class %r is defined twice" % name)
        return
    items = [v for v in split_list(value) if v]
    if not items:
        rep.error(at, "word class %r is empty" % name)
        return
    for it in items:
        if not it.startswith("@"):
            check_lemma(it, at, rep, False, "class value")
    classes[name] = expand(items, classes, at, rep)


def check_lemma(lem, at, rep, nounish, context):
    if not lem:
        rep.error(at, "empty item in %s list" % context)
        return False
    if lem != lem.lower():
        rep.error(at, "%s %r must be lower case" % (context, lem))
    if not LEMMA_RE.match(lem):
        rep.error(at, "%s %r has characters outside a lemma" % (context, lem))
        return False
    words = lem.split()
    if nounish and len(words) > 1:
        preps = [i for i, w in enumerate(words) if w in NOUN_PREPS]
        if len(preps) > 1 or (preps and preps[0] in (0, len(words) - 1)):
            rep.warn(at, "multi-word %s %r: a noun phrase may hold one inner"
                     " preposition (head P complement)" % (context, lem))
    return True


def lexicon_files(directory=LEXICON_DIR):
    try:
        names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    except OSError:
        return []
    return [os.path.join(directory, n) for n in names]


def parse_lexicon(rep, codes, maps, directory=LEXICON_DIR):
    """All entries of the lexicon directory, classes shared across files."""
    files = lexicon_files(directory)
    if not files:
        rep.error(os.path.relpath(directory, os.path.dirname(DATA)), "no lexicon files (*.txt)")
    entries, classes, seen = [], {}, {}
    for path in files:
        entries.extend(parse_patterns(rep, codes, maps, path, classes, seen))
    return entries


def parse_patterns(rep, codes, maps, path, classes=None, seen=None):
    """Return a list of entries: (code, kind, lemmas, keys, 'file:line')."""
    entries = []
    classes = {} if classes is None else classes
    seen = {} if seen is None else seen
    where = os.path.relpath(path, os.path.dirname(DATA))
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        rep.error(where, str(e))
        return entries
    read_version(lines, where, rep)
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if " #" in line:
            line = line[:line.index(" #")].rstrip()
        if not line or line.startswith("#"):
            continue
        at = "%s:%d" % (where, n)
        if "\t" in raw:
            rep.error(at, "use spaces, not tabs")
        if line.startswith("@"):
            parse_class(line, classes, at, rep)
            continue
        parts = line.split("|")
        head = parts[0].split(None, 2)
        if len(head) < 3:
            rep.error(at, "expected CODE KIND lemma[; lemma...]")
            continue
        code, kind, lemma_text = head
        if kind not in ALL_KINDS:
            rep.error(at, "unknown kind %r" % kind)
            continue
        if kind in CUE_KINDS and not (kind == "obligation" and code != "-"):
            if code != "-":
                rep.error(at, "kind %s takes '-' as its code" % kind)
        elif code not in codes:
            rep.error(at, "unknown CAMEO code %r" % code)
            continue
        elif len(code) == 2:
            rep.error(at, "root %s is not an event code; use %s0" % (code, code))
        keys = {}
        for part in parts[1:]:
            if ":" not in part:
                rep.error(at, "key without ':' in %r" % part.strip())
                continue
            key, value = part.split(":", 1)
            key, value = key.strip(), value.strip()
            if key not in ALL_KEYS:
                rep.error(at, "unknown key %r" % key)
                continue
            if key in keys:
                rep.error(at, "key %r given twice" % key)
                continue
            if key not in ALLOWED_KEYS[kind]:
                rep.error(at, "key %r not allowed for kind %s" % (key, kind))
            if key in ENUM_KEYS:
                if value not in ENUM_KEYS[key]:
                    rep.error(at, "%s: %r must be one of %s"
                              % (key, value, "|".join(sorted(ENUM_KEYS[key]))))
                keys[key] = value
            elif key == MAP_KEY:
                if value not in maps:
                    rep.error(at, "map %r not defined in recode.tsv" % value)
                keys[key] = value
            else:
                items = split_list(value)
                nounish = key in ("obj", "subj")
                for it in items:
                    if it in PSEUDO_VALUES.get(key, ()):
                        continue
                    if not it.startswith("@"):
                        check_lemma(it, at, rep, nounish, key)
                if len(set(items)) != len(items):
                    rep.warn(at, "repeated value in %s list" % key)
                items = expand(items, classes, at, rep)
                keys[key] = items
        if kind in COMPLEMENT_KINDS or kind in MAPPED_CUE_KINDS:
            if keys.get(MAP_KEY) is None:
                rep.error(at, "kind %s needs a map: key" % kind)
            elif kind in COMPLEMENT_KINDS and keys[MAP_KEY] != kind:
                rep.warn(at, "kind %s uses map %s" % (kind, keys[MAP_KEY]))
        pos = keys.get("pos", "noun" if kind == "noun" else "verb")
        lemmas = split_list(lemma_text)
        if len(set(lemmas)) != len(lemmas):
            rep.warn(at, "repeated lemma on one line")
        lemmas = expand(lemmas, classes, at, rep)
        nounish = pos == "noun" or kind == "noun"
        good = [l for l in lemmas if check_lemma(l, at, rep, nounish, "lemma")]
        sig = (code, kind, tuple(sorted(set(good))),
               tuple(sorted((k, str(v)) for k, v in keys.items())))
        if sig in seen:
            rep.warn(at, "same entry as %s" % seen[sig])
        seen[sig] = at
        entries.append((code, kind, good, keys, at))
    return entries


def check_ambiguity(entries, rep):
    """Warn when one lemma is an unconstrained trigger for two codes."""
    constraint_keys = ("obj", "subj", "with", "topic", "noobj")
    seen = {}
    for code, kind, lemmas, keys, n in entries:
        if kind not in EVENT_KINDS or keys.get("alone") == "no":
            continue
        if any(k in keys for k in constraint_keys):
            continue
        for lem in lemmas:
            other = seen.setdefault((kind, lem), (code, n))
            if other[0] != code:
                rep.warn(n, "%s %r is an unconstrained trigger for both %s (%s)"
                         " and %s" % (kind, lem, other[0], other[1], code))


def coverage(codes, entries, maps):
    """Return (direct, via_recode) sets of event codes the lexicon can emit."""
    direct = set()
    complement_maps = set()
    for code, kind, lemmas, keys, _ in entries:
        if kind in CUE_KINDS or not lemmas:
            continue
        direct.add(code)
        if kind in COMPLEMENT_KINDS and keys.get(MAP_KEY):
            complement_maps.add(keys[MAP_KEY])
    for code, kind, lemmas, keys, _ in entries:
        if kind in MAPPED_CUE_KINDS and keys.get(MAP_KEY):
            complement_maps.add(keys[MAP_KEY])
    # A map row is reachable when some emitted code falls under its
    # complement prefix and no longer row for that code overrides it.
    via = set()
    changed = True
    while changed:
        changed = False
        emitted = direct | via
        for name in complement_maps:
            table = maps.get(name, {})
            for comp_code in sorted(emitted):
                out = resolve(table, comp_code)
                if out and out != "=" and out not in emitted and out in codes:
                    via.add(out)
                    changed = True
    return direct, via - direct


def resolve(table, code):
    """Longest-prefix lookup of `code` in one recode map."""
    for length in range(len(code), 1, -1):
        hit = table.get(code[:length])
        if hit is not None:
            return hit
    return None


# Lines that must each produce at least one error, and one that must not.
SELF_TEST_BAD = [
    "999   verb      attack",                      # unknown code
    "190   verbb     attack",                      # unknown kind
    "190   verb      attack | colour: red",        # unknown key
    "190   verb      attack | passive: maybe",     # bad enum value
    "190   verb      Attack",                      # upper case lemma
    "190   verb      attack ;  ; fight",           # empty item
    "030   intent    promise",                    # complement kind without map
    "030   intent    promise | map: nosuchmap",   # unknown map
    "19    verb      attack",                      # root used as a code
    "190   light     carry out",                   # cue kind with a code
    "190   verb      attack | obj: town | obj: city",  # key given twice
    "-     negation  not | obj: x",                # key not allowed for kind
    "-     opaqe     see",                         # misspelt cue kind
    "-     future    will",                        # mapped cue without map
    "190   verb      attack | obj: @nosuchclass",  # undefined word class
    "@bad class = town",                           # malformed class name
    "@empty =",                                    # empty class
]
SELF_TEST_GOOD = [
    "190   verb      attack ; pull out ; state of emergency | obj: air base ; town | prep: on ; against | passive: ok",
    "036   intent    plan | pos: noun | of: source | map: intent",
    "-     block     heart attack | pos: noun",
    "-     future    will | map: future",
    "@place = town ; city",
]


def self_test():
    """Check that the parser rejects known-bad lines and accepts good ones."""
    import tempfile
    rep = Report()
    codes = load_codes(rep)
    maps = load_recode(rep, codes)
    if rep.errors:
        sys.stderr.write("self-test: shipped tables have errors\n")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "patterns.txt")
        cases = [(l, True) for l in SELF_TEST_BAD]
        cases += [(l, False) for l in SELF_TEST_GOOD]
        for line, want_error in cases:
            with open(path, "w", encoding="utf-8") as f:
                f.write("# version: 1\n" + line + "\n")
            r = Report()
            parse_patterns(r, codes, maps, path)
            if bool(r.errors) != want_error:
                failures += 1
                sys.stderr.write("self-test: %s for %r\n" % (
                    "missed error" if want_error else "false error", line))
        with open(path, "w", encoding="utf-8") as f:
            f.write("190   verb      attack\n")
        r = Report()
        parse_patterns(r, codes, maps, path)
        if not r.errors:
            failures += 1
            sys.stderr.write("self-test: missing version line not caught\n")
    if failures:
        sys.stderr.write("self-test: %d failure(s)\n" % failures)
        return 1
    sys.stdout.write("self-test OK (%d cases)\n" % (len(SELF_TEST_BAD) + len(SELF_TEST_GOOD) + 1))
    return 0


def main(argv):
    if "--self-test" in argv:
        return self_test()
    quiet = "--quiet" in argv
    allow_gaps = "--allow-gaps" in argv
    rep = Report()
    codes = load_codes(rep)
    maps = load_recode(rep, codes)
    entries = parse_lexicon(rep, codes, maps)
    check_ambiguity(entries, rep)
    event_codes = sorted(c for c in codes if len(c) > 2)
    direct, via = coverage(codes, entries, maps)
    missing = [c for c in event_codes if c not in direct and c not in via]

    n_lines = len(entries)
    n_triples = sum(len(e[2]) for e in entries if e[1] not in CUE_KINDS)
    kinds = {}
    for e in entries:
        kinds[e[1]] = kinds.get(e[1], 0) + 1

    out = sys.stdout
    if not quiet:
        out.write("lexicon: %d entry lines, %d (code, kind, lemma) triggers\n"
                  % (n_lines, n_triples))
        out.write("kinds: %s\n" % ", ".join(
            "%s=%d" % (k, kinds[k]) for k in sorted(kinds)))
        out.write("recode maps: %s\n" % ", ".join(
            "%s=%d" % (k, len(maps[k])) for k in sorted(maps)))
        out.write("coverage of %d CAMEO event codes: %d direct, %d via recode,"
                  " %d missing\n" % (len(event_codes), len(direct), len(via),
                                     len(missing)))
        out.write("root  codes  direct  recode  missing\n")
        for r in range(1, 21):
            root = "%02d" % r
            rc = [c for c in event_codes if c.startswith(root)]
            d = sum(1 for c in rc if c in direct)
            v = sum(1 for c in rc if c in via)
            m = [c for c in rc if c in missing]
            out.write("%s  %5d  %6d  %6d  %7d%s\n"
                      % (root, len(rc), d, v, len(m),
                         ("  " + " ".join(m)) if m else ""))
        for w in rep.warnings:
            out.write(w + "\n")
    if missing and not allow_gaps:
        rep.error("coverage", "codes with no trigger: %s" % " ".join(missing))
    for e in rep.errors:
        sys.stderr.write(e + "\n")
    if rep.errors:
        sys.stderr.write("%d error(s)\n" % len(rep.errors))
        return 1
    if not quiet:
        out.write("OK\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
