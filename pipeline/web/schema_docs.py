"""What every table, column and view means (Vietnamese first, English after).

`metadata.yml` for Datasette and `docs/schema.md` are generated from this module and the
schema in `pipeline.store.schema`: `python -m pipeline.web.schema_docs` rewrites both.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from markupsafe import escape

from pipeline.store.schema import SCHEMA_VERSION, TABLES
from pipeline.store.views import VIEWS

TABLE_DOCS = {
    "documents": ("Tệp đã đọc", "Files read: SHA-256 id, format, status, error, full text (FTS), OCR confidence"),
    "decisions": ("Văn bản", "One extracted record per readable file: type, number, date, issuer, subject, signer, roster year"),
    "groups": ("Cụm, khối thi đua", "Groups as each document lists them, with leader, deputies and stated count"),
    "memberships": ("Thành viên", "Member units of each group as written, with unit id, role and provenance"),
    "units": ("Sổ đơn vị", "Unit registry: canonical units, kind, province, validity"),
    "unit_aliases": ("Tên gọi khác", "Every spelling known for a unit (normalised key)"),
    "unit_succession": ("Kế thừa", "Mergers, renamings and abolitions with effective date and source"),
    "persons": ("Người", "Persons named in documents, with posts"),
    "dates": ("Ngày", "Every date found, with its role"),
    "references": ("Văn bản được dẫn", "Documents cited (căn cứ, quoted decisions)"),
    "amendments": ("Sửa đổi, bổ sung", "Roster changes made by amending decisions, in order"),
    "roster_state": ("Danh sách theo thời gian", "Roster of every group over time: decisions with their amendments applied"),
    "signatures": ("Chữ ký số", "Digital signatures of each PDF: signer (certificate), time, reason, location, coverage"),
    "validation_issues": ("Kết quả kiểm tra", "Roster validation issues with rule, severity and evidence"),
    "corrections": ("Sửa tay", "Human corrections from corrections.yaml and whether each was applied or is orphaned"),
}
# What each table holds, in Vietnamese (the page shows it first, the English of TABLE_DOCS under it).
TABLE_DOCS_VI = {
    "documents": "Mỗi tệp đã đọc: mã SHA-256, định dạng, trạng thái, lỗi, toàn văn (tìm kiếm được), độ tin cậy OCR",
    "decisions": "Một bản ghi cho mỗi tệp đọc được: loại, số ký hiệu, ngày, cơ quan ban hành, trích yếu, người ký, năm của danh sách",
    "groups": "Các cụm, khối như từng văn bản liệt kê, với đơn vị trưởng, phó và số đơn vị văn bản ghi",
    "memberships": "Đơn vị thành viên của từng cụm, khối như văn bản viết, với mã đơn vị, vai trò và nguồn",
    "units": "Sổ đơn vị: tên chuẩn, loại, tỉnh, thời gian hiệu lực",
    "unit_aliases": "Mọi cách viết đã biết của một đơn vị (kèm khóa chuẩn hóa)",
    "unit_succession": "Sáp nhập, đổi tên, giải thể: ngày hiệu lực và văn bản căn cứ",
    "persons": "Người được nêu tên trong văn bản, kèm chức vụ",
    "dates": "Mọi ngày tìm thấy trong văn bản, kèm vai trò của ngày đó",
    "references": "Văn bản được dẫn (căn cứ, quyết định được nhắc tới)",
    "amendments": "Thay đổi danh sách do văn bản sửa đổi, bổ sung, theo thứ tự",
    "roster_state": "Danh sách của mọi cụm, khối theo thời gian: quyết định cùng các văn bản sửa đổi đã áp dụng",
    "signatures": "Chữ ký số của từng tệp PDF: người ký (chứng thư), thời gian, lý do, nơi ký, phạm vi",
    "validation_issues": "Kết quả kiểm tra danh sách: quy tắc, mức độ, nội dung và nơi tìm thấy",
    "corrections": "Sửa tay từ tệp corrections.yaml và việc mỗi bản sửa đã áp dụng được hay không",
    "roster": "Danh sách theo năm và tỉnh sau sửa đổi: cụm, khối, đơn vị, vai trò, văn bản, nguồn",
    "leaders_by_year": "Đơn vị trưởng và phó của mỗi cụm, khối theo từng năm",
    "documents_overview": "Mọi tệp với trạng thái, loại, số, ngày, số cụm, khối, số đơn vị và cảnh báo",
    "review_queue": "Những gì cần người xem lại: tệp không đọc được, trường bắt buộc còn trống, OCR kém tin cậy, "
                    "đơn vị chưa có trong sổ, lỗi kiểm tra, bản sửa không còn áp dụng được",
}
COLUMN_DOCS = {
    "id": "Khóa / primary key", "path": "Đường dẫn tệp / file path as given", "format": "Định dạng / pdf, docx, doc, txt, html",
    "pages": "Số trang / page count", "ocr": "Có OCR / 1 when any page text came from OCR",
    "status": "Trạng thái / ok, partial, needs_ocr, unreadable, encrypted, unsupported, empty, too_large, timeout, not_regular, hidden",
    "error": "Lỗi / one-line reason when not ok", "text": "Toàn văn / full text (NFC)",
    "text_folded": "Toàn văn không dấu / text without diacritics (đ→d) for accent-free search",
    "extractor_version": "Phiên bản trích xuất / extractor release + digest of its code and registry",
    "loaded_at": "Thời điểm nạp / load time (UTC)", "ocr_confidence": "Độ tin cậy OCR thấp nhất / lowest page OCR confidence (0–100)",
    "ocr_pages": "Độ tin cậy từng trang / OCR confidence per page (JSON)", "signing_times": "Thời gian ký số / digital signature times (JSON)",
    "document_id": "Tệp / the file (documents.id)", "doc_type": "Loại văn bản / quyet_dinh, thong_bao, ke_hoach, tin_bai…",
    "number": "Số, ký hiệu / number and symbol, e.g. 138/QĐ-UBND", "symbol": "Ký hiệu / symbol part, e.g. QĐ-UBND",
    "issued_date": "Ngày ban hành / issue date (news: publication date)", "place": "Địa danh / place before the date",
    "issuer": "Cơ quan ban hành / issuer", "subject": "Trích yếu / subject", "signer_name": "Người ký / signer",
    "signer_title": "Chức vụ người ký / signer's title", "signer_authority": "Thẩm quyền ký / TM., KT., TL. line",
    "year": "Năm của danh sách / the year the rosters apply to", "province": "Tỉnh / province",
    "group_leader": "Đơn vị trưởng của cụm, khối năm đó / the group's leader that year",
    "abs_path": "Đường dẫn tuyệt đối của tệp khi nạp (để xem lại trang từ bất kỳ thư mục nào) / where the file was when loaded",
    "vai_tro": "Vai trò trong cụm, khối (Trưởng khối, Phó khối, Cụm trưởng, Cụm phó, Thành viên) / the role as people read it",
    "warnings": "Cảnh báo / extraction warnings (JSON)", "record": "Bản ghi trích xuất / the full extraction record (JSON)",
    "decision_id": "Văn bản / the decision (decisions.id)", "kind": "Loại / cụm or khối (units: kind of unit)",
    "name": "Tên / name", "ordinal": "Số thứ tự / numbering (I, 1…)", "leader": "Trưởng khối/cụm / leader as written",
    "deputies": "Phó khối/cụm / deputies as written (JSON)", "stated_member_count": "Số đơn vị theo văn bản / count the text states",
    "member_count": "Số đơn vị liệt kê / members listed", "page": "Trang / page", "line": "Dòng / line (DOCX: paragraph)",
    "group_id": "Cụm, khối / the group (groups.id)", "position": "Thứ tự / position in the list",
    "unit_name": "Tên đơn vị như văn bản / unit name as written", "unit_id": "Mã đơn vị / registry unit id",
    "role": "Vai trò / member, leader or deputy", "source_path": "Tệp nguồn / source file",
    "resolution_method": "Cách nhận diện / alias, pattern, territory, fuzzy", "resolution_score": "Điểm khớp / match score",
    "name_folded": "Tên không dấu / name without diacritics", "valid_from": "Hiệu lực từ / valid from",
    "valid_to": "Hiệu lực đến / valid to", "aliases": "Tên gọi khác / other names (JSON)", "alias": "Tên gọi / spelling",
    "alias_key": "Khóa chuẩn hóa / normalised key", "from_unit": "Đơn vị cũ / predecessor", "to_unit": "Đơn vị mới / successor",
    "relation": "Quan hệ / merged_into, renamed_to, abolished…", "effective": "Ngày hiệu lực / effective date",
    "source": "Căn cứ / source document", "title": "Chức vụ / post", "date": "Ngày / date (ISO)",
    "year_inferred": "Năm suy ra / year inferred from the document date", "amends_number": "Văn bản được sửa / amended decision",
    "amends_date": "Ngày văn bản được sửa / its date", "op": "Thao tác / move_member, add_member, remove_member, replace_role",
    "unit": "Đơn vị / unit", "from_group": "Từ cụm, khối / from group", "to_group": "Sang cụm, khối / to group",
    "grp": "Cụm, khối / group", "old_unit": "Đơn vị thay thế / unit replaced", "group_name": "Cụm, khối / group",
    "source_number": "Số văn bản / decision that set this row", "step": "Bước / listed, or the amendment operation",
    "rule": "Quy tắc / validation rule", "severity": "Mức độ / error, warning, info", "message": "Nội dung / what is wrong",
    "checked_at": "Thời điểm kiểm tra / check time", "field": "Trường / signature field (signatures), corrected field (corrections)",
    "signer": "Người ký theo chứng thư / signer from the certificate", "organization": "Tổ chức / organisation in the certificate",
    "signing_time": "Thời gian ký / signing time", "reason": "Lý do / reason", "location": "Nơi ký / location",
    "intact": "Toàn vẹn / 1 when the signed bytes are unchanged", "covers_whole_file": "Phủ toàn tệp / 1 when nothing was added after it",
    "trusted": "Tin cậy / 1 when the certificate chain was verified (no trust roots here: 0)",
    "corrections_digest": "Dấu bản sửa / digest of the human corrections applied to this document",
    "human_fields": "Sửa tay / fields set by a human correction (JSON: field → correction id)",
    "field_provenance": "Nguồn trường / page, line, OCR confidence and region of the number, date and signer (JSON)",
    "provenance": "Nguồn / extracted, or human (a correction)", "correction": "Bản sửa / the correction that set this row",
    "confidence": "Độ tin cậy OCR / OCR confidence of the source line (0–100; null for text layers)",
    "bbox": "Vùng ảnh / the source line's box on the page, PDF points [x0, top, x1, bottom] (OCR)",
    "old_value": "Giá trị cũ / value before the correction (JSON)", "new_value": "Giá trị mới / corrected value (JSON)",
    "who": "Người sửa / who corrected", "at": "Lúc / when (UTC)", "note": "Ghi chú / note",
    "corrections_file": "Tệp sửa / the corrections file (YAML)",
    "expects_roster": "Có danh sách / 1 when the subject says the document organises emulation groups (a roster is expected)",
}
QUERIES = {
    "roster": {"title": "Danh sách cụm, khối theo năm / Roster of a province for a year",
               "description_html": "Các cụm, khối, đơn vị thành viên và vai trò (sau các văn bản sửa đổi), kèm văn bản và "
                                   "trang. Danh sách này cũng có dạng trang để đọc, in hoặc gửi đi, kèm biểu đồ: "
                                   "<a href=\"/-/quyetdinh/reports\">báo cáo theo năm</a>.<br><span lang=\"en\">Groups, "
                                   "member units and roles (after amendments), with the decision and page; as a page "
                                   "with charts: yearly reports.</span>",
               "sql": "select * from roster where (:year = '' or year = :year) and (:province = '' or province_key(province) = province_key(:province)) "
                      "order by kind, group_name, role = 'member', unit_name"},
    "unit_history": {"title": "Lịch sử một đơn vị / One unit's history",
                     "description": "Đơn vị thuộc cụm, khối nào, giữ vai trò gì qua các năm, theo cả các lần sáp nhập, đổi tên "
                                    "/ Groups and roles of a unit over the years, following mergers and renamings",
                     "sql": """with recursive ids(uid) as (
  select unit_id from unit_aliases where alias_key like '%' || fold(:unit) || '%' or fold(alias) like '%' || fold(:unit) || '%'
  union select to_unit from unit_succession join ids on from_unit = uid where to_unit is not null
  union select from_unit from unit_succession join ids on to_unit = uid
)
select r.year, r.province, r.group_name, r.unit_name, r.role,
       (select group_concat(l.unit_name, '; ') from roster_state l where l.role = 'leader' and l.valid_to is null
         and l.year = r.year and l.province is r.province and l.group_name = r.group_name) as group_leader,
       r.valid_from, r.valid_to, r.source_number, r.source_path, r.page
from roster_state r where r.unit_id in (select uid from ids)
   or fold(r.unit_name) like '%' || fold(:unit) || '%'
order by r.year, r.valid_from"""},
    "leader_rotation": {"title": "Luân phiên trưởng khối / Leader rotation of a group",
                        "description": "Đơn vị làm trưởng, phó của một cụm, khối qua từng năm / Who led and deputised a group, year by year",
                        "sql": "select * from leaders_by_year where fold(group_name) like '%' || fold(:group) || '%' "
                               "order by group_name, year"},
    "year_diff": {"title": "So sánh hai năm / Differences between two years",
                  "description": "Đơn vị được thêm, không còn trong danh sách hoặc chuyển cụm, khối giữa hai năm, tính cả sáp nhập "
                                 "(đơn vị kế thừa vào ngày 1/1 của năm sau) / Units added, removed or moved between two "
                                 "years, through mergers (successor on 1 January of year B)",
                  "sql": """with years as (select :year_a as year_a, :year_b as year_b),
     a as (select coalesce(successor(unit_id, :year_b || '-01-01'), unit_id, unit_name) as k, unit_name, group_name, province
           from roster where year = :year_a),
     b as (select coalesce(unit_id, unit_name) as k, unit_name, group_name, province from roster where year = :year_b)
select 'removed' as change, a.province, a.unit_name, a.group_name as group_a, null as group_b from a
  where not exists (select 1 from b where b.k = a.k and b.province = a.province)
    and a.province in (select province from b)
union all
select 'added', b.province, b.unit_name, null, b.group_name from b
  where not exists (select 1 from a where a.k = b.k and a.province = b.province)
    and b.province in (select province from a)
union all
select 'moved', b.province, a.unit_name || ' → ' || b.unit_name, a.group_name, b.group_name from a join b
  on a.k = b.k and a.province = b.province where fold(replace(a.group_name, 'thi đua ', '')) != fold(replace(b.group_name, 'thi đua ', ''))
order by change, group_b, group_a"""},
    "validation_issues": {"title": "Kết quả kiểm tra / Validation issues of the last run",
                          "description": "Lỗi trước, rồi cảnh báo và thông tin, kèm tệp, trang, dòng / Errors first, then warnings "
                                         "and notes, with the file, page and line",
                          "sql": "select severity, rule, message, year, unit, source_path, page, line from validation_issues "
                                 "order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, rule"},
    "needs_review": {"title": "Cần xem lại / What needs a human look",
                     "description": "Tệp không đọc được, số, ngày hoặc người ký còn trống, OCR kém tin cậy, đơn vị chưa "
                                    "có trong sổ, lỗi kiểm tra và bản sửa không còn áp dụng được, kèm tệp, trang, dòng và "
                                    "đoạn chữ hoặc vùng trang. Sửa bằng: quyetdinh correct VĂN_BẢN TRƯỜNG GIÁ_TRỊ / "
                                    "Unread files, numbers, dates or signers left empty, low OCR confidence, unknown units, "
                                    "validation errors and corrections that no longer apply, with file, page, line and "
                                    "the text or page region they came from. Fix with: quyetdinh correct DOC FIELD VALUE",
                     "sql": """select severity, kind, path, page, line, field, value, text, bbox, why, year, province,
       document_id
from review_queue
where (:kind = '' or kind = :kind)
order by case severity when 'error' then 0 else 1 end, kind, path, page, line"""},
    "search": {"title": "Tìm kiếm / Search documents and units (with or without diacritics)",
               "description": "Gõ như thường gõ: 'quyet dinh' tìm ra 'quyết định', '138/QĐ-UBND' tìm số văn bản, "
                              "'dinh' tìm 'định', \"thi đua\" trong ngoặc kép là một cụm từ. / Type as usual: "
                              "numbers with '/', quotes for a phrase, parts of words.",
               "sql": """select 'document' as kind, doc.path as name, excerpt(doc.text, :q) as snippet
from documents_fts join documents doc on doc.rowid = documents_fts.rowid
where documents_fts match fts_query(:q)
union all
select 'unit', u.name, u.unit_id from units_fts join units u on u.rowid = units_fts.rowid
where units_fts match fts_query(:q)"""},
}
# The canned queries' parameters as the query page labels them (the name stays in the URL).
QUERY_PARAMS = {"year": "Năm", "province": "Tỉnh", "unit": "Đơn vị", "group": "Cụm, khối", "year_a": "Năm trước",
                "year_b": "Năm sau", "kind": "Loại mục", "q": "Tìm"}
FACETS = {"documents": ["format", "status"], "decisions": ["doc_type", "year", "province"], "groups": ["kind", "year"],
          "memberships": ["role", "year", "resolution_method", "provenance"], "units": ["kind", "province"],
          "validation_issues": ["severity", "rule", "year"], "dates": ["role"], "references": ["doc_type"],
          "roster_state": ["year", "province", "role"], "unit_succession": ["relation"], "amendments": ["op"],
          "corrections": ["field", "status", "who"]}
LABELS = {"documents": "path", "decisions": "number", "groups": "name", "units": "name", "memberships": "unit_name"}
SORT = {"documents": ("sort_desc", "loaded_at"), "decisions": ("sort_desc", "issued_date"),
        "validation_issues": ("sort", "severity"), "roster_state": ("sort", "year")}


def _bilingual(vi: str, name: str, en: str) -> str:
    """Vietnamese first; the table's name and its English meaning for developers on a second line."""
    return f'{escape(vi)}<br><span lang="en" class="en">{escape(name)}: {escape(en)}</span>'


def metadata() -> dict:
    tables = {}
    for name, spec in TABLES.items():
        vi, en = TABLE_DOCS[name]
        t = {"description_html": _bilingual(TABLE_DOCS_VI[name], name, en), "columns": {c: COLUMN_DOCS.get(c, c) for c in spec["columns"]}}
        if name in FACETS:
            t["facets"] = FACETS[name]
        if name in LABELS:
            t["label_column"] = LABELS[name]
        if name in SORT:
            t[SORT[name][0]] = SORT[name][1]
        tables[name] = t
    for name, (vi, en, _) in VIEWS.items():
        facets = ["kind", "severity"] if name == "review_queue" else ["year", "province"] + (["role"] if name == "roster" else [])
        tables[name] = {"description_html": _bilingual(TABLE_DOCS_VI[name], name, en), "facets": facets}
    return {
        "title": "quyetdinh — Cụm, Khối thi đua",
        "description_html": "Danh sách Cụm, Khối thi đua trích từ quyết định của UBND tỉnh, kèm nguồn (tệp, trang, dòng). "
                            "<br>Rosters of emulation clusters and blocs extracted from provincial decisions, with the file, "
                            "page and line of every fact.",
        "source": "Văn bản do quyetdinh đọc / documents read by quyetdinh (decisions, notices, news items)",
        "license": "Dữ liệu theo văn bản công bố của cơ quan ban hành / data as published by the issuing authorities",
        "databases": {"quyetdinh": {"tables": tables, "queries": QUERIES}},
    }


def schema_markdown() -> str:
    out = ["# Database schema", "",
           f"Generated by `python -m pipeline.web.schema_docs` from `pipeline/store/schema.py` (schema version {SCHEMA_VERSION}, "
           "stored as `PRAGMA user_version`). Older databases are upgraded in place by `ensure_schema`: missing "
           "columns and tables are added, no row is dropped.", ""]
    for name, spec in TABLES.items():
        vi, en = TABLE_DOCS[name]
        out += [f"## `{name}` — {vi}", "", en, "", f"Primary key: `{spec['pk']}`."]
        if spec.get("fks"):
            out.append("Foreign keys: " + ", ".join(f"`{c}` → `{t}.{k}`" for c, t, k in spec["fks"]) + ".")
        out += ["", "| column | type | meaning |", "|---|---|---|"]
        for c, typ in spec["columns"].items():
            out.append(f"| `{c}` | {typ.__name__} | {COLUMN_DOCS.get(c, '')} |")
        out.append("")
    out += ["## Views", ""]
    for name, (vi, en, sql) in VIEWS.items():
        out += [f"### `{name}` — {vi}", "", en, "", "```sql", sql, "```", ""]
    out += ["## Full-text search", "", "`documents_fts` (path, text, text_folded) and `units_fts` (name, name_folded, aliases), "
            "FTS5 with `unicode61 remove_diacritics 2`. SQLite does not fold đ → d, so the `*_folded` columns hold the text "
            "without any diacritics; the canned query `search` folds the query the same way (SQL function `fold`).", ""]
    return "\n".join(out)


def write(root: Path | None = None) -> None:
    root = root or Path(__file__).resolve().parents[2]
    (root / "pipeline" / "web" / "datasette" / "metadata.yml").write_text(
        "# Generated by `python -m pipeline.web.schema_docs`; edit pipeline/web/schema_docs.py instead.\n"
        + yaml.safe_dump(metadata(), allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "schema.md").write_text(schema_markdown(), encoding="utf-8")


if __name__ == "__main__":
    write()
