"""The whole window as a teacher uses it: the three panes linked through one SelectionState."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop import settings as keys
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow
from desktop.ui.problems_dialog import ProblemsDialog
from desktop.ui.theme import LIGHT, themes


@pytest.fixture
def make_window(qtbot, app_font, isolated_home):
    def make(dataset=None, settings_path: Path | None = None, size=(1600, 1000)):
        settings = Settings(settings_path or isolated_home / "settings.json")
        window = MainWindow(SelectionState(), settings)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        if dataset is not None:
            window.set_dataset(dataset)
        return window
    yield make
    themes().set_theme(LIGHT)


def citation_text(window) -> str:
    return "\n".join(label.text() for label in window.citations.findChildren(QLabel) if label.isVisible())


def test_clicking_an_event_on_the_timeline_shows_its_quote_and_claim_type(qtbot, make_window, default_dataset):
    window = make_window(default_dataset)
    timeline = window.timeline
    event_id = "el-chapo-escape"
    timeline.state.set_focus("", "test")
    point = timeline.view.marker_point(timeline.model.index_of[event_id])
    assert point is not None, "the escape should be drawn at the default zoom"
    with qtbot.waitSignal(window.state.focus_changed):
        qtbot.mouseClick(timeline.view, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.state.focus == event_id
    cites = default_dataset.citations_for(event_id)
    shown = citation_text(window)
    first = cites.iloc[0]
    assert first["quote"] in shown
    assert "Court record" in shown or "Journalist" in shown or "source" in shown.lower()


def test_clicking_a_chart_point_shows_that_values_source(qtbot, make_window, default_dataset):
    window = make_window(default_dataset)
    chart = window.chart
    row, drawn = chart.canvas.drawn_of("synthetic-opioid-deaths")
    i = drawn.series.index_of("2018")
    from PySide6.QtCore import QPointF

    scene = drawn.vb.mapViewToScene(QPointF(drawn.series.x[i], drawn.y[i]))
    pos = chart.view.mapFromScene(scene)
    with qtbot.waitSignal(window.state.focus_changed):
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.state.focus == "synthetic-opioid-deaths@2018"
    shown = citation_text(window)
    assert "31,335" in shown
    assert "Official statistic" in shown
    assert "National Institute on Drug Abuse" in shown


def test_focus_from_the_chart_highlights_the_event_on_the_timeline(make_window, default_dataset):
    window = make_window(default_dataset)
    window.state.set_focus("culiacan-operation", "chart")
    assert window.timeline.view.marker_point(window.timeline.model.index_of["culiacan-operation"]) is not None
    assert "Culiac" in citation_text(window)


def test_a_broken_dataset_is_refused_and_the_open_one_stays(qtbot, make_window, default_dataset, tmp_path):
    window = make_window(default_dataset)
    window.state.set_focus("lebaron-ambush", "test")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text('{"name": "x"', encoding="utf-8")
    with qtbot.waitSignal(window.load_failed):
        window.open_dataset(broken, background=False)
    dialog = window.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible()
    assert "datapackage.json:" in dialog.text.toPlainText()
    dialog.reject()
    assert window.dataset is default_dataset
    assert window.state.focus == "lebaron-ambush"


def test_opening_another_dataset_in_the_background_replaces_the_panes(qtbot, make_window, default_dataset, valid_dataset):
    window = make_window(default_dataset)
    old_timeline = window.timeline
    with qtbot.waitSignal(window.dataset_changed, timeout=20000):
        window.open_dataset(valid_dataset.root)
    assert window.dataset.root == valid_dataset.root
    assert window.timeline is not old_timeline
    assert window.settings.get(keys.LAST_DATASET) == str(valid_dataset.root)


def legend_shown(window) -> int:
    legend = window.chart.canvas.legend
    return int(legend is not None and legend.isVisible())


@pytest.mark.parametrize("size", [(1366, 768), (1366, 2200)], ids=["legend-hidden", "legend-shown"])
def test_a_dataset_lays_the_chart_legend_out_once_and_another_keeps_the_panes_sizes(
        qtbot, make_window, default_dataset, valid_dataset, monkeypatch, size):
    """The panes are laid out at their final sizes, so the legend (~20 ms) is filled once per dataset, not per
    resize, and not at all while the series list beside a short plot is the key."""
    from desktop.ui.chart_canvas import ChartCanvas

    fills = []
    fill_legend = ChartCanvas._fill_legend
    monkeypatch.setattr(ChartCanvas, "_fill_legend", lambda canvas: (fills.append(canvas), fill_legend(canvas))[1])
    window = make_window(size=size)
    window.set_dataset(default_dataset)
    qtbot.waitUntil(lambda: window.chart.view.isVisible())
    QApplication.processEvents()
    assert legend_shown(window) == (size[1] > 1000)
    assert len(fills) == legend_shown(window)  # once, and not at all while the series list is the key
    main, lower = window.main_splitter.sizes(), window.lower_splitter.sizes()
    assert main[0] * 3 == pytest.approx(main[1] * 2, abs=6) and lower[0] * 2 == pytest.approx(lower[1] * 3, abs=6)

    window.main_splitter.setSizes([500, main[0] + main[1] - 500])  # the teacher drags the divider
    dragged = window.main_splitter.sizes()
    fills.clear()
    window.set_dataset(valid_dataset)
    QApplication.processEvents()
    assert len(fills) == legend_shown(window)
    kept = window.main_splitter.sizes() + window.lower_splitter.sizes()
    assert kept == pytest.approx(dragged + lower, abs=2)  # to the pixel, give or take rounding


def test_geometry_is_restored_only_onto_a_screen_that_exists(qtbot, make_window, isolated_home):
    path = isolated_home / "settings.json"
    first = make_window(settings_path=path)
    first.move(40000, 40000)  # as if saved on a second monitor that is gone now
    first.save_layout()
    first.close()
    second = make_window(settings_path=path, size=None)
    screen = second.screen().availableGeometry()
    assert screen.intersects(second.frameGeometry())


def test_window_size_is_remembered(qtbot, make_window, isolated_home):
    path = isolated_home / "settings.json"
    first = make_window(settings_path=path)
    first.resize(700, 500)
    first.close()
    assert Settings(path).get(keys.WINDOW_GEOMETRY)
    second = make_window(settings_path=path, size=None)
    geometry = QByteArray.fromBase64(Settings(path).get(keys.WINDOW_GEOMETRY).encode())
    assert not geometry.isEmpty()
    assert (second.width(), second.height()) == (700, 500)


def deferred_window(qtbot, home: Path, dataset=None) -> MainWindow:
    """A window as the app makes it (its commands wait), shown with `dataset` if one is given."""
    window = MainWindow(SelectionState(), Settings(home / "settings.json"), defer_commands=True)
    qtbot.addWidget(window)
    if dataset is not None:
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.set_dataset(dataset)
    return window


def test_deferred_commands_arrive_after_the_first_paint(qtbot, isolated_home):
    """The app paints the window before building Present/Edit/Export; asking for them builds them once."""
    window = deferred_window(qtbot, isolated_home)
    titles = [action.text() for action in window.menuBar().actions()]
    assert not any("Edit" in title for title in titles)
    presentation = window.presentation  # asking installs them
    titles = [action.text() for action in window.menuBar().actions()]
    assert any("Edit" in title for title in titles)
    assert presentation.start_action in window.toolbar.actions()
    window.install_commands()  # a second call changes nothing
    assert [action.text() for action in window.menuBar().actions()] == titles


def test_idle_commands_arrive_one_piece_per_turn_after_the_panes_have_painted(qtbot, app_font, isolated_home, valid_dataset):
    """As the app starts: the dataset is painted first, then each command piece gets its own turn of the event loop."""
    from PySide6.QtCore import QEvent, QObject

    window = deferred_window(qtbot, isolated_home, valid_dataset)
    left_at_paint: list[int] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                left_at_paint.append(len(window._commands_to_install))
            return False

    spy = PaintSpy()
    window.timeline.view.installEventFilter(spy)
    window.install_commands_when_idle()
    left_per_turn = []
    while window._commands_to_install:
        QApplication.processEvents()
        left_per_turn.append(len(window._commands_to_install))
        assert len(left_per_turn) < 50, "the idle installer stopped before it finished"
    assert left_at_paint and left_at_paint[0] == 5  # the panes painted before any command was built
    assert left_per_turn[-1] == 0 and all(b >= a - 1 for a, b in zip([5, *left_per_turn], left_per_turn))
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == ["File", "Edit", "View", "Present", "Help"]
    assert window.presentation.start_action in window.toolbar.actions()
    window.install_commands_when_idle()  # nothing left: nothing more happens
    assert not window._idle_installer.isActive()


def test_commands_asked_for_while_the_idle_installer_waits_are_installed_once(qtbot, app_font, isolated_home,
                                                                               valid_dataset):
    """Classroom mode from the command line asks for the commands before the dataset has painted."""
    window = deferred_window(qtbot, isolated_home, valid_dataset)
    window.install_commands_when_idle()
    presentation = window.presentation  # installs every piece now
    with qtbot.captureExceptions() as raised:
        qtbot.waitUntil(lambda: not window._idle_installer.isActive() and window.timeline.view.isVisible())
        for _ in range(5):
            QApplication.processEvents()
    assert not raised
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == ["File", "Edit", "View", "Present", "Help"]
    assert window.toolbar.actions().count(presentation.start_action) == 1


def test_the_status_bar_counts_with_the_locales_digit_grouping(make_window, tmp_path):
    from desktop.dataset.loader import load_dataset
    from tests.benchmarks.synthetic import write_synthetic

    window = make_window(load_dataset(write_synthetic(tmp_path / "big", events=1_200)))
    assert window.status_label.text().startswith("1,200 events · ")
