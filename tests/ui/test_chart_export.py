"""Exporting the chart: PNG and SVG at each size, with title, units and the source line in the image."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QImage

from desktop.state import SelectionState
from desktop.ui import chart_export
from desktop.ui.chart_pane import ChartPane
from test_chart_support import chart_dataset

SIZES = [None, (1920, 1080), (3840, 2160)]


@pytest.fixture
def pane(qtbot, app_font):
    """The chart in the app's own font: line wrapping depends on it, as in the real app."""
    widget = ChartPane(chart_dataset(), SelectionState())
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_series_checked("seizures", True)
    return widget


def expected(pane, size):
    return size or (pane.view.width(), pane.view.height())


def svg_words(svg: str) -> str:
    """The SVG's text content as one run of words, whatever lines it was wrapped into."""
    import html as html_module

    texts = re.findall(r">([^<>]+)<", svg)
    return " ".join(" ".join(html_module.unescape(t).split()) for t in texts if t.strip())


@pytest.mark.parametrize("size", SIZES, ids=["window", "1920x1080", "3840x2160"])
def test_png_has_the_asked_size_and_is_not_blank(pane, tmp_path, size):
    path = tmp_path / "chart.png"
    chart_export.export_chart(pane, path, size)
    image = QImage(str(path))
    assert (image.width(), image.height()) == expected(pane, size)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # lines, text and markers were drawn, not just a background


@pytest.mark.parametrize("size", SIZES, ids=["window", "1920x1080", "3840x2160"])
def test_svg_has_the_asked_size_and_the_source_line(pane, tmp_path, size):
    path = tmp_path / "chart.svg"
    chart_export.export_chart(pane, path, size)
    text = path.read_text(encoding="utf-8")
    width, height = expected(pane, size)
    assert re.search(rf'width="{width}" height="{height}" viewBox="0 0 {width} {height}"', text)
    words = svg_words(text)  # the source line wraps to the image's width: compare word runs
    assert "Source: Centers for Disease Control and Prevention; U.S. Customs and Border Protection" in words
    assert "Fentanyl seized (pounds, right axis)" in text  # the units are in the legend
    assert "Chart: Factdeck, “Chart test data”" in words


def test_title_and_source_line_are_plain_text(pane, tmp_path):
    pane.set_series_checked("evil", True)
    spec = chart_export.spec_of(pane)
    assert "Source:" in spec.source_line and "<b>Lab</b> report on prescriptions" in spec.source_line
    data = chart_export.svg_bytes(spec, (1920, 1080)).decode("utf-8")
    assert "&lt;b&gt;Lab&lt;/b&gt;" in data  # shown as characters, not read as markup
    assert "<img" not in data


def test_a_failed_write_leaves_no_file(pane, tmp_path):
    from desktop.fileio import WriteError

    with pytest.raises(WriteError):
        chart_export.export_chart(pane, tmp_path / "missing-folder" / "chart.png", (1920, 1080))
    assert not (tmp_path / "missing-folder").exists()
