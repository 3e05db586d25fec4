from extractors.document import Document


def text_doc(text: str, fmt: str = "txt") -> Document:
    doc = Document(path="test.txt", sha256="0" * 64, format=fmt)
    for i, line in enumerate(text.strip("\n").splitlines(), start=1):
        doc.add_paragraph(line, page=None, line=i)
    return doc
