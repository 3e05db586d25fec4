"""The extraction record, typed: what `quyetdinh extract --format json` prints and the store loads.

The contract is docs/record.md (kept word for word with the shared spec other tools read).
TypedDicts, not dataclasses: a record stays the plain JSON object it is on the wire, so its
JSON is byte for byte what it was, keys in the order the finders write them, and the steps that
add to it (unit resolution, human corrections) keep working on it in place. `NotRequired` keys
appear only when they apply. `extractors/extract.py` builds it; tests/test_record.py checks that
every key a record carries is declared here.
"""
from __future__ import annotations

import json
from typing import Any, Literal, NotRequired, TypedDict

SCHEMA = 1  # bump when a key changes meaning (docs/record.md)

Status = Literal["ok", "partial", "needs_ocr", "unreadable", "encrypted", "unsupported", "empty",
                 "timeout", "too_large", "hidden", "not_regular"]


class Provenance(TypedDict, total=False):
    """Where a fact was read: page and line; OCR adds its confidence and box, a correction its origin."""
    page: int | None
    line: int | None
    confidence: float
    bbox: list[float] | None
    text: str
    source: str  # "human" when a correction set the fact
    correction: str
    file: str | None


class Source(TypedDict):
    path: str
    sha256: str | None
    format: str
    pages: int | None
    ocr: bool
    ocr_confidence: NotRequired[dict[str, float]]  # page → mean OCR confidence
    signing_times: NotRequired[list[str]]  # ISO times of the file's digital signatures


class Resolution(TypedDict, total=False):
    method: str  # exact | alias | pattern | fuzzy | human | …
    score: float
    candidates: list[dict[str, Any]]
    correction: str


class Member(TypedDict):
    name: str  # as written in the document
    unit_id: str | None
    role: Literal["member", "leader", "deputy"]
    provenance: Provenance
    normalized: NotRequired[str]
    resolution: NotRequired[Resolution]
    human: NotRequired[str]  # the correction that set it


class Group(TypedDict):
    kind: str  # cụm | khối
    name: str
    ordinal: str | None
    members: list[Member]
    leader: str | None
    deputies: list[str]
    stated_member_count: int | None
    provenance: NotRequired[Provenance | None]
    human: NotRequired[list[str]]  # "field:correction id" of each correction that changed it


class Signer(TypedDict):
    name: str | None
    title: str | None
    authority: str | None
    provenance: NotRequired[Provenance]


class Person(TypedDict):
    name: str
    title: str | None
    provenance: NotRequired[Provenance]


class DateMention(TypedDict):
    date: str
    role: str  # issued | effective | event | deadline | reference | published | other
    text: str
    year_inferred: NotRequired[bool]
    provenance: NotRequired[Provenance]


class Reference(TypedDict):
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    provenance: NotRequired[Provenance]


class Amends(TypedDict):
    number: str | None
    date: str | None


class Change(TypedDict, total=False):
    """One roster change an amending decision makes (op: add, remove, move, leader, deputy, replace, …)."""
    op: str
    unit: str | None
    from_group: str | None
    to_group: str | None
    group: str | None
    role: str | None
    old_unit: str | None
    provenance: Provenance


class Signature(TypedDict, total=False):
    field: str | None
    signer: str | None
    organization: str | None
    signing_time: str | None
    reason: str | None
    location: str | None
    intact: bool | None
    covers_whole_file: bool | None
    trusted: bool | None
    status: str | None


class ExtractionRecord(TypedDict):
    schema: int
    source: Source
    status: Status
    error: str | None
    doc_type: str | None
    number: str | None
    symbol: str | None
    issued_date: str | None
    place: str | None
    issuer: str | None
    subject: str | None
    signer: Signer | None
    year: int | None
    groups: list[Group]
    persons: list[Person]
    dates: list[DateMention]
    references: list[Reference]
    warnings: list[str]
    signatures: NotRequired[list[Signature]]
    signature_stamps: NotRequired[list[dict[str, Any]]]
    amends: NotRequired[Amends]
    changes: NotRequired[list[Change]]
    field_provenance: NotRequired[dict[str, Provenance]]
    number_source: NotRequired[str]
    issued_date_source: NotRequired[str]
    province: NotRequired[str | None]  # added by unit resolution (pipeline.units.registry)
    province_source: NotRequired[str]
    human: NotRequired[dict[str, str]]  # field → the correction that set it


def to_json(record: ExtractionRecord) -> str:
    """One line of `quyetdinh extract --format json`, and `decisions.record` in the store."""
    return json.dumps(record, ensure_ascii=False)


def from_json(text: str | bytes) -> ExtractionRecord:
    return json.loads(text)
