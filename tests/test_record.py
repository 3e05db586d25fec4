"""The typed record (extractors/record.py) declares every key a record carries, and its JSON is
the record's JSON as it always was (the store keeps it; other tools read docs/record.md)."""
from __future__ import annotations

import sqlite3
import typing
from pathlib import Path

from extractors import record as R

ROOT = Path(__file__).resolve().parents[1]
PARTS = {"source": R.Source, "signer": R.Signer, "amends": R.Amends, "groups": R.Group, "members": R.Member,
         "persons": R.Person, "dates": R.DateMention, "references": R.Reference, "changes": R.Change,
         "signatures": R.Signature, "provenance": R.Provenance, "resolution": R.Resolution}


def undeclared(value, typed, where="") -> list[str]:
    out = []
    keys = typing.get_type_hints(typed)
    for k, v in value.items():
        if k not in keys:
            out.append(f"{where}.{k}")
        elif k in PARTS and isinstance(v, dict):
            out += undeclared(v, PARTS[k], f"{where}.{k}")
        elif k in PARTS and isinstance(v, list):
            out += [x for item in v if isinstance(item, dict) for x in undeclared(item, PARTS[k], f"{where}.{k}[]")]
    return out


def test_every_key_of_the_sample_records_is_declared_and_json_round_trips(samples_db_path):
    conn = sqlite3.connect(samples_db_path)
    rows = [r[0] for r in conn.execute("select record from decisions")]
    conn.close()
    assert rows
    for text in rows:
        rec = R.from_json(text)
        assert R.to_json(rec) == text  # the stored JSON is the record's JSON, byte for byte
        assert not undeclared(rec, R.ExtractionRecord), rec["source"]["path"]
        assert rec["schema"] == R.SCHEMA


def test_the_contract_is_in_the_repository_as_the_shared_spec_says():
    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    assert doc.startswith("# The extraction record: `quyetdinh extract --format json`")
    shared = ROOT.parent / "shared" / "spec" / "extract-json.md"
    if shared.exists():  # beside the checkout, as CI lays it out
        assert doc == shared.read_text(encoding="utf-8")
