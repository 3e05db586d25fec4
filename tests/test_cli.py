import json
import subprocess
import sys
from pathlib import Path

from pipeline.cli import main

CONTRACT_KEYS = ["schema", "source", "status", "error", "doc_type", "number", "symbol", "issued_date", "place",
                 "issuer", "subject", "signer", "year", "groups", "persons", "dates", "references", "warnings"]
SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"


def test_extract_json_follows_the_contract(samples_dir, capsys):
    assert main(["extract", "--format", "json", str(samples_dir)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    files = sorted(p for p in samples_dir.rglob("*") if p.suffix in {".pdf", ".docx", ".txt", ".html"})
    assert len(lines) == len(files)
    for line, path in zip(lines, files):
        rec = json.loads(line)
        assert list(rec)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
        assert rec["source"]["path"] == str(path) and len(rec["source"]["sha256"]) == 64
        for g in rec["groups"]:
            assert {"kind", "name", "ordinal", "members", "leader", "deputies", "stated_member_count"} <= set(g)
            assert all(m["role"] in ("member", "leader", "deputy") for m in g["members"])


def test_console_script_extracts_the_seed_news_item():
    seed = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not seed:
        return  # the shared corpus is not on this machine
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "--format", "json", str(seed[0])],
                         capture_output=True, text=True, check=True).stdout
    rec = json.loads(out)
    g = rec["groups"][0]
    assert len(g["members"]) == 12 and g["leader"] == "Quỹ Đầu tư phát triển tỉnh Bắc Ninh"


def test_eval_on_samples_meets_the_bar(samples_dir, capsys):
    assert main(["eval", str(samples_dir), "--format", "json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["documents"] >= 8
    for field in ("number", "issued_date", "issuer", "members"):
        assert scores["fields"][field]["f1"] >= 0.95, field


def test_usage_errors_are_one_line(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nope.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("quyetdinh: lỗi:") and "\n" not in err
    assert main(["validate", "--db", str(tmp_path / "none.db")]) == 2


def test_help_on_every_command_in_vietnamese():
    import os
    commands = ("run", "review", "correct", "schedule", "extract", "validate", "serve", "eval", "report", "diff", "units")
    for cmd in commands:
        out = subprocess.run([sys.executable, "-m", "pipeline.cli", cmd, "--help"], capture_output=True, text=True)
        assert out.returncode == 0 and "cách dùng: quyetdinh" in out.stdout and "tùy chọn:" in out.stdout, cmd
        assert "show this help" not in out.stdout
    env = {**os.environ, "QUYETDINH_LANG": "en"}
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--help"], capture_output=True, text=True, env=env)
    assert "usage: quyetdinh" in out.stdout
