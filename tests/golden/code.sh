#!/usr/bin/env bash
# Golden test for `sitrep code`: runs the cases in tests/golden/coding_cases.txt and prints a
# readable diff for each case whose events differ from the expected ones.
#   bash tests/golden/code.sh BUILD/sitrep
set -euo pipefail
sitrep=${1:?usage: code.sh PATH/TO/sitrep}
here=$(cd "$(dirname "$0")" && pwd)
model=$(cd "$here/../.." && pwd)/models/en_news.model
if [ ! -f "$model" ]; then
  echo "SKIP: no syntax model at $model"; exit 0
fi
exec python3 "$here/check_coding.py" "$sitrep" "$here/coding_cases.txt" ${SITREP_MODEL:+--model "$SITREP_MODEL"}
