"""Which files a run reads, and which of them it must extract — without starting the flow
engine, so that a folder with nothing new finishes at once (and an empty one says so)."""
from __future__ import annotations

from pathlib import Path

from extractors.document import sha256_of
from extractors.readers import SUPPORTED, admission
from pipeline.units.normalize import printable_path


def discover_with_roots(paths: list[str]) -> list[tuple[str, str | None]]:
    """(file, the folder it was found in) — a link found in a folder must stay inside it."""
    out: list[tuple[str, str | None]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            # Every entry that is not a folder: a FIFO or a link to one is kept, to be refused
            # (and recorded) by the reader without being opened; hidden files are recorded too.
            out.extend((str(f), str(path)) for f in sorted(path.rglob("*"))
                       if f.suffix.lower() in SUPPORTED and not f.is_dir())
        else:
            out.append((str(path), None))
    return out


def discover_files(paths: list[str]) -> list[str]:
    """Files to read: given files as they are, directories expanded recursively, sorted."""
    return [f for f, _ in discover_with_roots(paths)]


def is_unchanged(path: str, root: str | None, loaded: set[str], refused: tuple[str, str] | None = None) -> bool:
    """A file already loaded with this extractor (its SHA-256 among `loaded`) is not read again:
    a re-run costs a hash per file. A link found in a folder is always checked again (where it
    points may have changed), and so is a file that must not be opened (`refused`: its
    admission verdict, when the caller already has it)."""
    try:
        why = refused if refused is not None else admission(path, root)
        return not why and not (root and Path(path).is_symlink()) and sha256_of(path) in loaded
    except OSError:
        return False


def pending(files: list[tuple[str, str | None]], loaded: set[str], refused: dict[str, str]) -> list[tuple[str, str | None]]:
    """The files a run must still extract. A file refused without being opened (hidden, not a
    regular file) whose refusal is already recorded (`refused`: path → status) is not pending."""
    out = []
    for path, root in files:
        why = admission(path, root)
        if why and refused.get(printable_path(path)) == why[0]:
            continue
        if why or not is_unchanged(path, root, loaded, refused=why or ()):
            out.append((path, root))
    return out


def supported_kinds() -> str:
    """'.doc, .docx, .htm, .html, .pdf, .txt' — what a run reads, for a person told it found nothing."""
    return ", ".join(sorted(SUPPORTED))
