"""News facts on real texts with truth: publication date, roster year, province, registry ids.

    .venv/bin/python bench/real_texts_facts.py RAW_DIR TRUTH_DIR [-v]

Prints, over the documents that have a truth file:
  * publication/issue date (`issued_date`) and roster year (`year` vs truth `year_of_blocs`):
    right / wrong / missed / null-as-in-truth;
  * province: the one the pipeline found vs truth `province.value`;
  * registry resolution: the fraction of the truth's members (as written) that `resolve()`
    gives a unit id, with the truth's province and year — the issue 16 measure ("members
    resolved to a registry id where the province is known") — and the same with the province
    the pipeline found from the text.
Never point it at the hold-out files with -v (tests/data/real-texts-holdout.txt).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.extract import extract_path  # noqa: E402
from pipeline.units import territory  # noqa: E402
from pipeline.units.registry import resolve  # noqa: E402


def compare(pred, want) -> str:
    if pred is None and want is None:
        return "null"
    if pred is None:
        return "missed"
    return "right" if pred == want else "wrong"


def truth_province(truth: dict) -> str | None:
    value = (truth.get("province") or {}).get("value")
    return territory.find_province(value) if value else None


def resolution(members: list[tuple[str, str | None]], province: str | None, on: date | None) -> tuple[int, list[str]]:
    """Members as written (with the truth's normalised form, as the extractor gives it) that
    resolve to a unit id."""
    unresolved = [m for m, norm in members if province is None or not any(
        resolve(n, province, on)["unit_id"] for n in (norm, m) if n)]
    return len(members) - len(unresolved), unresolved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("truth")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    tally = {k: {} for k in ("issued_date", "year", "province")}
    total = resolved_truth = resolved_found = with_province = 0
    details = []
    for doc in sorted(Path(args.raw).iterdir()):
        tpath = Path(args.truth) / f"{doc.stem}.json"
        if not tpath.is_file():
            continue
        truth = json.loads(tpath.read_text(encoding="utf-8"))
        rec = extract_path(str(doc))
        want_prov = truth_province(truth)
        for key, pred, want in (("issued_date", rec.get("issued_date"), truth.get("issued_date")),
                                ("year", rec.get("year"), truth.get("year_of_blocs")),
                                ("province", rec.get("province"), want_prov)):
            verdict = compare(pred, want)
            tally[key][verdict] = tally[key].get(verdict, 0) + 1
            if verdict in ("wrong", "missed"):
                details.append(f"  {key}: {doc.name}: {pred!r} vs truth {want!r}")
        year = truth.get("year_of_blocs")
        on = date(year, 12, 31) if year else None
        members = [(m, norm) for g in truth.get("groups") or []
                   for m, norm in zip(g.get("members") or [], (g.get("members_normalized") or []) + [None] * 999)]
        total += len(members)
        n, missed = resolution(members, want_prov, on)
        resolved_truth += n
        resolved_found += resolution(members, rec.get("province"), on)[0]
        with_province += len(members) if rec.get("province") else 0
        for m in missed:
            details.append(f"  unresolved: {doc.name} [{want_prov}]: {m}")
    for key, counts in tally.items():
        print(f"{key:<12} " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if total:
        print(f"registry: {resolved_truth}/{total} = {resolved_truth / total:.3f} of truth members resolved "
              f"(truth province); {resolved_found}/{total} = {resolved_found / total:.3f} (province found), "
              f"{resolved_found}/{with_province} = {resolved_found / max(with_province, 1):.3f} where one was found")
    if args.v:
        print("\n".join(details))


if __name__ == "__main__":
    main()
