"""A province typed as people type it finds the rosters the database spells once; a diff is made
province by province and says which provinces lack a year instead of calling their units removed."""
import json
import unicodedata

import pytest

from pipeline.cli import main
from pipeline.checks.history import diff_by_province
from pipeline.units.matching import excerpt, fts_query, match_province, name_key, province_key
from pipeline.store.db import open_db
from pipeline.store.load import load_record
from pipeline.checks.validate import refresh
from tests.test_validate import CLEAN, record

NFD = unicodedata.normalize("NFD", "Bắc Ninh")


@pytest.mark.parametrize("typed", ["Bắc Ninh", "Bac Ninh", "bắc ninh", "BẮC NINH", NFD, "tỉnh Bắc Ninh", "Tỉnh  Bắc Ninh"])
def test_a_province_as_typed(typed):
    assert match_province(typed, ["Hà Nam", "Bắc Ninh", "Bắc Giang"]) == "Bắc Ninh"


@pytest.mark.parametrize("typed", ["TP. Hồ Chí Minh", "Tp Hồ Chí Minh", "Thành phố Hồ Chí Minh", "ho chi minh", "T.P Hồ Chí Minh"])
def test_city_short_forms(typed):
    assert province_key(typed) == "ho chi minh"
    assert match_province(typed, ["Hồ Chí Minh"]) == "Hồ Chí Minh"


def test_no_match_is_none_not_a_guess():
    assert match_province("Bắc Kạn", ["Bắc Ninh", "Bắc Giang"]) is None
    assert match_province("", ["Bắc Ninh"]) is None
    assert name_key("Sở Văn hóa, Thể thao và Du lịch") == "so van hoa the thao va du lich"


@pytest.fixture
def db(tmp_path):
    db = open_db(str(tmp_path / "q.db"))
    load_record(db, record(1, 2024, CLEAN))
    load_record(db, record(2, 2025, [("Khối A", ["Sở Nội vụ", "Thanh tra tỉnh"], "Sở Nội vụ", [], None),
                                      ("Khối B", ["Sở Y tế", "Sở Xây dựng", "Sở Tư pháp"], "Sở Tư pháp", [], None)],
                           issued="2025-01-20"))
    load_record(db, record(3, 2024, CLEAN, province="Hà Tĩnh"))
    refresh(db)
    return db


def test_diff_province_by_province(db):
    sections = {s["province"]: s for s in diff_by_province(db, 2024, 2025)}
    assert sections["Hà Tĩnh"]["missing_years"] == [2025] and sections["Hà Tĩnh"]["changes"] == []
    assert [c["change"] for c in sections["Bắc Ninh"]["changes"]] == ["moved", "deputy_to_leader", "leader_again"]
    for typed in ("Bac Ninh", NFD, "tỉnh bắc ninh"):
        (only,) = diff_by_province(db, 2024, 2025, typed)
        assert only["province"] == "Bắc Ninh" and len(only["changes"]) == 3
    (unknown,) = diff_by_province(db, 2024, 2025, "Lào Cai")
    assert unknown["known"] is False and unknown["changes"] == []


def test_diff_command_says_what_it_could_not_compare(db, tmp_path, capsys):
    path = str(tmp_path / "q.db")
    assert main(["diff", "--db", path, "--year", "2024", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Bắc Ninh, 2024 → 2025: 3 thay đổi" in out
    assert "Hà Tĩnh: không so sánh được — chưa có danh sách năm 2025." in out
    assert "không còn trong danh sách" not in out  # Hà Tĩnh's units are not "removed"
    assert main(["diff", "--db", path, "--year", "2024", "--year", "2025", "--province", "Bac Ninh", "--format", "json"]) == 0
    (section,) = json.loads(capsys.readouterr().out)
    assert section["province"] == "Bắc Ninh" and len(section["changes"]) == 3
    assert main(["diff", "--db", path, "--year", "2024", "--year", "2025", "--province", "Lào Cai"]) == 0
    assert "Không có danh sách nào của tỉnh «Lào Cai»" in capsys.readouterr().out


def test_search_box_takes_what_people_type():
    import sqlite3
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table f using fts5(t)")
    conn.execute("insert into f values ('quyet dinh so 138 qd ubnd ve viec to chuc cac khoi thi dua')")
    count = lambda q: conn.execute("select count(*) from f where f match ?", [fts_query(q)]).fetchone()[0]
    assert count("138/QĐ-UBND") == count("quyết") == count('"thi đua" KHỐI') == count("to chu") == 1
    assert count("") == count("   ") == count('"') == count("139/QĐ-UBND") == 0
    assert count('x"y(') == 0  # never an FTS5 syntax error


def test_excerpt_shows_the_text_as_stored():
    text = "Quyết định số 138/QĐ-UBND ngày 15/02/2024 về việc tổ chức các Cụm, Khối thi đua năm 2024"
    assert "[138/QĐ-UBND]" in excerpt(text, "138/qd-ubnd")
    assert "[Khối thi đua]" in excerpt(text, "khoi thi dua")
    assert "[Khối thi đua]" in excerpt(unicodedata.normalize("NFD", text), "khoi thi dua")
    assert excerpt(text, "không có").startswith("Quyết định")
