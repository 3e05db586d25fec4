"""The unit registry: canonical units with aliases, loaded from data files in the repo.

Resolution order: exact alias key, then the key with an implied prefix ("Nội vụ" in
"các sở Nội vụ, …" → "Sở Nội vụ"). Unknown names keep `unit_id: null` and a warning.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from pipeline.normalize import unit_key

REGISTRY_DIR = Path(__file__).parent / "registry"


@lru_cache(maxsize=1)
def load_registry() -> tuple[list[dict], dict[str, str]]:
    units, index = [], {}
    for path in sorted(REGISTRY_DIR.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                unit = {k: (row.get(k) or None) for k in ("unit_id", "name", "kind", "province", "valid_from", "valid_to")}
                unit["aliases"] = aliases
                units.append(unit)
                for name in [row["name"], *aliases]:
                    index.setdefault(unit_key(name), row["unit_id"])
    return units, index


def resolve(name: str, implied: str | None = None) -> str | None:
    _, index = load_registry()
    for cand in ([f"{implied} {name}"] if implied else []) + [name]:
        uid = index.get(unit_key(cand))
        if uid:
            return uid
    return None


def resolve_record(record: dict) -> dict:
    """Fill `unit_id` of every member; warn about names the registry does not know."""
    unknown = []
    for g in record.get("groups", []):
        for m in g["members"]:
            m["unit_id"] = resolve(m.get("normalized") or m["name"])
            if m["unit_id"] is None:
                unknown.append(m["name"])
    if unknown:
        record["warnings"].append(f"{len(unknown)} unit name(s) not in the registry: " + "; ".join(unknown[:10])
                                  + (" …" if len(unknown) > 10 else ""))
    return record
