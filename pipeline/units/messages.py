"""What the tool says to people, in Vietnamese (the people who use it read Vietnamese) and in
English for logs and developers (QUYETDINH_LANG=en). One entry per message: key → (vi, en)."""
from __future__ import annotations

import os

MESSAGES: dict[str, tuple[str, str]] = {
    # Validation rules (pipeline/checks/validate.py), stored in validation_issues.message.
    "group_has_members": ("{group}: không liệt kê đơn vị nào", "{group}: no member listed"),
    "no_duplicate_member": ("{group}: {unit} được liệt kê hai lần", "{group}: {unit} listed twice"),
    "no_leader": ("{group}: văn bản không nêu đơn vị Trưởng khối/cụm", "{group}: no leader (Trưởng khối/cụm) stated"),
    "leader_is_member": ("{group}: đơn vị trưởng {unit} không có trong danh sách thành viên",
                         "{group}: leader {unit} is not among its members"),
    "deputy_is_member": ("{group}: đơn vị phó {unit} không có trong danh sách thành viên",
                         "{group}: deputy {unit} is not among its members"),
    "stated_count_matches": ("{group}: văn bản ghi {stated} đơn vị, danh sách có {listed}",
                             "{group}: document says {stated} units, {listed} listed"),
    "unknown_unit": ("{unit} chưa có trong sổ đơn vị", "{unit} is not in the unit registry"),
    "no_successor": ("không có đơn vị kế thừa", "no successor"),
    "unit_valid_on_date": ("{unit} không còn tồn tại vào ngày {day} (nay: {now})", "{unit} did not exist on {day} (now: {now})"),
    "one_group_per_year": ("{unit} thuộc hai {kind} trong năm {year}: {group_a} và {group_b}",
                           "{unit} is in two {kind} groups in {year}: {group_a} and {group_b}"),
    "same_decision_twice": ("{number} của {issuer} được nạp từ hai tệp: {path_a} và {path_b}",
                            "{number} of {issuer} is loaded from two files: {path_a} and {path_b}"),
    "duplicate_number": ("{number} được {issuer} dùng hai lần trong năm {year}: {path_a} ({day_a}) và {path_b} ({day_b})",
                         "{number} is used twice by {issuer} in {year}: {path_a} ({day_a}) and {path_b} ({day_b})"),
    "number_missing": ("{path}: văn bản ({doc_type}) chưa đọc được số, ký hiệu nên không trích dẫn được; "
                       "hãy đọc trên bản giấy và sửa lại",
                       "{path}: a {doc_type} without a number (số, ký hiệu) cannot be cited; read it from the paper "
                       "and correct it"),
    "decision_after_period": ("{number} ngày {day} quy định danh sách năm {year}, khi năm đó đã qua",
                              "{number} of {day} sets the rosters of {year}, a period already over"),
    "news_counts": ("{group}: bài tin liệt kê {reported} đơn vị, {source} liệt kê {official}",
                    "{group}: the news item lists {reported} units, {source} lists {official}"),
    "news_missing": ("; thiếu {units}", "; missing {units}"),
    "news_extra": ("; thêm {units}", "; extra {units}"),
    "news_leader": ("{group}: bài tin nêu {unit} là đơn vị trưởng, {source} nêu {official}",
                    "{group}: the news item names {unit} as leader, {source} names {official}"),
    "one_leader": ("{group} có {count} đơn vị trưởng trong năm {year}: {units}",
                   "{group} has {count} leaders in {year}: {units}"),
    "added": ("{unit} được bổ sung năm {year_b} ({group_b})", "{unit} added in {year_b} ({group_b})"),
    "removed": ("{unit} không còn trong danh sách năm {year_b} (trước ở {group_a})",
                "{unit} no longer listed in {year_b} (was in {group_a})"),
    "dissolved": ("{unit} không còn tồn tại năm {year_b} (trước ở {group_a})",
                  "{unit} no longer exists in {year_b} (was in {group_a})"),
    "moved": ("{unit} chuyển từ {group_a} ({year_a}) sang {group_b} ({year_b})",
              "{unit} moved from {group_a} ({year_a}) to {group_b} ({year_b})"),
    "succeeded": ("{unit} ({year_a}): {note} ({year_b}, {group_b})", "{unit} ({year_a}) continues as {note} ({year_b}, {group_b})"),
    "leader_again": ("{unit} làm trưởng {group_a} cả năm {year_a} và năm {year_b} (thông lệ là luân phiên)",
                     "{unit} leads {group_a} in {year_a} and {year_b} again (rotation is the practice)"),
    "deputy_to_leader": ("{unit}, đơn vị phó năm {year_a}, làm trưởng {group_b} năm {year_b}",
                         "{unit}, deputy in {year_a}, leads {group_b} in {year_b}"),
    "amendment_not_loaded": ("{number} sửa đổi {amends}, văn bản này chưa được nạp", "{number} amends {amends}, which is not loaded"),
    "amendment_not_in_group": ("{number}: {unit} không có trong {group} của {amends}",
                               "{number}: {unit} is not in {group} of {amends}"),
    "amendment_not_member": ("{number}: {unit} không phải thành viên của {group}", "{number}: {unit} is not a member of {group}"),
    # Validation summary (format_text).
    "validation_none": ("Kiểm tra: không có vấn đề nào.", "Validation: no issues."),
    "validation_counts": ("Kiểm tra: {counts}", "Validation: {counts}"),
    "validation_more": ("… và {rest} mục nữa (quyetdinh validate --format json, hoặc bảng validation_issues)",
                        "… and {rest} more (quyetdinh validate --format json, or table validation_issues)"),
    # A run (pipeline/cli_run.py).
    "run_nothing_to_read": ("Không có tệp nào để đọc trong {paths}: quyetdinh đọc các tệp {kinds} (cả trong thư mục con).",
                            "No file to read in {paths}: quyetdinh reads {kinds} files (in sub-folders too)."),
    "run_nothing_changed": ("Không có gì thay đổi: {count} tệp đều đã có trong {db}, sửa tay (corrections.yaml) không đổi. "
                            "Không đọc lại, không ghi gì.",
                            "Nothing changed: all {count} files are already in {db} and the corrections are unchanged. "
                            "Nothing read, nothing written."),
    "run_progress": ("đã đọc {done}/{total} tệp · {rate:.1f} tệp/giây · còn khoảng {left}",
                     "read {done}/{total} files · {rate:.1f} files/s · about {left} left"),
    "run_progress_count": ("đã đọc {done}/{total} tệp", "read {done}/{total} files"),
    "run_head": ("quyetdinh run → {db}", "quyetdinh run → {db}"),
    "run_files": ("  tệp:          {files} ({statuses}); nạp mới {loaded}", "  files read:  {files} ({statuses}); newly loaded {loaded}"),
    "run_decisions": ("  văn bản:      {count}", "  decisions:   {count}"),
    "run_groups": ("  cụm, khối:    {count}", "  groups:      {count}"),
    "run_members": ("  đơn vị:       {count}", "  members:     {count}"),
    "run_warnings": ("  cảnh báo:     {count}", "  warnings:    {count}"),
    "run_corrections": ("  sửa tay:      {items}", "  corrections: {items}"),
    "run_reports": ("  báo cáo:      {count} trang trong {folder}/ (quyetdinh report để có cả bản PDF)",
                    "  reports:     {count} page(s) in {folder}/ (quyetdinh report for one with its PDF)"),
    "run_not_applied": ("  ! sửa tay {id} ({field} của {path}) không áp dụng được: {message}",
                        "  ! correction {id} ({field} of {path}) not applied: {message}"),
    # Review queue (pipeline/checks/review.py).
    "review_none": ("Không có gì cần xem lại.", "Nothing to review."),
    "review_count": ("{count} mục cần xem lại (sửa bằng: quyetdinh correct VĂN_BẢN TRƯỜNG GIÁ_TRỊ)",
                     "{count} item(s) to review (fix with: quyetdinh correct DOC FIELD VALUE)"),
    "review_at": ("tại {where}  văn bản {doc}", "at {where}  doc {doc}"),
    "review_region": ("vùng", "region"),
    "review_page": ("trang {page}", "page {page}"),
    "review_line": ("dòng {line}", "line {line}"),
    # Corrections (pipeline/corrections/): why an entry or a value is refused, why it no longer applies.
    "corr_entry": ("{path}: mục {id}", "{path}: entry {id}"),
    "corr_needs_field": ("{where} cần một trong các trường {fields}", "{where} needs one of the fields {fields}"),
    "corr_document_sha": ("{where}: document phải là SHA-256 của tệp (64 chữ số hex, trong ngoặc kép)",
                          "{where}: document must be the file's SHA-256 (64 hex digits, in quotes)"),
    "corr_no_value": ("{where} chưa có giá trị mới", "{where} has no new value"),
    "corr_id_twice": ("{where}: mã {id} bị dùng hai lần", "{where}: the id {id} is used twice"),
    "corr_not_date": ("không phải một ngày: {value} (viết 15/02/2024 hoặc 2024-02-15)",
                      "not a date: {value} (use 2024-02-15 or 15/02/2024)"),
    "corr_not_number": ("không phải số, ký hiệu văn bản: {value} (như 47/QĐ-UBND)",
                        "not a document number: {value} (like 47/QĐ-UBND)"),
    "corr_empty": ("giá trị đang trống", "the value is empty"),
    "corr_unknown_field": ("không có trường {field}; chỉ dùng: {fields}", "unknown field {field}; one of: {fields}"),
    "corr_needs_group": ("{field} cần --group (tên, số thứ tự hoặc #vị trí của cụm, khối)",
                         "{field} needs --group (the group's name, ordinal or #position)"),
    "corr_needs_unit": ("unit_id cần --unit (tên đơn vị như văn bản viết)", "unit_id needs --unit (the member's name as written)"),
    "corr_not_in_registry": ("{unit} chưa có trong sổ đơn vị (xem quyetdinh units)",
                             "{unit} is not in the unit registry (see `quyetdinh units`)"),
    "corr_not_member": ("{unit} không phải thành viên trong văn bản này", "{unit} is not a member in this document"),
    "corr_already_there": ("{unit} đã chỉ ở trong {group}", "{unit} is already in {group} only"),
    "corr_no_group_here": ("văn bản này không có cụm, khối {group}; các cụm, khối: {groups}",
                           "no group {group} in this document; groups: {groups}"),
    "corr_gone_member": ("không còn đơn vị {unit}", "no member {unit} any more"),
    "corr_gone_move": ("không còn đơn vị {unit} để chuyển", "no member {unit} to move any more"),
    "corr_gone_member_in": ("không còn đơn vị {unit} trong {group}", "no member {unit} in {group} any more"),
    "corr_this_document": ("văn bản này", "this document"),
    "corr_gone_group": ("không còn cụm, khối {group}", "no group {group} any more"),
    "corr_not_read": ("văn bản không đọc được ({status})", "the document was not read ({status})"),
    "corr_file_changed": ("{path} đã thay đổi sau khi sửa (SHA-256 nay là {sha}…)",
                          "{path} changed since the correction (its SHA-256 is now {sha}…)"),
    "corr_not_loaded": ("văn bản {doc}… không có trong cơ sở dữ liệu", "document {doc}… is not in the database"),
}

# What became of each file in a run (the stored status codes stay as the contract has them).
STATUS_WORDS = {"ok": ("đọc được", "ok"), "partial": ("đọc được một phần", "partial"), "needs_ocr": ("cần OCR", "needs_ocr"),
                "unreadable": ("không đọc được", "unreadable"), "encrypted": ("bị mã hóa", "encrypted"),
                "unsupported": ("không hỗ trợ", "unsupported"), "empty": ("trống", "empty"),
                "too_large": ("quá giới hạn", "too_large"), "timeout": ("quá thời gian", "timeout"),
                "not_regular": ("không phải tệp thường", "not_regular"), "hidden": ("tệp ẩn, bỏ qua", "hidden"),
                "unchanged": ("không đổi", "unchanged"),
                # what became of a correction (pipeline/corrections/entries.py)
                "applied": ("đã áp dụng", "applied"), "orphaned": ("không còn áp dụng được", "orphaned")}
SEVERITY_WORDS = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning"), "info": ("thông tin", "info")}
# The kinds of the review queue (`review --kind` takes the code, shown beside the words).
REVIEW_KIND_WORDS = {"file_not_read": ("tệp không đọc được", "file not read"),
                     "missing_required": ("thiếu trường bắt buộc", "required field missing"),
                     "low_confidence": ("OCR chưa chắc chắn", "low OCR confidence"),
                     "unknown_unit": ("đơn vị chưa có trong sổ", "unknown unit"),
                     "unsure_unit": ("đơn vị khớp gần đúng", "unsure unit match"),
                     "validation_error": ("lỗi kiểm tra", "validation error"),
                     "validation_warning": ("cảnh báo kiểm tra", "validation warning"),
                     "orphaned_correction": ("bản sửa không còn áp dụng được", "orphaned correction")}
# Which evidence confirmed a hand-written number or day that OCR read (extractors/hand_digits.py,
# extractors/metadata.py store the English; the review queue shows the Vietnamese).
EVIDENCE_WORDS = {"hand-digit reader + file name": ("bộ đọc chữ số viết tay + tên tệp", "hand-digit reader + file name"),
                  "hand-digit reader + tesseract": ("bộ đọc chữ số viết tay + Tesseract", "hand-digit reader + tesseract"),
                  "hand-digit reader + second pass": ("bộ đọc chữ số viết tay + OCR lần hai", "hand-digit reader + second pass"),
                  "hand-digit reader + first reading": ("bộ đọc chữ số viết tay + lần đọc đầu",
                                                        "hand-digit reader + first reading"),
                  "hand-digit reader, bounded by the digital signature": (
                      "bộ đọc chữ số viết tay, trong giới hạn ngày ký số", "hand-digit reader, bounded by the digital signature"),
                  "ocr second pass + file name": ("OCR lần hai + tên tệp", "ocr second pass + file name"),
                  "ocr + file name": ("OCR + tên tệp", "ocr + file name")}
# Roles as a person reads them; the stored values stay leader/deputy/member for other tools.
ROLE_WORDS = {"leader": ("Trưởng khối/cụm", "leader"), "deputy": ("Phó khối/cụm", "deputy"), "member": ("Thành viên", "member")}


def lang() -> str:
    """'vi' unless QUYETDINH_LANG asks for English."""
    return "en" if os.environ.get("QUYETDINH_LANG", "vi").lower().startswith("en") else "vi"


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if lang() == "en" else pair[0]


def say(key: str, **values) -> str:
    return _pick(MESSAGES[key]).format(**values)


def severity_word(severity: str) -> str:
    return _pick(SEVERITY_WORDS.get(severity, (severity, severity)))


def status_word(status: str) -> str:
    return _pick(STATUS_WORDS.get(status, (status, status)))


def role_word(role: str | None) -> str:
    return _pick(ROLE_WORDS[role]) if role in ROLE_WORDS else (role or "")


def evidence_word(source: str | None) -> str:
    return _pick(EVIDENCE_WORDS.get(source, (source, source))) if source else ""


def review_kind_word(kind: str) -> str:
    return _pick(REVIEW_KIND_WORDS.get(kind, (kind, kind)))
