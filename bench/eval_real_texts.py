"""Scores the real texts of ../shared/corpus/real-texts in two parts: the development texts and
the quarter kept aside (tests/data/real-texts-holdout.txt), whose figures are the honest ones.

    .venv/bin/python bench/eval_real_texts.py [--corpus DIR] [-v]

The texts are not copied: each part is a temporary folder of symbolic links."""
import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.extract import extract_path  # noqa: E402
from pipeline.checks.evaluate import evaluate, format_scores  # noqa: E402

HOLDOUT = ROOT / "tests" / "data" / "real-texts-holdout.txt"


def holdout_names() -> set[str]:
    lines = HOLDOUT.read_text(encoding="utf-8").splitlines()
    return {s.strip() for s in lines if s.strip() and not s.startswith("#")}


def linked_part(corpus: Path, names: list[str], into: Path) -> Path:
    (into / "raw").mkdir(parents=True)
    (into / "truth").mkdir()
    for name in names:
        raw = next((corpus / "raw").glob(name + ".*"))
        (into / "raw" / raw.name).symlink_to(raw.resolve())
        (into / "truth" / f"{name}.json").symlink_to((corpus / "truth" / f"{name}.json").resolve())
    return into


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "real-texts"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss of the development part")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    aside = holdout_names()
    names = sorted(p.stem for p in (corpus / "truth").glob("*.json"))
    parts = {"development": [n for n in names if n not in aside], "kept aside": [n for n in names if n in aside]}
    with tempfile.TemporaryDirectory() as tmp:
        for label, part in parts.items():
            folder = linked_part(corpus, part, Path(tmp) / label.replace(" ", "-"))
            scores, n = evaluate(str(folder / "raw"), extract_path, str(folder / "truth"))
            print(f"## {label}")
            print(format_scores(scores, n, verbose=args.verbose and label == "development"))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
