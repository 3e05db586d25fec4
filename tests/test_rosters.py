"""extractors/rosters: unit mentions, member lists, roles by relation, and the constructions
table (docs/roster-constructions.md), each kind read exactly from its fixture in
tests/data/layouts/ (text + truth written for the construction, not taken from a real text)."""
import re
import time
from pathlib import Path

import pytest

from extractors.document import Line
from extractors.extract import extract_path
from extractors.rosters.build import Group
from extractors.rosters.lists import find_lists
from extractors.rosters.mentions import cut_list, split_members
from extractors.rosters.roles import PAIRED, RELATIONS, find_roles
from pipeline.checks.evaluate import evaluate, format_scores

LAYOUTS = Path(__file__).parent / "data" / "layouts"
TABLE = Path(__file__).parent.parent / "docs" / "roster-constructions.md"


def names(text, implied=None):
    return [(it.name, it.implied) if it.implied else it.name for it in split_members(cut_list(text), implied)]


def test_names_with_commas_and_va_stay_whole():
    assert names("Sở Văn hóa, Thể thao và Du lịch, Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy, "
                 "Sở Khoa học và Công nghệ") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy", "Sở Khoa học và Công nghệ"]


def test_a_list_ends_at_the_verb_after_it():
    assert names("Sở Y tế, Bảo hiểm xã hội tỉnh, Sở Giáo dục và Đào tạo ký kết giao ước thi đua") == [
        "Sở Y tế", "Bảo hiểm xã hội tỉnh", "Sở Giáo dục và Đào tạo"]


def test_shared_heads_expand_and_keep_the_written_text():
    assert names("Huyện ủy Ea H'leo, Krông Pắc và Thị ủy Buôn Hồ") == [
        "Huyện ủy Ea H'leo", ("Krông Pắc", "Huyện ủy"), "Thị ủy Buôn Hồ"]
    assert names("Nội vụ, Tư pháp và Tài chính", implied="Sở") == [
        ("Nội vụ", "Sở"), ("Tư pháp", "Sở"), ("Tài chính", "Sở")]


def test_lower_case_heads_inside_a_list():
    assert names("Sở Y tế, sở TT&TT, ban Dân tộc, trường CĐ Cần Thơ") == [
        "Sở Y tế", "sở TT&TT", "ban Dân tộc", "trường CĐ Cần Thơ"]


def test_role_parentheses_give_the_role_not_the_name():
    items = split_members("Hội Luật gia tỉnh (làm trưởng khối), Hội Cựu giáo chức tỉnh (đơn vị Phó Khối), "
                          "Huyện ủy A (đơn vị đăng cai)")
    assert [(it.name, it.role) for it in items] == [("Hội Luật gia tỉnh", "leader"),
                                                    ("Hội Cựu giáo chức tỉnh", "deputy"), ("Huyện ủy A", None)]


def test_a_stated_count_joins_an_inner_va():
    [r] = find_lists("Khối thi đua số 3 gồm 4 đơn vị: Sở Y tế, Đài Phát thanh - Truyền hình và Báo Sông Hương, "
                     "Sở Du lịch và Trường Cao đẳng Y tế.")
    assert r.count == 4 and [it.name for it in r.items] == [
        "Sở Y tế", "Đài Phát thanh - Truyền hình và Báo Sông Hương", "Sở Du lịch", "Trường Cao đẳng Y tế"]


def test_award_lists_are_not_rosters():
    assert find_lists("Hội nghị đề nghị tặng Bằng khen cho các đơn vị: Sở Tư pháp, Cục Hải quan tỉnh.") == []


@pytest.mark.parametrize("rel", RELATIONS, ids=lambda r: r.name)
def test_every_relation_reads_its_own_example(rel):
    claims = find_roles(rel.example)
    assert claims and any(c.relation == rel.name for c in claims), claims


@pytest.mark.parametrize("name", sorted(PAIRED))
def test_every_paired_relation_reads_two_units(name):
    claims = [c for c in find_roles(PAIRED[name]) if c.relation in (name, "copula", "elected")]
    assert len(claims) >= 2 and any(c.relation == name for c in claims), claims


def test_role_words_are_never_units():
    for c in find_roles("Trưởng khối: Sở Nội vụ; Phó Trưởng khối, Khối phó và đơn vị Trưởng khối đã họp."):
        assert not re.search(r"(?i)trưởng|phó|khối", c.unit.split()[0])


def test_building_a_roster_is_linear():
    line = Line("x", None, 1)
    g = Group("khối", "Khối thi đua số 1")
    start = time.perf_counter()
    for i in range(50_000):
        g.add_member(f"Trường Tiểu học số {i}", line)
    g.add_member("Trường Tiểu học số 7", line)  # a repeat is counted once
    assert len(g.members) == 50_000
    assert time.perf_counter() - start < 30


def test_every_layout_fixture_is_read_exactly():
    scores, n = evaluate(str(LAYOUTS), extract_path)
    assert n == len(list(LAYOUTS.glob("*.truth.json"))) >= 25
    assert all(s.fp == 0 and s.fn == 0 for s in scores.values()), format_scores(scores, n, verbose=True)


def test_the_constructions_table_names_one_fixture_per_kind():
    kinds = re.findall(r"^\|\s*`([a-z0-9-]+)`\s*\|", TABLE.read_text(encoding="utf-8"), re.MULTILINE)
    fixtures = {p.name.removesuffix(".truth.json") for p in LAYOUTS.glob("*.truth.json")}
    assert kinds and set(kinds) == fixtures
    for k in kinds:
        assert (LAYOUTS / f"{k}.txt").is_file() or list(LAYOUTS.glob(f"{k}.*"))


def test_a_role_outside_a_complete_list_is_left_out_and_said(tmp_path):
    p = tmp_path / "tin.txt"
    p.write_text("Khối thi đua Nội chính tổng kết năm 2024\n"
                 "Khối thi đua Nội chính gồm 3 đơn vị: Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh đã tổ chức hội nghị. "
                 "Dự hội nghị có Cục Hải quan tỉnh, Trưởng khối thi đua các cơ quan Trung ương.\n", encoding="utf-8")
    r = extract_path(str(p))
    [g] = r["groups"]
    assert [m["name"] for m in g["members"]] == ["Công an tỉnh", "Sở Tư pháp", "Thanh tra tỉnh"]
    assert g["leader"] is None
    assert any("Cục Hải quan tỉnh" in w and "bỏ qua" in w for w in r["warnings"])


def test_persons_are_not_units_but_places_are():
    assert not any(it.plausible for it in split_members("Nguyễn Văn Hùng, Trần Thị Mai, Lê Văn Nam"))
    assert all(it.plausible for it in split_members("Đức Trọng, Di Linh, Trần Văn Thời và Bảo Lộc"))


def test_sports_are_not_units():
    assert find_lists("Các đơn vị thi đấu các bộ môn gồm: Quần vợt, Cầu lông, Bóng bàn, Kéo co.") == []


def test_a_role_word_is_never_a_leader_or_deputy():
    g = Group("khối", "Khối thi đua số 1")
    for word in ("Phó trưởng khối", "Đơn vị Trưởng", "Khối phó", "Cụm trưởng", "Phó khối 2"):
        g.set_role("deputy", word)
        g.set_role("leader", word)
    g.set_role("leader", "Sở Nội vụ")
    assert g.leader == "Sở Nội vụ" and g.deputies == []


def test_brands_and_offices_are_heads_and_an_unknown_comma_part_stays_in_its_name():
    assert names("Sở Y tế, Trung tâm Khuyến công, Tư vấn Phát triển Công nghiệp, Viettel Bình Phước, "
                 "VNPT Bình Phước") == ["Sở Y tế", "Trung tâm Khuyến công, Tư vấn Phát triển Công nghiệp",
                                        "Viettel Bình Phước", "VNPT Bình Phước"]


def test_a_long_roster_is_read_in_linear_time():
    from tests.helpers import text_doc
    from extractors.rosters import find_rosters
    n = 20_000
    doc = text_doc(f"KHỐI THI ĐUA SỐ 1 (gồm {n} đơn vị)\n" + "\n".join(f"- Trường Tiểu học số {i + 1};" for i in range(n)))
    start = time.perf_counter()
    groups, _ = find_rosters(doc)
    assert len(groups[0]["members"]) == n
    assert time.perf_counter() - start < 30
