"""Ten documents a helper wrote from the brief and the corpus without seeing the rules
(tests/data/blind/README.md says what each tests). They found eight kinds of layout the finders
did not know; this keeps them read."""
from pathlib import Path

from extractors.extract import extract_path
from pipeline.evaluate import evaluate, format_scores

BLIND = Path(__file__).parent / "data" / "blind"


def test_blind_documents_are_read_exactly():
    scores, n = evaluate(str(BLIND), extract_path)
    assert n == 10
    assert all(s.fp == 0 and s.fn == 0 for s in scores.values()), format_scores(scores, n, verbose=True)
