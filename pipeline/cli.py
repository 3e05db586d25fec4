"""The `quyetdinh` command."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.cli_common import DEFAULT_DB, UsageError, check_paths, prefect_env
from pipeline.cli_edit import cmd_correct, cmd_review, cmd_units
from pipeline.cli_read import cmd_diff, cmd_eval, cmd_extract, cmd_report, cmd_serve, cmd_validate
from pipeline.cli_run import cmd_run


def cmd_schedule(args) -> int:
    """Serve the flow as a deployment on a schedule (needs a Prefect server, PREFECT_API_URL)."""
    check_paths(args.paths)
    if not os.environ.get("PREFECT_API_URL"):
        raise UsageError("lịch chạy cần một Prefect server: chạy 'prefect server start' rồi đặt "
                         "PREFECT_API_URL=http://127.0.0.1:4200/api")
    prefect_env(getattr(args, "debug", False))
    from flows.ingest import ingest
    try:
        ingest.serve(name=args.name, cron=args.cron, parameters={"paths": [str(Path(p).resolve()) for p in args.paths],
                                                                "db_path": str(Path(args.db).resolve())})
    except Exception as e:  # the server went away or never answered: say where, in one line, and stop
        if "Connect" in type(e).__name__ or "Connect" in str(e):
            raise UsageError(f"không kết nối được Prefect server ở {os.environ['PREFECT_API_URL']}: "
                             "server đã chạy chưa? (prefect server start)") from None
        raise
    return 0




























# argparse's own words ("usage:", "options:"…), in Vietnamese unless QUYETDINH_LANG=en.
ARGPARSE_WORDS = {"usage: ": "cách dùng: ", "positional arguments": "đối số", "options": "tùy chọn",
                  "show this help message and exit": "in trợ giúp này rồi thoát",
                  "the following arguments are required: %s": "thiếu đối số: %s",
                  "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
                  "unrecognized arguments: %s": "không hiểu các đối số: %s",
                  "expected one argument": "cần một giá trị",
                  "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r"}


def speak_argparse() -> None:
    from pipeline.units.messages import lang
    if lang() == "vi":
        argparse._ = lambda text: ARGPARSE_WORDS.get(text, text)


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (not usage + error)."""

    def error(self, message: str):
        self.exit(2, f"quyetdinh: lỗi: {message} (xem: {self.prog} --help)\n")


def year(text: str) -> int:
    """A year as the rosters have them (1900–2200); anything else is a mistake on the command line."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"không phải một năm: {text[:30]!r}") from None
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(f"năm ngoài khoảng 1900–2200: {text[:30]}")
    return value


def build_parser() -> argparse.ArgumentParser:
    speak_argparse()
    p = Parser(prog="quyetdinh", description=(
        "Chuyển các quyết định về tổ chức Cụm, Khối thi đua của UBND tỉnh thành dữ liệu: đơn vị nào "
        "thuộc cụm, khối nào, đơn vị nào làm trưởng, phó — kèm nguồn (tệp, trang, dòng) của từng thông tin. "
        "(QUYETDINH_LANG=en: messages in English.)"))
    p.add_argument("--debug", action="store_true", help="khi có lỗi, in cả traceback / print the traceback on an error")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser("run", help="đọc các tệp vào cơ sở dữ liệu SQLite (việc chính, một Prefect flow)",
                       description="Đọc các tệp văn bản (PDF, DOCX, DOC, TXT, HTML; cả thư mục con), trích danh sách "
                                   "cụm, khối, nạp vào SQLite và kiểm tra. Chạy lại bao nhiêu lần cũng được: tệp "
                                   "đã nạp không đọc lại; không có gì mới thì không làm gì.")
    r.add_argument("paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục cần đọc")
    r.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite để ghi (mặc định {DEFAULT_DB})")
    r.add_argument("--year", type=year, help="chỉ nạp văn bản có danh sách (hoặc ngày) thuộc năm này")
    r.add_argument("--workers", type=int, default=None, help="đọc N tệp cùng lúc, mỗi tệp một tiến trình (mặc định: số lõi CPU, QUYETDINH_WORKERS)")
    r.add_argument("--local-cluster", action="store_true", help="đọc trên một cụm Dask cục bộ gồm --workers tiến trình")
    r.add_argument("--dask-address", metavar="tcp://HOST:8786", help="đọc trên một cụm Dask có sẵn")
    r.add_argument("--corrections", metavar="FILE", help="tệp sửa tay cần áp dụng (mặc định: corrections.yaml cạnh --db)")
    r.add_argument("-q", "--quiet", action="store_true", help="không hiện tiến độ")
    r.set_defaults(func=cmd_run)

    rv = sub.add_parser("review", help="liệt kê những gì cần người xem lại (hàng đợi xem lại)",
                        description="Tệp không đọc được; số, ngày, người ký còn trống; OCR kém tin cậy; đơn vị chưa có "
                                    "trong sổ; lỗi và cảnh báo khi kiểm tra; sửa tay không còn áp dụng được — mỗi mục "
                                    "kèm tệp, trang, dòng và đoạn chữ hay vùng trang gốc.")
    rv.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    rv.add_argument("--format", choices=["text", "json"], default="text")
    rv.add_argument("--kind", choices=["file_not_read", "missing_required", "low_confidence", "unknown_unit",
                                       "unsure_unit", "validation_error", "validation_warning", "orphaned_correction"])
    rv.add_argument("--crops", metavar="DIR", help="lưu thêm vùng trang (PDF scan) thành ảnh PNG trong DIR")
    rv.set_defaults(func=cmd_review)

    c = sub.add_parser("correct", help="sửa một thông tin; bản sửa được giữ ở mọi lần chạy sau",
                       description="Ghi một bản sửa vào corrections.yaml cạnh cơ sở dữ liệu và áp dụng ngay. "
                                   "FIELD (trường): number (số), symbol (ký hiệu), issued_date (ngày ban hành), issuer "
                                   "(cơ quan ban hành), signer (người ký), subject (trích yếu), group.name (tên cụm, khối), "
                                   "leader (đơn vị trưởng), deputies (đơn vị phó, cách nhau bằng ';'), member.add, "
                                   "member.remove, member.move (sang --group), unit_id (của --unit).")
    c.add_argument("doc", metavar="DOC", help="văn bản: tệp, đường dẫn như khi nạp, hoặc đầu mã SHA-256")
    c.add_argument("field", metavar="FIELD")
    c.add_argument("value", metavar="VALUE")
    c.add_argument("--group", metavar="G", help="cụm, khối: tên, số thứ tự (vd. II) hoặc #vị trí")
    c.add_argument("--unit", metavar="NAME", help="với unit_id: tên đơn vị như trong văn bản")
    c.add_argument("--note", metavar="TEXT", help="lý do (giữ cùng bản sửa)")
    c.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    c.add_argument("--corrections", metavar="FILE", help="tệp sửa tay (mặc định: corrections.yaml cạnh --db)")
    c.set_defaults(func=cmd_correct)

    sc = sub.add_parser("schedule", help="chạy định kỳ (một Prefect deployment)",
                        description="Chạy việc đọc tệp theo lịch cron (mặc định mỗi năm một lần) như một Prefect deployment. "
                                    "Cần một Prefect server: prefect server start, và biến PREFECT_API_URL.")
    sc.add_argument("paths", nargs="+", metavar="PATH")
    sc.add_argument("--db", default=DEFAULT_DB)
    sc.add_argument("--cron", default="0 2 15 1 *", help="lịch cron (mặc định: 02:00 ngày 15 tháng 1)")
    sc.add_argument("--name", default="quyetdinh-yearly")
    sc.set_defaults(func=cmd_schedule)

    e = sub.add_parser("extract", help="in ra những gì trích được từ tệp, không ghi cơ sở dữ liệu",
                       description="Đọc tệp và in mỗi tệp một bản ghi. --format json in JSON Lines theo hợp đồng "
                                   "bản ghi trích xuất (docs/record.md).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục cần đọc")
    e.add_argument("--format", choices=["json", "text"], default="text", help="định dạng (mặc định text)")
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("validate", help="kiểm tra các danh sách đã nạp và in các vấn đề",
                       description="Kiểm tra danh sách: có thành viên, một đơn vị trưởng và là thành viên, mỗi đơn vị "
                                   "một cụm, khối mỗi năm, số lượng như văn bản ghi, đơn vị lạ, thay đổi so với năm trước.")
    v.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.add_argument("--strict", action="store_true", help="thoát với mã 1 khi có lỗi")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("serve", help="xem cơ sở dữ liệu bằng Datasette (chỉ đọc)",
                       description="Mở Datasette trên 127.0.0.1 với cơ sở dữ liệu, chỉ đọc, luôn thấy dữ liệu mới nhất.")
    s.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    s.add_argument("--port", type=int, default=8001, help="cổng (mặc định 8001)")
    s.set_defaults(func=cmd_serve)

    ev = sub.add_parser("eval", help="chấm điểm trích xuất theo các tệp đáp án",
                        description="Đọc mọi văn bản trong DIR có tệp đáp án (NAME.truth.json bên cạnh, hoặc "
                                    "truth/NAME.json) và in precision, recall, F1 theo từng trường.")
    ev.add_argument("dir", metavar="DIR")
    ev.add_argument("--truth", metavar="TRUTH_DIR", help="thư mục đáp án NAME.json để riêng "
                                                         "(vd. truth/real-scans cho ../shared/corpus/real-scans)")
    ev.add_argument("--format", choices=["text", "json"], default="text")
    ev.add_argument("-v", "--verbose", action="store_true", help="liệt kê từng chỗ sai")
    ev.set_defaults(func=cmd_eval)
    rp = sub.add_parser("report", help="danh sách năm thành trang để đọc, in, gửi (HTML + PDF)",
                        description="Viết một trang HTML trọn vẹn (không cần mạng: phông, kiểu và biểu đồ SVG nằm trong trang) "
                                    "và bản PDF: từng cụm, khối với thành viên theo thứ tự, đánh dấu trưởng, phó, văn bản "
                                    "quyết định và các văn bản sửa đổi, kết quả kiểm tra của năm, biểu đồ quy mô, các đơn "
                                    "vị trưởng qua các năm và, với --compare, các đơn vị chuyển, sáp nhập hay không còn.")
    rp.add_argument("--province", required=True, help="tỉnh, gõ có dấu hay không dấu, vd. 'Bắc Ninh' hoặc 'bac ninh'")
    rp.add_argument("--year", type=year, required=True)
    rp.add_argument("--compare", type=year, metavar="Y0", help="một năm trước để so sánh")
    rp.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    rp.add_argument("--out", required=True, metavar="DIR", help="thư mục để ghi NAME.html và NAME.pdf")
    rp.add_argument("--no-pdf", action="store_true", help="chỉ HTML (bản PDF cần Chromium)")
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser("diff", help="danh sách thay đổi gì giữa hai năm",
                       description="So sánh danh sách hai năm theo từng tỉnh, từng đơn vị, theo dõi cả sáp nhập, đổi tên "
                                   "(sổ đơn vị): thêm mới, không còn, chuyển cụm/khối, sáp nhập/đổi tên; tỉnh thiếu một "
                                   "năm thì nói rõ thiếu năm nào.")
    d.add_argument("--year", type=year, action="append", required=True, help="cho hai lần: --year 2024 --year 2025")
    d.add_argument("--province", help="chỉ tỉnh này (gõ có dấu hay không dấu, vd. 'Bac Ninh')")
    d.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite (mặc định {DEFAULT_DB})")
    d.add_argument("--format", choices=["text", "json"], default="text")
    d.set_defaults(func=cmd_diff)

    u = sub.add_parser("units", help="sổ đơn vị: tên chưa biết, và bổ sung",
                       description="Liệt kê tên đơn vị chưa có trong sổ (kèm các tên gần nhất), hoặc thêm một tên vào "
                                   "sổ đơn vị của người dùng.")
    usub = u.add_subparsers(dest="units_command", required=True, metavar="ACTION")
    un = usub.add_parser("unknown", help="liệt kê tên thành viên chưa có mã đơn vị")
    un.add_argument("--db", default=DEFAULT_DB)
    un.add_argument("--format", choices=["text", "json"], default="text")
    ua = usub.add_parser("add", help="thêm một đơn vị, hoặc tên khác của đơn vị đã có, vào sổ")
    ua.add_argument("name", help="tên như viết trong văn bản")
    ua.add_argument("--province", required=True, help="tỉnh, vd. 'Hà Tĩnh'")
    ua.add_argument("--as", dest="as_unit", metavar="UNIT_ID", help="coi NAME là tên khác của mã đơn vị này")
    ua.add_argument("--kind", default="khac", help="loại của đơn vị mới (so, ban, truong, quy, …)")
    ua.add_argument("--date", help="ngày (ISO) áp dụng tỉnh (mặc định hôm nay)")
    ua.add_argument("--db", default=DEFAULT_DB, help=f"tệp SQLite; sổ của người dùng ở thư mục registry/ bên cạnh (mặc định {DEFAULT_DB})")
    u.set_defaults(func=cmd_units)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line, not only before the command
    args = parser.parse_args([a for a in argv if a != "--debug"])
    args.debug = debug
    if getattr(args, "db", None):
        from extractors import extractor_version
        from pipeline.units.registry import use_registry_beside
        if use_registry_beside(args.db):
            extractor_version.cache_clear()  # the user's registry is part of what extraction depends on
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("quyetdinh: đã dừng (Ctrl+C)", file=sys.stderr)
        return 130
    except Exception as e:  # every error is one line; --debug shows where it came from
        if args.debug:
            import traceback
            traceback.print_exc()
        from pipeline.cli_errors import one_line
        msg = " ".join(one_line(e).split())
        hint = "" if e.__class__.__name__ == "UsageError" or args.debug else " (--debug để xem chi tiết)"
        print(f"quyetdinh: lỗi: {msg}{hint}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
