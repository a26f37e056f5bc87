#!/usr/bin/env bash
# Golden test for `sitrep code`: runs the cases in every tests/golden/coding_cases*.txt file
# (one file per group of CAMEO roots) and the article cases of example_articles.txt, and prints
# a readable diff for each case whose events differ from the expected ones. Fails when any
# file has a failing case.
#   bash tests/golden/code.sh BUILD/sitrep
set -euo pipefail
sitrep=${1:?usage: code.sh PATH/TO/sitrep}
here=$(cd "$(dirname "$0")" && pwd)
model=$(cd "$here/../.." && pwd)/models/en_news.model
if [ ! -f "$model" ]; then
  echo "SKIP: no syntax model at $model"; exit 0
fi
status=0
for cases in "$here"/coding_cases*.txt; do
  python3 "$here/check_coding.py" "$sitrep" "$cases" ${SITREP_MODEL:+--model "$SITREP_MODEL"} || status=1
done
python3 "$here/check_articles.py" "$sitrep" "$here/example_articles.txt" ${SITREP_MODEL:+--model "$SITREP_MODEL"} || status=1
exit $status
