"""Digital signatures (ký số) of a PDF, with pyHanko: who signed, when, why, where, and whether
each signature still covers the file. No trust roots are available here, so a signature whose
bytes are intact is reported as "signed, not verified" — never as forged."""
from __future__ import annotations

import logging
import warnings


def _import_pyhanko():
    """pyHanko's signing module imports cryptography's DSA key class, and cryptography warns
    "DSA is deprecated" at that import. We only read signatures and never make a DSA one, so
    that one warning is silenced here, where pyHanko is imported (it was printed on every
    `run` and `extract`); any other warning still shows."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"DSA is deprecated")
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext
    return PdfFileReader, validate_pdf_signature, SignatureCoverageLevel, ValidationContext


def read_signatures(path: str) -> list[dict]:
    try:
        PdfFileReader, validate_pdf_signature, SignatureCoverageLevel, ValidationContext = _import_pyhanko()
    except ImportError:
        return []
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # missing trust roots are expected here
    out = []
    with open(path, "rb") as f:
        try:
            reader = PdfFileReader(f, strict=False)
            embedded = list(reader.embedded_signatures)
        except Exception:
            return []
        for s in embedded:
            # Plain str: pyHanko's string objects keep a reference to the open file (a record
            # must pickle and serialise).
            row = {"field": str(s.field_name) if s.field_name is not None else None, "signer": None,
                   "organization": None, "signing_time": None,
                   "reason": None, "location": None, "intact": None, "covers_whole_file": None,
                   "trusted": False, "status": "unreadable signature"}
            try:
                subject = s.signer_cert.subject.native
                row["signer"] = subject.get("common_name")
                row["organization"] = subject.get("organization_name")
                ts = s.self_reported_timestamp
                row["signing_time"] = ts.isoformat() if ts else None
                row["reason"] = str(s.sig_object.get("/Reason") or "") or None
                row["location"] = str(s.sig_object.get("/Location") or "") or None
                status = validate_pdf_signature(s, ValidationContext(trust_roots=[], allow_fetching=False))
                row["intact"] = bool(status.intact)
                row["covers_whole_file"] = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                row["trusted"] = bool(status.trusted)
                row["status"] = ("signed, verified" if status.trusted else "signed, not verified") if status.intact \
                    else "signature does not match the signed bytes"
            except Exception as e:  # one odd signature must not stop the file
                row["status"] = f"unreadable signature ({type(e).__name__})"
            out.append(row)
    return out


def changed_after_signing(signatures: list[dict]) -> bool:
    """True when the last signature does not cover the whole file (bytes were added after it)."""
    return bool(signatures) and signatures[-1]["covers_whole_file"] is False
