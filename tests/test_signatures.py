"""Signed PDFs: a signature made here with a throw-away certificate, then the file changed."""
import datetime
import io

import pytest

from extractors.readers import read
from extractors.readers.signatures import changed_after_signing, read_signatures

pyhanko = pytest.importorskip("pyhanko")


def sign(pdf: bytes, reason: str = "Phát hành văn bản", location: str = "Bắc Ninh") -> bytes:
    from asn1crypto import keys as a_keys
    from asn1crypto import x509 as a_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ủy ban nhân dân tỉnh Thử Nghiệm"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tỉnh Thử Nghiệm")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
    a_cert = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    a_key = a_keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=a_cert, signing_key=a_key,
                                  cert_registry=SimpleCertificateStore.from_certs([a_cert]))
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                           signers.PdfSignatureMetadata(field_name="Signature1", reason=reason, location=location),
                           signer=signer)
    return out.getvalue()


@pytest.fixture(scope="module")
def signed(samples_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("sig") / "signed.pdf"
    path.write_bytes(sign((samples_dir / "2024" / "qd-45-2024-bacninh-quyche.pdf").read_bytes()))
    return path


def test_signature_is_recorded_signed_not_verified(signed):
    sigs = read_signatures(str(signed))
    assert len(sigs) == 1
    s = sigs[0]
    assert s["signer"] == "Ủy ban nhân dân tỉnh Thử Nghiệm" and s["reason"] == "Phát hành văn bản"
    assert s["location"] == "Bắc Ninh" and s["signing_time"]
    assert s["intact"] and s["covers_whole_file"] and not s["trusted"] and s["status"] == "signed, not verified"
    assert not changed_after_signing(sigs)
    doc = read(signed)
    assert doc.status == "ok" and doc.signing_times and doc.signatures[0]["signer"] == s["signer"]


def test_a_file_changed_after_signing_is_flagged(signed, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    w = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    info = w.root
    info["/Lang"] = generic.pdf_string("vi")  # an edit after the signature, as an incremental update
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.getvalue())
    sigs = read_signatures(str(changed))
    assert sigs[0]["intact"] and not sigs[0]["covers_whole_file"] and changed_after_signing(sigs)
    from extractors.extract import safe_extract
    rec, _ = safe_extract(str(changed))
    assert any("changed after its last digital signature" in w for w in rec["warnings"])
    assert rec["signatures"][0]["status"] == "signed, not verified"


def test_signatures_are_stored(signed, tmp_path):
    from extractors.extract import safe_extract
    from pipeline.store.db import open_db
    from pipeline.store.load import load_record
    db = open_db(str(tmp_path / "s.db"))
    load_record(db, *safe_extract(str(signed)))
    row = next(db.query("select signer, intact, covers_whole_file, trusted, status from signatures"))
    assert row == {"signer": "Ủy ban nhân dân tỉnh Thử Nghiệm", "intact": 1, "covers_whole_file": 1, "trusted": 0,
                   "status": "signed, not verified"}


def test_reading_signatures_prints_no_dsa_deprecation_warning(tmp_path):
    """cryptography warns "DSA is deprecated" when pyHanko's signing module is imported; it was
    printed on every `run` and `extract`. A fresh interpreter with every warning shown."""
    import subprocess
    import sys
    code = ("import warnings; warnings.simplefilter('default'); "
            "from extractors.readers.signatures import read_signatures; "
            f"print(read_signatures({str(tmp_path / 'none.pdf')!r}))")
    (tmp_path / "none.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]"
    assert "DSA" not in out.stderr and "Warning" not in out.stderr
