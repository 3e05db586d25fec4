"""Precision and recall of hand-written numbers and days on hand-drawn decision headers.

    .venv/bin/python bench/hand_digits_trials.py COUNT SEED            # random hands and inks
    .venv/bin/python bench/hand_digits_trials.py --by-ink COUNT SEED   # blue, black, purple in turn

Every header is new (drawn from SEED by tests/handwriting.py) and read by the full pipeline
(OCR of the band, the hand-digit reader, the finders). A wrong value is printed with what was
written; docs/hand-digits.md keeps the measured figures.
"""
from __future__ import annotations

import json
import os
import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.handwriting import INKS, hand_digit_trials, header_with_hand_digits, random_hand, read_header, score  # noqa: E402

PDF = ROOT / "samples" / "2024" / "qd-138-2024-bacninh.pdf"


def by_ink(count: int, seed: int) -> dict:
    rng = random.Random(seed)
    stats = {ink: {"headers": 0, "number_right": 0, "number_wrong": 0, "day_right": 0, "day_wrong": 0} for ink in INKS}
    for i in range(count):
        ink = sorted(INKS)[i % len(INKS)]
        hands = (replace(random_hand(rng), ink=INKS[ink]), replace(random_hand(rng), ink=INKS[ink]))
        number, day = str(rng.randint(1, 999)), rng.randint(1, 28)
        signed = (date(2024, 2, day) + timedelta(days=rng.randint(0, 3))).isoformat() + "T10:00:00+07:00" \
            if rng.random() < 0.5 else None
        record = read_header(header_with_hand_digits(PDF, number, str(day), rng, hands=hands), signed)
        s = stats[ink]
        s["headers"] += 1
        got = record["number"].split("/")[0] if record["number"] else None
        if got:
            s["number_right" if got == number else "number_wrong"] += 1
        if record["issued_date"]:
            s["day_right" if record["issued_date"] == f"2024-02-{day:02d}" else "day_wrong"] += 1
        if (got and got != number) or (record["issued_date"] and record["issued_date"] != f"2024-02-{day:02d}"):
            print("WRONG", i, ink, number, got, day, record["issued_date"])
    return stats


def main(args: list[str]) -> None:
    if args and args[0] == "--by-ink":
        print(json.dumps(by_ink(int(args[1]), int(args[2])), indent=1))
        return
    trials = hand_digit_trials(PDF, int(args[0]), int(args[1]))
    for t in trials:
        if (t["read_number"] and t["read_number"] != t["number"]) or (t["read_day"] and t["read_day"] != t["day"]):
            print("WRONG", t)
    print(json.dumps(score(trials), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:] or ["20", "1"])
