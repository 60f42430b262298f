"""Show the evil dataset everywhere the window can show text, and collect what was shown.

`tour(window, broken_folder)` focuses every event, series and value in turn,
ticks every series on the chart and hovers its points, hovers timeline
markers (a real tooltip event), shows the Sources tab and chooses each
source, asks to open a lookalike link (answering Cancel), presents a lesson
with its notes, opens a broken evil folder (the problems dialog) and the
About dialog, and walks every widget after each step (walk.collect).

Run as a script it does the same in a fresh process and prints one JSON
object, so a parent test can trace its system calls (no file opened, nothing
started) and bound its time:

    python tests/reliability/evil_tour.py WORK_FOLDER SENTINEL_FILE
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `reliability` and `desktop` importable
    sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[2])]
    __package__ = "reliability"

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from .walk import Shown, collect


class UrlRecorder:
    """Stands in for the system browser: records every URL the app hands to QDesktopServices."""

    SCHEMES = ("http", "https", "file", "mailto", "javascript", "data", "ftp", "smb", "factdeck-evil")

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Slot
        from PySide6.QtGui import QDesktopServices

        recorder = self

        class _Handler(QObject):
            @Slot("QUrl")
            def handle(self, url) -> None:
                recorder.calls.append(url.toString())

        self.calls: list[str] = []
        self._handler = _Handler()
        for scheme in self.SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self._handler, "handle")

    def remove(self) -> None:
        from PySide6.QtGui import QDesktopServices

        for scheme in self.SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)


def write_broken_evil(folder: Path, strings: list[str]) -> None:
    """The evil dataset with each string also in a vocabulary cell, so the problems dialog quotes it."""
    events = (folder / "events.csv").read_text(encoding="utf-8")
    events = events.replace("evil-ev-1,event,", f'evil-ev-1,"{strings[1].replace(chr(34), chr(34) * 2)}",', 1)
    events = events.replace("evil-ev-17,event,", f"evil-ev-17,{strings[17]},", 1)
    (folder / "events.csv").write_text(events, encoding="utf-8")


class Tour:
    """Drives one window over the evil dataset and keeps every distinct text it showed."""

    def __init__(self, window, app: QApplication) -> None:
        self.window, self.app = window, app
        self.seen: dict[tuple[str, str, bool], Shown] = {}
        self.link_dialog_text = ""
        self.tooltips: list[str] = []

    def settle(self) -> None:
        for _ in range(2):
            self.app.processEvents()

    def snapshot(self, root=None) -> None:
        """Walk the visible widgets (of `root`, or all) and keep each distinct text."""
        self.settle()
        for item in collect(root):
            self.seen.setdefault((item.where, item.text, item.rich), item)

    def run(self, broken_folder: Path | None) -> list[Shown]:
        w = self.window
        ds = w.dataset
        self.snapshot()
        for event_id in ds.events.index:
            w.state.set_focus(str(event_id), "test")
            self.snapshot(w.citations)
            self.snapshot(w.timeline)
            self._hover_timeline(str(event_id))
        self.snapshot()
        self._chart()
        self._sources_tab()
        self._link()
        self._present()
        if broken_folder is not None:
            w.open_dataset(broken_folder, background=False)
            self.snapshot(w.problems_dialog)
            w.problems_dialog.reject()
        w.about_action.trigger()
        self.snapshot(w.about_dialog)
        w.about_dialog.reject()
        self.snapshot()
        return list(self.seen.values())

    def _chart(self, batch: int = 8) -> None:
        """Tick the series a few at a time (a chart of sixty rows helps nobody), focus and hover each value."""
        w, chart = self.window, self.window.chart
        ids = [str(s) for s in w.dataset.series.index]
        self._hover_series_list()
        for sid in chart.checked_series():
            chart.set_series_checked(sid, False)
        for start in range(0, len(ids), batch):
            group = ids[start:start + batch]
            for sid in group:
                chart.set_series_checked(sid, True)
            self.snapshot(chart)
            for sid in group:
                w.state.set_focus(sid, "test")
                self.snapshot(w.citations)
                observation = f"{sid}@2020"
                if w.dataset.kind_of(observation) == "observation":
                    w.state.set_focus(observation, "test")
                    self.snapshot(w.citations)
                self._hover_chart(sid)
            self.snapshot(chart)
            for sid in group:
                chart.set_series_checked(sid, False)

    def _hover_timeline(self, event_id: str) -> None:
        view = self.window.timeline.view
        point = view.marker_point(view.model.index_of[event_id])
        if point is None:
            return
        event = QHelpEvent(QEvent.Type.ToolTip, point.toPoint(), view.mapToGlobal(point.toPoint()))
        QApplication.sendEvent(view, event)
        if QToolTip.isVisible():
            self.tooltips.append(QToolTip.text())
            self.seen.setdefault(("QToolTip shown by timeline", QToolTip.text(), True),
                                 Shown("QToolTip shown by timeline", QToolTip.text(), Qt_might(QToolTip.text()),
                                       "timelinePane"))
            QToolTip.hideText()

    def _hover_series_list(self) -> None:
        """A real tooltip event over each row of the chart's series list, as a pointer resting there."""
        tree = self.window.chart.series_list
        items = tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
        for item in items:
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            if rect.isEmpty():
                continue
            point = rect.center()
            QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, point,
                                                               tree.viewport().mapToGlobal(point)))
            if QToolTip.isVisible():
                text = QToolTip.text()
                self.seen.setdefault(("QToolTip shown by the series list", text, True),
                                     Shown("QToolTip shown by the series list", text, Qt_might(text), "chartPane"))
                QToolTip.hideText()

    def _hover_chart(self, series_id: str) -> None:
        chart = self.window.chart
        found = chart.canvas.drawn_of(series_id)
        if found is None:
            return
        _row, drawn = found
        for i in range(len(drawn.series.x)):
            scene = drawn.vb.mapViewToScene(QPointF(drawn.series.x[i], drawn.y[i]))
            chart._on_scene_mouse_moved(scene)  # the slot the scene's sigMouseMoved reaches
            self.snapshot(chart.view)  # the hover tooltip lives in the plot scene
            text = chart.hover_text()
            if text:
                self.tooltips.append(text)

    def _sources_tab(self) -> None:
        from desktop.ui.citation_pane import SOURCES_TAB

        pane = self.window.citations
        pane.tabs.setCurrentIndex(SOURCES_TAB)
        self.snapshot(pane)
        # Choosing a source filters every pane; a few show the "Showing only facts from" line.
        for source_id in ("evil-src-0", "evil-src-17", "evil-src-18"):
            pane.sources_view.choose(source_id)
            self.snapshot(pane)
        pane.sources_view.choose(None)
        pane.tabs.setCurrentIndex(0)

    def _link(self) -> None:
        """Ask to open a lookalike-host link; read the confirmation, answer Cancel."""
        self.window.state.set_focus("evil-ev-0", "test")
        self.settle()
        from PySide6.QtWidgets import QPushButton

        buttons = [b for b in self.window.citations.findChildren(QPushButton, "openInBrowser") if b.isVisible()]
        if not buttons:
            return

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                self.link_dialog_text = box.text()
                self.snapshot(box)
                box.reject()
            else:
                QTimer.singleShot(10, answer)

        QTimer.singleShot(0, answer)
        buttons[0].click()

    def _present(self) -> None:
        presentation = self.window.presentation
        for lesson in ("evil-l-0", "evil-l-5", "evil-l-17"):
            presentation.start(lesson, 1, full_screen=False)
            presentation.set_notes_visible(True)
            self.snapshot()
            presentation.stop()
        self.settle()


def Qt_might(text: str) -> bool:  # noqa: N802 - mirrors Qt.mightBeRichText
    from PySide6.QtGui import Qt

    return bool(text) and Qt.mightBeRichText(text)


def literal_panes(shown: list[Shown], strings: list[str]) -> list[list[str]]:
    """For each injection string, the panes (or windows) where a reader sees its first characters as written."""
    from desktop.ui.safe_text import visible

    from .walk import item_problems

    readable = [(item.pane, item.displayed() if item.rich else item.text)
                for item in shown if not (item.rich and item_problems(item))]
    return [sorted({pane for pane, text in readable if visible(s)[:16] in text}) for s in strings]


def show_canary(path: Path) -> None:
    """Rich text with an image, shown on purpose: proves the parent's trace would see a file being opened."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(f'<img src="{path}"> canary')
    label.setTextFormat(Qt.TextFormat.RichText)
    label.show()
    QApplication.processEvents()
    label.close()


def main(work: Path, sentinel: Path) -> int:
    """The whole tour in this process; print a JSON summary on stdout."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
    from PySide6.QtCore import qInstallMessageHandler

    from desktop.app import create_application
    from desktop.dataset.loader import load_dataset
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow

    from .injection import write_evil_dataset
    from .walk import item_problems

    warnings: list[str] = []
    qInstallMessageHandler(lambda mode, _ctx, message: warnings.append(f"{mode.name}: {message}"))
    app = create_application()
    urls = UrlRecorder()
    folder, broken = work / "evil", work / "evil-broken"
    strings = write_evil_dataset(folder, sentinel)
    write_evil_dataset(broken, sentinel)
    write_broken_evil(broken, strings)
    started = time.perf_counter()
    dataset = load_dataset(folder)
    window = MainWindow(SelectionState(), Settings())
    window.resize(1600, 1000)
    window.show()
    window.set_dataset(dataset)
    app.processEvents()
    rendered = time.perf_counter() - started
    tour = Tour(window, app)
    shown = tour.run(broken)
    seconds = time.perf_counter() - started
    by_pane: dict[str, list[str]] = {}
    for item in shown:
        for line in item_problems(item):
            by_pane.setdefault(item.pane, [])
            if line not in by_pane[item.pane]:
                by_pane[item.pane].append(line)
    result = {
        "render_seconds": rendered, "tour_seconds": seconds, "shown": len(shown), "problems": by_pane,
        "literal": literal_panes(shown, strings), "url_calls": urls.calls, "link_dialog": tour.link_dialog_text,
        "tooltips_seen": len(tour.tooltips), "warnings": warnings,
    }
    window.close()
    show_canary(work / "canary.png")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
