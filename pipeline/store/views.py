"""The views the schema creates (SQL as data): the current roster, leaders, an overview, the review queue.

The review queue gathers what a person should check; pipeline/checks/review.py reads it.
"""
from __future__ import annotations

from pipeline.units.messages import EVIDENCE_WORDS

LOW_CONFIDENCE = 80  # OCR line confidence below which a member is shown to a person
LOW_PAGE_CONFIDENCE = 85
# Formal documents (not news items, not "khac") must carry these (Nghị định 30/2020, Điều 8).
REQUIRED = {"number": "số, ký hiệu", "issued_date": "ngày ban hành", "signer": "người ký"}
_WARNING_WORD = {"number": "ký hiệu", "issued_date": "ngày ban hành", "signer": "chữ ký"}
_REQUIRED_SQL = "\nunion all\n".join(f"""select 'missing_required', 'error', d.id, doc.path, d.year, d.province,
       json_extract(d.field_provenance, '$.{f}.page'), json_extract(d.field_provenance, '$.{f}.line'), '{f}', null,
       json_extract(d.field_provenance, '$.{f}.text'), json_extract(d.field_provenance, '$.{f}.bbox'),
       'văn bản ' || d.doc_type || ' phải có {why} nhưng chưa đọc được' || coalesce(': ' || (select value from json_each(d.warnings)
         where value like '%{_WARNING_WORD[f]}%' limit 1), '')
from decisions d join documents doc on doc.id = d.document_id
where d.doc_type not in ('tin_bai', 'khac') and d.{'signer_name' if f == 'signer' else f} is null""" for f, why in REQUIRED.items())
# A hand-written number or day that OCR read is accepted on strong evidence only, but a person
# should still confirm it (the record says which evidence: `number_source`, `issued_date_source`).
def _evidence(expr: str) -> str:
    """The stored evidence code, as the Vietnamese words of pipeline.units.messages.EVIDENCE_WORDS."""
    whens = " ".join(f"when '{code}' then '{vi}'" for code, (vi, _) in EVIDENCE_WORDS.items())
    return f"case {expr} {whens} else {expr} end"


_HANDWRITTEN_SQL = "\nunion all\n".join(f"""select 'low_confidence', 'warning', d.id, doc.path, d.year, d.province,
       json_extract(d.field_provenance, '$.{f}.page'), json_extract(d.field_provenance, '$.{f}.line'), '{f}', d.{f},
       json_extract(d.field_provenance, '$.{f}.text'), json_extract(d.field_provenance, '$.{f}.bbox'),
       'OCR đọc được nhờ nhiều bằng chứng cùng khớp (' || {_evidence(f"json_extract(d.record, '$.{f}_source')")} || '): hãy xác nhận'
from decisions d join documents doc on doc.id = d.document_id
where json_extract(d.record, '$.{f}_source') is not null and d.{f} is not null
  and json_extract(coalesce(d.human_fields, '{{}}'), '$.{f}') is null""" for f in ("number", "issued_date"))
REVIEW_SQL = f"""select 'file_not_read' as kind, 'error' as severity, doc.id as document_id, doc.path, null as year,
       null as province, null as page, null as line, 'status' as field, doc.status as value, null as text, null as bbox,
       'không đọc được tệp: ' || coalesce(doc.error, doc.status) as why
from documents doc where doc.status not in ('ok', 'partial')
union all
{_REQUIRED_SQL}
union all
select 'missing_required', 'error', d.id, doc.path, d.year, d.province, null, null, 'groups', null, d.subject, null,
       'trích yếu nói văn bản tổ chức cụm, khối thi đua nhưng chưa đọc được danh sách: xem phụ lục (bảng scan?)'
from decisions d join documents doc on doc.id = d.document_id
where d.expects_roster = 1
  and not exists (select 1 from groups g where g.decision_id = d.id)
union all
select 'low_confidence', 'warning', doc.id, doc.path, d.year, d.province, cast(p.key as integer), null, 'page',
       round(p.value, 1), null, null, 'độ tin cậy OCR của trang ' || p.key || ' là ' || cast(round(p.value) as integer) || ' (dưới {LOW_PAGE_CONFIDENCE})'
from documents doc join json_each(doc.ocr_pages) p left join decisions d on d.id = doc.id
where doc.ocr_pages is not null and p.value < {LOW_PAGE_CONFIDENCE}
union all
{_HANDWRITTEN_SQL}
union all
select 'low_confidence', 'warning', m.decision_id, doc.path, m.year, d.province, m.page, m.line, 'member', m.unit_name,
       m.unit_name, m.bbox, 'độ tin cậy OCR ' || cast(round(m.confidence) as integer) || ' ở dòng của đơn vị này (dưới {LOW_CONFIDENCE})'
from memberships m join decisions d on d.id = m.decision_id join documents doc on doc.id = d.document_id
where m.confidence < {LOW_CONFIDENCE} and m.correction is null
union all
select 'unknown_unit', 'warning', m.decision_id, doc.path, m.year, d.province, m.page, m.line, 'unit_id', m.unit_name,
       m.unit_name, m.bbox, 'chưa có trong sổ đơn vị: sửa unit_id hoặc thêm bằng quyetdinh units add'
from memberships m join decisions d on d.id = m.decision_id join documents doc on doc.id = d.document_id
where m.unit_id is null
union all
select 'unsure_unit', 'warning', m.decision_id, doc.path, m.year, d.province, m.page, m.line, 'unit_id', m.unit_id,
       m.unit_name, m.bbox, 'chỉ khớp gần đúng với sổ đơn vị (điểm ' || cast(round(m.resolution_score) as integer) || ')'
from memberships m join decisions d on d.id = m.decision_id join documents doc on doc.id = d.document_id
where m.resolution_method = 'fuzzy' and m.correction is null
union all
select 'validation_' || v.severity, v.severity, v.decision_id, v.source_path, v.year, d.province, v.page, v.line, v.rule,
       v.unit, null, null, v.message
from validation_issues v left join decisions d on d.id = v.decision_id where v.severity in ('error', 'warning')
union all
select 'orphaned_correction', 'error', c.document_id, c.path, null, null, null, null, c.field, c.new_value, null, null,
       'bản sửa ' || c.id || ' không áp dụng được: ' || c.message
from corrections c where c.status = 'orphaned'"""
VIEWS = {
    "roster": ("Danh sách hiện hành", "Roster per year and province after amendments: group, unit, role, decision, source",
               """select r.year, r.province, r.kind, r.group_name, r.unit_name, r.unit_id,
       case r.role when 'leader' then case r.kind when 'cụm' then 'Cụm trưởng' else 'Trưởng khối' end
                   when 'deputy' then case r.kind when 'cụm' then 'Cụm phó' else 'Phó khối' end
                   else 'Thành viên' end as vai_tro, r.role,
       r.source_number as decision_number, d.issued_date as decision_date, r.source_path, r.page, r.line
from roster_state r left join decisions d on d.id = r.decision_id
where r.valid_to is null"""),
    "leaders_by_year": ("Trưởng, phó theo năm", "Leaders and deputies of each group per year",
                        """select year, province, kind, group_name,
       max(case when role = 'leader' then unit_name end) as leader,
       group_concat(case when role = 'deputy' then unit_name end, '; ') as deputies,
       max(source_number) as decision_number
from roster_state where valid_to is null group by year, province, kind, group_name"""),
    "documents_overview": ("Tổng quan tệp", "Every file with status, type, number, date, groups, members and warnings",
                           """select doc.path, doc.format, doc.pages, doc.status, doc.error, doc.ocr, doc.ocr_confidence,
       d.doc_type, d.number, d.issued_date, d.issuer, d.province, d.year,
       (select count(*) from groups g where g.decision_id = d.id) as groups,
       (select count(*) from memberships m where m.decision_id = d.id) as members,
       json_array_length(d.warnings) as warnings, doc.id as document_id
from documents doc left join decisions d on d.document_id = doc.id"""),
    "review_queue": ("Hàng đợi xem lại", "What a person should check: unread files, required fields left empty, "
                     "low OCR confidence, unknown units, validation errors, corrections that no longer apply",
                     REVIEW_SQL),
}
