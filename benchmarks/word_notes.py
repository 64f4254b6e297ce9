"""Notes in Word files and in the PDFs LibreOffice prints from them: the longest articles of
the article-extraction benchmark (../shared/data) written into Word files with python-docx,
a footnote after every second paragraph and an endnote after every fifth (the notes parts
written as tests/readers/docx_maker.py writes them), a running header and a page-number
footer; each read as .docx and, printed to PDF by LibreOffice, as .pdf.

Printed for each: the markers found and how many resolve to their note, and for the PDF its
pages, whether the running header or a page number was read as text, and the word match
with the Word file's own text (difflib ratio over the word sequences).

Run: `.venv/bin/python benchmarks/word_notes.py [--articles 4]` (needs LibreOffice's
`soffice`: `apt-get install libreoffice-writer-nogui`; without it only the .docx column).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run_info import ROOT, versions

sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark" / "html"
HEADER = "Grain Board Annual Review 2024"


def make_docx(path: Path) -> tuple[bytes, int]:
    """A Word file of the article at `path` with notes, and how many notes it has."""
    from docx.oxml import parse_xml
    from tests.readers.docx_maker import W, WordMaker

    from sourcelint.readers import read_bytes

    document = read_bytes(gzip.decompress(path.read_bytes()), path="page.html")
    maker = WordMaker()
    section = maker.document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>1</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        footer._p.append(parse_xml(run.replace("<w:r>", f'<w:r xmlns:w="{W}">', 1)))
    maker.paragraph(document.title or "Report", style="Title")
    count = notes = 0
    for block in document.blocks:
        text = " ".join(document.text[block.start : block.end].split())
        if block.kind == "heading":
            maker.paragraph(text, style="Heading 2")
        elif block.kind in ("paragraph", "list_item") and len(text) > 40:
            paragraph = maker.paragraph(text)
            count += 1
            if count % 2 == 0:
                maker.add_note(paragraph, f"Ministry of Agriculture, Bulletin {count} (2024).")
                notes += 1
            if count % 5 == 0:
                maker.add_note(paragraph, f"Grain Board, Report {count} (2024).", kind="endnote")
                notes += 1
    return maker.save(), notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4)
    arguments = parser.parse_args()
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 2
    from sourcelint.api import analyze
    from sourcelint.config import Settings
    from sourcelint.readers import read_bytes

    soffice = shutil.which("soffice")
    sizes = sorted(((path.stat().st_size, path) for path in DATA.glob("*.html.gz")), reverse=True)
    print(
        f"{'article':<12}{'notes':>6}{'docx resolved':>15}{'pdf pages':>10}"
        f"{'pdf resolved':>14}{'header read':>12}{'words':>7}"
    )
    settings = Settings(select=("SL1",))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        environment = {**os.environ, "HOME": str(folder)}
        for _, path in sizes[: arguments.articles]:
            data, notes = make_docx(path)
            word = read_bytes(data, path="draft.docx")
            analysis = analyze(word, settings=settings)
            resolved = sum(1 for c in analysis.citations if c.reference)
            row = f"{path.name[:10]:<12}{notes:>6}{f'{resolved}/{len(analysis.citations)}':>15}"
            if soffice is None:
                print(row)
                continue
            (folder / "draft.docx").write_bytes(data)
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(folder / "draft.docx"),
                ],
                capture_output=True,
                timeout=300,
                check=True,
                env=environment,
            )
            pdf = read_bytes((folder / "draft.pdf").read_bytes(), path="draft.pdf")
            printed = analyze(pdf, settings=settings)
            pdf_resolved = sum(1 for c in printed.citations if c.reference)
            leak = HEADER in pdf.text
            match = difflib.SequenceMatcher(
                None, word.text.split(), pdf.text.split(), autojunk=False
            ).ratio()
            print(
                f"{row}{len(pdf.page_starts):>10}{f'{pdf_resolved}/{len(printed.citations)}':>14}"
                f"{'yes' if leak else 'no':>12}{match:>7.3f}"
            )
    print(versions("pypdf", "python-docx"), "; LibreOffice:", "yes" if soffice else "not installed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
