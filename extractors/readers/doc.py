"""Legacy Word .doc files, converted to DOCX by LibreOffice (headless) when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.document import Document
from extractors.readers import ReaderError

TIMEOUT_SECONDS = 120


def read_doc(path: str, doc: Document) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ReaderError("unsupported", "legacy .doc needs LibreOffice (apt-get install libreoffice-writer-nogui)")
    from extractors.readers.docx import read_docx
    with tempfile.TemporaryDirectory(prefix="quyetdinh-doc-") as tmp:
        # A private profile: concurrent conversions must not share LibreOffice's user folder.
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
               "--outdir", f"{tmp}/out", path]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ReaderError("unreadable", f"LibreOffice took more than {TIMEOUT_SECONDS} s to convert the .doc file")
        converted = Path(tmp) / "out" / (Path(path).stem + ".docx")
        if not converted.is_file():
            raise ReaderError("unreadable", "LibreOffice could not convert the .doc file")
        read_docx(str(converted), doc)
