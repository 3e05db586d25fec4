"""`quyetdinh eval`: precision/recall/F1 of extraction against hand-checked truth files.

Truth sits beside a document (`NAME.truth.json`) or in a `truth/` folder (`truth/NAME.json`,
also as a sibling of the documents' folder). Real-text truth uses slightly different keys
(`deputy`, `year_of_blocs`) and helper keys (`members_normalized`, `leader_matches_member`,
`members_listed`, `members_complete`), all honoured here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.units.normalize import expand_abbreviations, normalize_text

FIELDS = ["doc_type", "number", "symbol", "issued_date", "issuer", "subject", "signer", "members", "leader",
          "deputies"]
DOC_TYPE_ALIASES = {"news": "tin_bai", "official_letter": "cong_van", "decision_regulation": "quyet_dinh",
                    "decision": "quyet_dinh"}


def loose(text) -> str:
    if text is None:
        return ""
    t = normalize_text(str(text)).lower()
    t = re.sub(r"[^\w\s/]", " ", t)
    return " ".join(t.split())


def loose_org(text) -> str:
    return loose(expand_abbreviations(normalize_text(str(text)))) if text else ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    details: list = field(default_factory=list)

    def add(self, tp=0, fp=0, fn=0):
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def find_truth(doc: Path, root: Path, truth_dir: Path | None = None) -> Path | None:
    cands = [doc.with_name(doc.stem + ".truth.json"), doc.parent / "truth" / f"{doc.stem}.json",
             doc.parent.parent / "truth" / f"{doc.stem}.json", root / "truth" / f"{doc.stem}.json"]
    if truth_dir is not None:
        cands.insert(0, truth_dir / f"{doc.stem}.json")
    for cand in cands:
        if cand.is_file():
            return cand
    return None


def score_value(score: Score, pred, truth, same) -> bool:
    if truth is None and pred is None:
        return True
    ok = truth is not None and pred is not None and same(pred, truth)
    if ok:
        score.add(tp=1)
    else:
        if pred is not None:
            score.add(fp=1)
        if truth is not None:
            score.add(fn=1)
    return ok


def _alts(tg: dict, key: str, alt_key: str) -> list[list[str]]:
    vals = tg.get(key) or []
    alts = tg.get(alt_key) or []
    return [[v] + ([alts[i]] if i < len(alts) and alts[i] else []) for i, v in enumerate(vals)]


def match(pred_name: str, options: list[str]) -> bool:
    return loose(pred_name) in {loose(o) for o in options}


def score_groups(scores: dict[str, Score], pred_groups: list[dict], truth_groups: list[dict], doc: str) -> None:
    used = set()
    for tg in truth_groups:
        members = _alts(tg, "members", "members_normalized")
        best, best_n = None, -1
        for i, pg in enumerate(pred_groups):
            if i in used:
                continue
            n = sum(any(match(m["name"], opts) or match(m.get("normalized") or "", opts) for opts in members) for m in pg["members"])
            name_hit = any(loose(v) == loose(pg["name"]) for v in [tg.get("name"), *(tg.get("name_variants") or [])] if v)
            n = n + (0.5 if name_hit else 0)
            if n > best_n:
                best, best_n = i, n
        pg = pred_groups[best] if best is not None and best_n > 0 else None
        if pg is not None:
            used.add(best)
        pm = pg["members"] if pg else []
        s = scores["members"]
        if tg.get("members_listed", True) is not False:
            remaining = list(members)
            for m in pm:
                hit = next((o for o in remaining if match(m["name"], o) or match(m.get("normalized") or "", o)), None)
                if hit:
                    remaining.remove(hit)
                    s.add(tp=1)
                elif tg.get("members_complete", True) is not False:
                    s.add(fp=1)
                    s.details.append(f"{doc}: extra member {m['name']!r} in {tg.get('name')}")
            for o in remaining:
                s.add(fn=1)
                s.details.append(f"{doc}: missed member {o[0]!r} in {tg.get('name')}")
        # `leader_as_written`: the truth's name of the leader as the text spells it (a name the source
        # cut: "Cảng vụ Hàng hải Hải"); the extractor reports names as written (corpus README).
        leader_opts = [v for v in (tg.get("leader"), tg.get("leader_matches_member"), tg.get("leader_as_written")) if v]
        ok = score_value(scores["leader"], pg["leader"] if pg else None, tg.get("leader"),
                         lambda p, t: match(p, leader_opts))
        if not ok:
            scores["leader"].details.append(f"{doc}: leader {pg['leader'] if pg else None!r} vs truth {tg.get('leader')!r}")
        deputies = _alts(tg, "deputies" if "deputies" in tg else "deputy", "deputy_matches_member")
        remaining = list(deputies)
        for d in (pg["deputies"] if pg else []):
            hit = next((o for o in remaining if match(d, o)), None)
            if hit:
                remaining.remove(hit)
                scores["deputies"].add(tp=1)
            else:
                scores["deputies"].add(fp=1)
                scores["deputies"].details.append(f"{doc}: extra deputy {d!r}")
        for o in remaining:
            scores["deputies"].add(fn=1)
            scores["deputies"].details.append(f"{doc}: missed deputy {o[0]!r}")
    for i, pg in enumerate(pred_groups):
        if i not in used:
            scores["members"].add(fp=len(pg["members"]))
            scores["members"].details.append(f"{doc}: group not in truth {pg['name']!r} ({len(pg['members'])} members)")
            if pg["leader"]:
                scores["leader"].add(fp=1)
            scores["deputies"].add(fp=len(pg["deputies"]))


def evaluate(directory: str, extract_path, truth_dir: str | None = None) -> tuple[dict[str, Score], int]:
    from extractors.readers import SUPPORTED
    root = Path(directory)
    scores = {f: Score() for f in FIELDS}
    n = 0
    for doc in sorted(p for p in root.rglob("*") if p.suffix.lower() in SUPPORTED and p.is_file()):
        truth_path = find_truth(doc, root, Path(truth_dir) if truth_dir else None)
        if truth_path is None:
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        rec = extract_path(str(doc))
        n += 1
        name = doc.name
        if "doc_type" in truth:
            want = DOC_TYPE_ALIASES.get(truth["doc_type"], truth["doc_type"])
            if not score_value(scores["doc_type"], rec.get("doc_type"), want, lambda p, t: p == t):
                scores["doc_type"].details.append(f"{name}: doc_type {rec.get('doc_type')!r} vs truth {want!r}")
        for f, same in [("number", lambda p, t: loose(p).replace(" ", "") == loose(t).replace(" ", "")),
                        ("symbol", lambda p, t: p == t),
                        ("issued_date", lambda p, t: p == t),
                        ("issuer", lambda p, t: loose_org(p) == loose_org(t)),
                        ("subject", lambda p, t: loose(p) == loose(t))]:
            if f in truth:
                if not score_value(scores[f], rec.get(f), truth.get(f), same):
                    scores[f].details.append(f"{name}: {f} {rec.get(f)!r} vs truth {truth.get(f)!r}")
        if "signer" in truth:
            tname = (truth["signer"] or {}).get("name")
            pname = (rec.get("signer") or {}).get("name")
            if not score_value(scores["signer"], pname, tname, lambda p, t: loose(p) == loose(t)):
                scores["signer"].details.append(f"{name}: signer {pname!r} vs truth {tname!r}")
        score_groups(scores, rec.get("groups") or [], truth.get("groups") or [], name)
    return scores, n


def format_scores(scores: dict[str, Score], n: int, verbose: bool = False) -> str:
    total = Score()
    lines = [f"{n} document(s) with truth", f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}"]
    for f, s in scores.items():
        total.add(s.tp, s.fp, s.fn)
        lines.append(f"{f:<12} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}  {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    lines.append(f"{'total':<12} {total.p:6.3f} {total.r:6.3f} {total.f1:6.3f}  {total.tp:4d} {total.fp:4d} {total.fn:4d}")
    if verbose:
        for f, s in scores.items():
            for d in s.details:
                lines.append(f"  {f}: {d}")
    return "\n".join(lines)


def scores_json(scores: dict[str, Score], n: int) -> dict:
    return {"documents": n, "fields": {f: {"precision": round(s.p, 4), "recall": round(s.r, 4), "f1": round(s.f1, 4),
                                           "tp": s.tp, "fp": s.fp, "fn": s.fn} for f, s in scores.items()}}
