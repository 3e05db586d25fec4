from extractors.document import Document


def text_doc(text: str, fmt: str = "txt") -> Document:
    doc = Document(path="test.txt", sha256="0" * 64, format=fmt)
    for i, line in enumerate(text.strip("\n").splitlines(), start=1):
        doc.add_paragraph(line, page=None, line=i)
    return doc


def scan_with_handwritten_number(src, out, dpi: int = 200):
    """Page 1 of a text PDF as an image-only PDF whose printed number is replaced by a hurried
    hand-written "47" in ballpoint blue, as on the real scans the number is filled in by hand."""
    import pdfplumber
    import pypdfium2
    from PIL import ImageDraw
    with pdfplumber.open(str(src)) as pdf:
        words = pdf.pages[0].extract_words()
    w = next(w for w in words if "/QĐ-" in w["text"] and w["text"][0].isdigit())
    k = dpi / 72
    image = pypdfium2.PdfDocument(str(src))[0].render(scale=k).to_pil().convert("RGB")
    d = ImageDraw.Draw(image)
    digits = len(w["text"].split("/")[0])
    x0, x1 = w["x0"] * k, (w["x0"] + (w["x1"] - w["x0"]) * (digits - 0.25) / len(w["text"])) * k
    top, bottom = w["top"] * k, w["bottom"] * k
    d.rectangle((x0 - 2, top - 2, x1 + 1, bottom + 2), fill="white")
    ink = (30, 40, 140)
    d.line([(x0 + 4, top + 2), (x0 - 2, bottom - 6), (x0 + 16, bottom - 8), (x0 + 12, top - 4), (x0 + 10, bottom + 6)],
           fill=ink, width=3, joint="curve")
    d.line([(x0 + 22, top), (x0 + 38, top - 3), (x0 + 27, bottom + 7)], fill=ink, width=3, joint="curve")
    d.line([(x0 + 24, top + 12), (x0 + 38, top + 10)], fill=ink, width=2)
    image.save(str(out), "PDF", resolution=dpi)
    return out
