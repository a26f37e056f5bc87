#!/usr/bin/env bash
# The demo: runs the main job on the bundled example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=${1:-build/sitrep}
echo "== sitrep extract examples/ (article text, first 200 characters each)"
"$sitrep" extract --quiet examples/ | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(f"- {d[\"id\"]} | {d[\"title\"]} | {d[\"date\"]}\n  {d[\"text\"][:200]!r}")
'
