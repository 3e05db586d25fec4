"""Documents helpers wrote from the brief and the corpus without seeing the rules
(tests/data/blind*/README.md say what each tests). The first ten (TXT) found eight kinds of
layout the finders did not know, the second ten (HTML, DOCX, TXT) six more; this keeps them read."""
from pathlib import Path

import pytest

from extractors.extract import extract_path
from pipeline.checks.evaluate import evaluate, format_scores

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("folder", ["blind", "blind2"])
def test_blind_documents_are_read_exactly(folder):
    scores, n = evaluate(str(DATA / folder), extract_path)
    assert n == 10
    assert all(s.fp == 0 and s.fn == 0 for s in scores.values()), format_scores(scores, n, verbose=True)
