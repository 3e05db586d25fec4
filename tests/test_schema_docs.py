from pathlib import Path

import yaml

from pipeline.web import schema_docs
from pipeline.store.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent


def test_generated_files_are_up_to_date(tmp_path):
    (tmp_path / "pipeline" / "web" / "datasette").mkdir(parents=True)
    schema_docs.write(tmp_path)
    for rel in ("pipeline/web/datasette/metadata.yml", "docs/schema.md"):
        assert (tmp_path / rel).read_text(encoding="utf-8") == (ROOT / rel).read_text(encoding="utf-8"), \
            f"{rel} is stale: run python -m pipeline.web.schema_docs"


def test_every_table_and_column_is_described():
    meta = yaml.safe_load((ROOT / "pipeline/web/datasette/metadata.yml").read_text(encoding="utf-8"))
    tables = meta["databases"]["quyetdinh"]["tables"]
    for name, spec in TABLES.items():
        assert tables[name]["description_html"].split("<br>")[0]  # Vietnamese first, then English
        assert set(tables[name]["columns"]) == set(spec["columns"])
        assert all(tables[name]["columns"][c] != c for c in spec["columns"]), name
    assert {"roster", "unit_history", "leader_rotation", "year_diff", "validation_issues", "needs_review"} <= \
        set(meta["databases"]["quyetdinh"]["queries"])
