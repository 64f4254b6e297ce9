"""Word files for the tests, made with python-docx; footnotes and endnotes written by hand.

python-docx has no footnote API: `add_note` appends a w:footnoteReference (or
w:endnoteReference) run to a paragraph, and `save` writes the footnotes.xml and endnotes.xml
parts with their relationships and content types.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SEPARATORS = (
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:{kind}>"
)


class WordMaker:
    """A Word document under construction."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.notes: dict[str, list[tuple[int, str]]] = {"footnote": [], "endnote": []}
        self.endnote_format: str | None = None  # w:numFmt for endnotes, in word/settings.xml

    def paragraph(self, text: str = "", style: str | None = None) -> docx.text.paragraph.Paragraph:
        """A paragraph (its style, e.g. "Heading 1", as python-docx names it)."""
        return self.document.add_paragraph(text, style=style)

    def add_note(
        self,
        paragraph: docx.text.paragraph.Paragraph,
        text: str,
        kind: str = "footnote",
        custom_mark: str | None = None,
    ) -> None:
        """A footnote (or endnote) reference at the paragraph's end, and the note's text; with
        `custom_mark`, the mark printed instead of the note's number."""
        note_id = len(self.notes[kind]) + 1
        self.notes[kind].append((note_id, text))
        style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
        custom = ' w:customMarkFollows="1"' if custom_mark else ""
        mark = f"<w:t>{escape(custom_mark)}</w:t>" if custom_mark else ""
        run = parse_xml(
            f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="{style}"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference{custom} w:id="{note_id}"/>{mark}</w:r>'
        )
        paragraph._p.append(run)

    def tracked(
        self, paragraph: docx.text.paragraph.Paragraph, inserted: str, deleted: str
    ) -> None:
        """A tracked insertion and a tracked deletion at the paragraph's end."""
        paragraph._p.append(
            parse_xml(
                f'<w:ins xmlns:w="{W}" w:id="91" w:author="A" w:date="2024-01-01T00:00:00Z">'
                f'<w:r><w:t xml:space="preserve">{escape(inserted)}</w:t></w:r></w:ins>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:del xmlns:w="{W}" w:id="92" w:author="A" w:date="2024-01-01T00:00:00Z">'
                f"<w:r><w:delText>{escape(deleted)}</w:delText></w:r></w:del>"
            )
        )

    def hyperlink(self, paragraph: docx.text.paragraph.Paragraph, text: str, url: str) -> None:
        """A hyperlink run at the paragraph's end."""
        rel = self.document.part.relate_to(
            url,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
            is_external=True,
        )
        link = parse_xml(
            f'<w:hyperlink xmlns:w="{W}" xmlns:r="{R}" r:id="{rel}"><w:r><w:t>{escape(text)}</w:t></w:r></w:hyperlink>'
        )
        paragraph._p.append(link)

    def comment_marks(self, paragraph: docx.text.paragraph.Paragraph) -> None:
        """A comment's range and reference in the paragraph (the comment's text is not read)."""
        paragraph._p.insert(0, parse_xml(f'<w:commentRangeStart xmlns:w="{W}" w:id="5"/>'))
        paragraph._p.append(parse_xml(f'<w:commentRangeEnd xmlns:w="{W}" w:id="5"/>'))
        paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:commentReference w:id="5"/></w:r>'))

    def save(self) -> bytes:
        """The .docx file's bytes, with the notes parts added."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        if not any(self.notes.values()):
            return buffer.getvalue()
        source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    extra = "".join(
                        f'<Override PartName="/word/{kind}s.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/>'
                        for kind, notes in self.notes.items()
                        if notes
                    )
                    data = data.replace(b"</Types>", extra.encode() + b"</Types>")
                elif item.filename == "word/settings.xml" and self.endnote_format:
                    extra = f'<w:endnotePr><w:numFmt w:val="{self.endnote_format}"/></w:endnotePr>'
                    data = data.replace(b"</w:settings>", extra.encode() + b"</w:settings>")
                elif item.filename == "word/_rels/document.xml.rels":
                    extra = "".join(
                        f'<Relationship Id="rIdNotes{kind}" Type="{R}/{kind}s" Target="{kind}s.xml"/>'
                        for kind, notes in self.notes.items()
                        if notes
                    )
                    data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
                target.writestr(item, data)
            for kind, notes in self.notes.items():
                if not notes:
                    continue
                body = "".join(
                    f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>'
                    for note_id, text in notes
                )
                target.writestr(
                    f"word/{kind}s.xml",
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W}">'
                    + _SEPARATORS.format(kind=kind)
                    + body
                    + f"</w:{kind}s>",
                )
        return out.getvalue()


_NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def raw_paragraph(text: str) -> str:
    """A w:p holding one run of `text`, as raw XML."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def raw_word(
    body: str,
    *,
    footnotes: str | None = None,
    endnotes: str | None = None,
    settings: str | None = None,
) -> bytes:
    """A minimal .docx from raw XML: the w:body's content, and the content of the
    footnotes, endnotes and settings parts when given (the w, r, mc, wps and v prefixes are
    declared in each part)."""
    parts = {"word/document.xml": f"<w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>"}
    for name, content in (("footnotes", footnotes), ("endnotes", endnotes), ("settings", settings)):
        if content is not None:
            parts[f"word/{name}.xml"] = f"<w:{name} {_NAMESPACES}>{content}</w:{name}>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + xml)
    return buffer.getvalue()


__all__ = ["WordMaker", "qn", "raw_paragraph", "raw_word"]
