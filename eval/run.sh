#!/usr/bin/env bash
# Runs every evaluation in eval/*.py against ../shared and checks each figure against the
# floor recorded in eval/floors.json. Exits non-zero when a figure falls below its floor.
#
#   eval/run.sh BUILD/sitrep            all evaluations
#   EVAL_ONLY=extraction eval/run.sh …  just one
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=$(realpath "${1:-build/sitrep}")
shared=$(realpath "${SITREP_SHARED:-../shared}")
out=eval/out
mkdir -p "$out"
status=0
for script in eval/eval_*.py; do
  name=$(basename "$script" .py); name=${name#eval_}
  if [ -n "${EVAL_ONLY:-}" ] && [ "$name" != "$EVAL_ONLY" ]; then continue; fi
  echo "== eval $name"
  if ! python3 "$script" --sitrep "$sitrep" --shared "$shared" --out "$out/$name.json"; then
    echo "eval $name: FAILED to run"; status=1; continue
  fi
  python3 eval/check_floors.py eval/floors.json "$name" "$out/$name.json" || status=1
done
exit $status
