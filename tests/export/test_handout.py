"""Handout PDFs: pages, every step's quotes, every bibliography entry, markup printed as text, paper sizes."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from desktop.dataset.citations import format_bibliography
from desktop.dataset.export_data import ExportCancelled, ExportError, subset_of_filters
from desktop.dataset.filters import Filters
from desktop.export.handout import lesson_sections, shown_sections, write_handout
from desktop.ui.citation_export import sources_behind, sources_of_lesson
from export_helpers import poppler, squeeze, tricky_dataset  # noqa: F401 - a fixture


def lesson_pdf(dataset, lesson_id, path, **options):
    title = dict(dataset.lesson_list())[lesson_id]
    return write_handout(dataset, lesson_sections(dataset, lesson_id), sources_of_lesson(dataset, lesson_id), path,
                         title=title, today=date(2026, 3, 9), **options)


def pdf_pages(path) -> int:
    line = next(line for line in poppler("pdfinfo", str(path)).splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def pdf_text(path) -> str:
    return poppler("pdftotext", "-enc", "UTF-8", str(path), "-")


@pytest.mark.parametrize("style", ["apa", "mla", "chicago"])
def test_a_lesson_handout_holds_every_quote_and_bibliography_entry(qapp, app_font, tmp_path, default_dataset, style):
    out = tmp_path / "three-waves.pdf"
    pages = lesson_pdf(default_dataset, "three-waves", out, style=style)
    assert pdf_pages(out) == pages >= 3
    text = squeeze(pdf_text(out))
    for target in default_dataset.lesson_steps("three-waves")["target"]:
        kind = default_dataset.kind_of(target)
        rows = default_dataset.ordered_citation_rows(target) if kind != "series" else default_dataset.citations[
            default_dataset.citations["series_id"] == target]
        for quote in rows["quote"]:
            assert squeeze(quote) in text, (target, quote)
    entries = format_bibliography(default_dataset, sources_of_lesson(default_dataset, "three-waves"), style).split("\n")
    assert len(entries) >= 5
    for entry in entries:
        assert squeeze(entry) in text, entry


def test_title_page_names_dataset_lesson_and_date_and_looks_right(qapp, app_font, tmp_path, default_dataset):
    out = tmp_path / "handout.pdf"
    lesson_pdf(default_dataset, "who-says-so", out)
    first = poppler("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert default_dataset.title in " ".join(first.split())
    assert "Who says so, and how do they know?" in first
    assert "9 March 2026" in first or "March 9, 2026" in first
    poppler("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", str(out), str(tmp_path / "page1"))
    image = QImage(str(tmp_path / "page1.png"))
    assert not image.isNull()
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert 50 < dark < image.width() * image.height() // 40  # text on a white page, not blank and not a black box


def test_paper_sizes(qapp, tmp_path, valid_dataset):
    sizes = {}
    for page in ("a4", "letter"):
        out = tmp_path / f"{page}.pdf"
        lesson_pdf(valid_dataset, "three-waves", out, page=page)
        line = next(line for line in poppler("pdfinfo", str(out)).splitlines() if line.startswith("Page size:"))
        sizes[page] = line.split(":", 1)[1].split("pts")[0].strip()
    assert sizes == {"a4": "595 x 842", "letter": "612 x 792"}  # A4 in whole points, as Qt writes it


def test_dataset_markup_prints_as_text_and_loads_nothing(qapp, tmp_path, tricky_dataset):
    out = tmp_path / "tricky.pdf"
    lesson_pdf(tricky_dataset, "tricky", out)
    text = pdf_text(out)
    assert "<b>Bold</b> & <i>italic</i> title" in text
    assert '<img src="http://evil.example/x.png"> said <b>so</b>' in text
    assert '<img src="file:///etc/hostname">' in text
    assert "Ce n’est pas vrai à Bogotá." in text
    assert "Another source disagrees" in text and "Anonymous source" in text
    assert "-12 people" in text  # the value step says its value
    images = poppler("pdfimages", "-list", str(out)).splitlines()[2:]
    assert len(images) == 1  # the chart of the value step, and nothing a quote asked for


def test_what_is_shown_has_a_section_per_series_and_event(qapp, tmp_path, valid_dataset):
    subset = subset_of_filters(valid_dataset, Filters(categories=frozenset({"Waves"})), ["overdose-deaths"])
    out = tmp_path / "shown.pdf"
    write_handout(valid_dataset, shown_sections(valid_dataset, subset), sources_behind(
        valid_dataset, subset.events, subset.series, subset.values), out, title="What is shown",
        chart_series=list(subset.series), filters=Filters(categories=frozenset({"Waves"})))
    text = pdf_text(out)
    for title in ("Synthetic opioid overdose deaths", "First wave: prescription opioids", "Third wave: synthetic opioids"):
        assert title in text
    assert "OxyContin is launched" not in text
    assert "Handout · 3 sections" in text


def test_never_replaces_without_force_and_cancel_leaves_nothing(qapp, tmp_path, valid_dataset):
    out = tmp_path / "h.pdf"
    out.write_bytes(b"mine")
    with pytest.raises(ExportError, match="already exists"):
        lesson_pdf(valid_dataset, "supply", out)
    assert out.read_bytes() == b"mine"
    lesson_pdf(valid_dataset, "supply", out, force=True)
    assert out.read_bytes().startswith(b"%PDF")
    seen = []

    def progress(fraction, message):
        seen.append(fraction)
        return len(seen) < 3

    with pytest.raises(ExportCancelled):
        lesson_pdf(valid_dataset, "three-waves", tmp_path / "cancelled.pdf", progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.pdf"]
