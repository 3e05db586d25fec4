"""A province-like year of decisions for the bench (not a test):

    .venv/bin/python bench/province.py OUT_DIR -n 300 [--scanned 0.3] [--roster 0.05] [--seed 1] [--jobs 2]

Most of a province's ~3,000 decisions a year are not about cụm/khối thi đua (appointments,
awards, plans, budgets, land): here a share `--roster` are roster decisions (the sample
variants of bench/multiply.py), the rest decisions on other subjects of 1 to 6 pages (about 3
on average: ~9,000 pages for 3,000 decisions). A share `--scanned` of all documents become
image-only PDFs (pages rendered at 200 dpi, as bench/multiply.py does), the rest stay text PDFs.
Deterministic for a seed. The texts are synthetic: no real document is copied.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import multiply  # noqa: E402

SUBJECTS = [
    "Về việc bổ nhiệm lại công chức lãnh đạo, quản lý", "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh",
    "Về việc phê duyệt kế hoạch lựa chọn nhà thầu", "Về việc giao chỉ tiêu kế hoạch vốn đầu tư công",
    "Về việc thu hồi đất để thực hiện dự án", "Về việc phê duyệt quy hoạch chi tiết xây dựng tỷ lệ 1/500",
    "Về việc thành lập Hội đồng thẩm định", "Về việc công nhận xã đạt chuẩn nông thôn mới",
    "Về việc ban hành Quy chế làm việc", "Về việc điều chỉnh dự toán ngân sách",
    "Về việc cho phép thành lập hội", "Về việc xử phạt vi phạm hành chính",
]
SENTENCES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số {n}/TTr-STC",
    "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện",
    "Kinh phí thực hiện từ nguồn ngân sách tỉnh đã bố trí trong dự toán năm",
    "Ủy ban nhân dân các huyện, thị xã, thành phố có trách nhiệm hướng dẫn, kiểm tra việc thực hiện",
    "Các nội dung khác giữ nguyên theo quy định hiện hành và hướng dẫn của các bộ, ngành Trung ương",
    "Thời gian thực hiện từ ngày ký đến hết ngày 31 tháng 12 năm 2025",
    "Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành và các đơn vị có liên quan chịu trách nhiệm thi hành",
]
PAGES = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6]  # about 3 pages a decision
PARAGRAPHS_PER_PAGE = 10


def other_spec(i: int, rng: random.Random) -> dict:
    gen = multiply.generator()
    number = f"{2000 + i}/QĐ-UBND"
    subject = rng.choice(SUBJECTS)
    spec = gen.header("BẮC NINH", number, f"Bắc Ninh, ngày {rng.randint(1, 28):02d} tháng {rng.randint(1, 12):02d} năm 2025")
    pages = rng.choice(PAGES)
    body = [("title", "QUYẾT ĐỊNH"), ("subject", subject), ("rule",)]
    for k in range(max(1, pages * PARAGRAPHS_PER_PAGE - 5)):
        text = ". ".join(rng.choice(SENTENCES).format(n=rng.randint(10, 999)) for _ in range(3)) + "."
        body.append(("p", f"Điều {k + 1}. {text}" if k % 4 == 0 else text))
    spec.update({"meta": {"title": f"Quyết định {number}", "subject": subject, "author": "UBND tỉnh Bắc Ninh"},
                 "body": body, "recipients": ["- Như Điều 3;", "- Lưu: VT."],
                 "signature": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signer_name": "Nguyễn Văn An"})
    return gen.nfc_spec(spec) if hasattr(gen, "nfc_spec") else multiply.map_strings(spec, gen.nfc)


def write_one(task) -> tuple[str, bool]:
    i, seed, out_dir, roster, scanned, tmp = task
    rng = random.Random(seed * 100_003 + i)
    gen = multiply.generator()
    target = Path(tmp if scanned else out_dir)
    if roster:
        _, name = multiply.write_variant((2 * i - 1, seed, str(target)))  # odd: a PDF variant
        path = target / name
    else:
        path = target / f"{i:05d}-qd-{2000 + i}.pdf"
        gen.write_pdf(other_spec(i, rng), path)
    if scanned:
        multiply.write_scan((path, Path(out_dir) / f"scan-{path.name}"))
        path.unlink()
    return path.name, scanned


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", type=Path)
    p.add_argument("-n", type=int, default=300)
    p.add_argument("--scanned", type=float, default=0.3)
    p.add_argument("--roster", type=float, default=0.05)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tasks = [(i, args.seed, str(args.out_dir), rng.random() < args.roster, rng.random() < args.scanned, tmp)
                 for i in range(1, args.n + 1)]
        done = multiply.run(tasks, write_one, args.jobs)
    scans = sum(s for _, s in done)
    print(f"wrote {len(done)} PDFs to {args.out_dir} ({scans} scanned, "
          f"{sum(t[3] for t in tasks)} about cụm/khối) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
