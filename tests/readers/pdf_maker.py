"""PDFs for the tests, drawn with reportlab: every line placed where a test expects it."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = letter


@dataclass
class Line:
    """One line of text at (x, y), in a font and size; `notes` are raised markers drawn
    after the words at the given character positions (label, after how many characters)."""

    text: str
    x: float
    y: float
    size: float = 10.0
    font: str = "Times-Roman"
    notes: list[tuple[int, str]] = field(default_factory=list)


def draw(pages: list[list[Line]], *, encrypt: str | None = None, title: str | None = None) -> bytes:
    """A PDF with the given lines on each page."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    for page in pages:
        for line in page:
            text = pdf.beginText(line.x, line.y)
            text.setFont(line.font, line.size)
            position = 0
            for after, label in sorted(line.notes):
                text.textOut(line.text[position:after])
                text.setFont(line.font, line.size * 0.6)
                text.setRise(line.size * 0.35)
                text.textOut(label)
                text.setRise(0)
                text.setFont(line.font, line.size)
                position = after
            text.textOut(line.text[position:])
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def column(
    lines: list[str], x: float, top: float, *, size: float = 10.0, leading: float = 12.0
) -> list[Line]:
    """Lines set one under the other from `top` down."""
    return [Line(text, x, top - index * leading, size) for index, text in enumerate(lines)]


def furniture(number: int) -> list[Line]:
    """A running header and a page number at the foot, as a report prints them."""
    return [
        Line("Grain Board Annual Review 2024", 72, 750, 8, "Helvetica"),
        Line(str(number), WIDTH / 2, 36, 8, "Helvetica"),
    ]


def image_only() -> bytes:
    """A 'scanned' page: a drawing and no text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    for y in range(100, 700, 20):
        pdf.rect(72, y, 400, 10, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
