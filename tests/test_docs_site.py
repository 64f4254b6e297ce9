"""The documentation site (`make docs-site`): generated, then built with `mkdocs build --strict`.

This test is how the site is "built in CI with --strict": it runs in `make test` (pytest), so a
broken link or anchor, a missing page or a README heading an include no longer finds fails
the suite. It builds into a temporary folder, never into build/.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sourcelint import docs_site
from sourcelint.rules.base import Example
from sourcelint.rules.registry import ERRORS, RULES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The generated Markdown and the built site: (docs source, site)."""
    base = tmp_path_factory.mktemp("docs-site")
    source, site = base / "docs-src", base / "site"
    generated = subprocess.run(
        [sys.executable, "-m", "sourcelint.docs_site", str(source)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    environment = {**os.environ, "SOURCELINT_DOCS_SRC": str(source), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    return source, site


def _page_text(page: Path) -> str:
    """A built page's text: tags dropped, entities decoded (code blocks are highlighted)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def _shown(example: Example) -> str:
    return docs_site.example_text(example)[1].strip("\n")


def test_every_rule_has_a_page_with_its_failing_and_passing_examples(
    built: tuple[Path, Path],
) -> None:
    source, site = built
    for rule in RULES:
        markdown = (source / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        page = site / "rules" / rule.code / "index.html"
        assert page.is_file(), f"no page for {rule.code}"
        text = _page_text(page)
        assert rule.code in text and rule.name in text
        assert f"Severity: {rule.severity.value}." in text
        assert ("On by default." if rule.default else "Off by default") in text
        for example in (*rule.failing, *rule.passing):
            shown = _shown(example)
            if isinstance(example.content, str) and example.content.strip():
                assert shown == example.content.strip("\n"), "a plain example is shown as it is"
            assert shown in markdown, f"{rule.code}: example missing from the Markdown"
            assert shown in text, f"{rule.code}: example missing from the built page"
        assert "## Failing examples" in markdown and "## Passing examples" in markdown


def test_bytes_examples_are_shown_as_escaped_literals() -> None:
    language, shown, note = docs_site.example_text(Example(b"Caf\xe9 said.\x1b[2J"))
    assert (language, shown) == ("text", "b'Caf\\xe9 said.\\x1b[2J'")
    assert "bytes" in note
    language, shown, _ = docs_site.example_text(Example("a\u202eb\x1b", "md"))
    assert (language, shown) == ("markdown", "a\\u202eb\\u001b")


def test_the_index_links_every_rule_and_the_errors_page_lists_every_error(
    built: tuple[Path, Path],
) -> None:
    source, site = built
    index = (source / "rules" / "index.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"[{rule.code}]({rule.code}.md)" in index
    errors = _page_text(site / "rules" / "errors" / "index.html")
    for error in ERRORS:
        assert error.code in errors and error.name in errors
    navigation = _page_text(site / "index.html")
    assert all(f"{rule.code} {rule.name}" in navigation for rule in RULES)


def test_the_user_guide_is_built_from_the_readme_and_the_docs(built: tuple[Path, Path]) -> None:
    _, site = built
    for page in ("cli", "configuration", "output", "json", "web", "security", "benchmarks"):
        assert (site / page / "index.html").is_file(), page
    assert "sourcelint scan" in _page_text(site / "cli" / "index.html")
    assert "[tool.sourcelint]" in _page_text(site / "configuration" / "index.html")
    assert "sourcelint/1.2" in _page_text(site / "json" / "index.html")
    assert (site / "screenshots" / "evidence-map.png").is_file()
    leftover = [
        path.name for path in site.rglob("*.html") if "&lt;!-- include" in path.read_text("utf-8")
    ]
    assert not leftover


def test_nothing_on_the_site_is_fetched_from_another_host(built: tuple[Path, Path]) -> None:
    _, site = built
    for page in site.rglob("*.html"):
        fetched = re.findall(
            r'<(?:link|script|img)\b[^>]*(?:href|src)="(?:https?:)?//', page.read_text("utf-8")
        )
        assert not fetched, page


def test_a_section_is_moved_to_the_top_of_a_page() -> None:
    text = "# T\n\nintro\n\n## A\n\nbody\n\n```sh\n# not a heading\n```\n\n### A.1\n\nsub\n\n## B\n"
    assert docs_site.markdown_section(text, "A") == (
        "body\n\n```sh\n# not a heading\n```\n\n## A.1\n\nsub\n"
    )
    assert docs_site.markdown_section(text, "A", intro=True, heading=True).startswith("## A\n")
    assert docs_site.site_link("docs/security.md#limits", "") == "security.md#limits"
    assert docs_site.site_link("docs/rules.md", "") == "rules/index.md"
    assert docs_site.site_link("https://example.org/x.md", "") == "https://example.org/x.md"
    with pytest.raises(LookupError):
        docs_site.markdown_section(text, "missing")
    assert docs_site.separate_lists("It lists:\n- a\n- b\n  more\n") == (
        "It lists:\n\n- a\n- b\n  more\n"
    )
    assert docs_site.separate_lists("```\nx\n- y\n```\n") == "```\nx\n- y\n```\n"


def test_the_generator_never_empties_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        docs_site.generate(tmp_path)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
