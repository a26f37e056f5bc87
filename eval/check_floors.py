#!/usr/bin/env python3
"""Compares one evaluation's figures with its floors.

eval/floors.json maps evaluation name -> {metric: floor}. A metric whose name ends in
"_max" is a ceiling instead (the figure must not exceed it). Prints one line per metric.
"""
import json
import sys


def main():
    floors_path, name, figures_path = sys.argv[1:4]
    floors = json.load(open(floors_path)).get(name, {})
    figures = json.load(open(figures_path))
    ok = True
    for metric, bound in floors.items():
        key = metric[:-4] if metric.endswith("_max") else metric
        value = figures.get(key)
        if value is None:
            print(f"  {key}: MISSING (bound {bound})")
            ok = False
            continue
        passed = value <= bound if metric.endswith("_max") else value >= bound
        mark = "ok" if passed else "BELOW FLOOR" if not metric.endswith("_max") else "ABOVE CEILING"
        print(f"  {key}: {value:.4f} ({'<=' if metric.endswith('_max') else '>='} {bound}) {mark}")
        ok &= passed
    for key, value in figures.items():
        if key not in floors and key + "_max" not in floors:
            print(f"  {key}: {value} (reported)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
