"""`review` is the one queue: every validation finding that needs a person (errors and warnings)
is in it; the canned queries ask their parameters in the order people read them."""
import re
import sqlite3

from pipeline.datasette.plugins.quyetdinh_sql import prepare_connection
from pipeline.review import review_items
from pipeline.schema_docs import QUERIES
from pipeline.store import open_db


def test_validation_warnings_are_in_the_queue(samples_db_path):
    db = open_db(str(samples_db_path))
    findings = {(r["rule"], r["severity"]) for r in db.query(
        "select rule, severity from validation_issues where severity in ('error', 'warning')")}
    queued = {(i["field"], i["severity"]) for i in review_items(db) if i["kind"].startswith("validation_")}
    assert ("leader_again", "warning") in findings and findings <= queued
    assert {i["kind"] for i in review_items(db, "validation_warning")} == {"validation_warning"}


def test_parameters_in_reading_order():
    first_seen = lambda sql: list(dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql)))
    assert first_seen(QUERIES["year_diff"]["sql"])[:2] == ["year_a", "year_b"]


def test_roster_with_no_year_shows_every_year(samples_db_path):
    conn = sqlite3.connect(f"file:{samples_db_path}?mode=ro", uri=True)
    prepare_connection(conn)
    sql = QUERIES["roster"]["sql"]
    years = {r[0] for r in conn.execute(f"select distinct year from ({sql})", {"year": "", "province": ""})}
    assert {2023, 2024, 2025} <= years
    one = {r[0] for r in conn.execute(f"select distinct year from ({sql})", {"year": "2024", "province": "bac ninh"})}
    assert one == {2024}
    conn.close()
