"""The main window: menus, toolbar, and the three panes in splitters.

It owns no data logic. It holds the current dataset, builds the panes for it
(each pane takes the dataset and the shared SelectionState), and replaces
them all when another dataset loads. A dataset that fails to load leaves the
current one on screen and shows every problem.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QRect, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QWidget

from .. import settings as keys
from ..settings import Settings
from ..state import SelectionState
from .i18n import format_number
from .load_job import DatasetLoadJob
from .safe_text import visible

if TYPE_CHECKING:  # the panes pull in pandas and pyqtgraph: not before the window is on screen
    from PySide6.QtGui import QCloseEvent

    from ..dataset.dataset import Dataset
    from .chart_pane import ChartPane
    from .citation_pane import CitationPane
    from .presentation import PresentationController
    from .timeline_pane import TimelinePane


# The first frame names no `Qt.` constant: the first use of one (or of QSplitter, or of a
# standard shortcut or menu role) makes PySide build the whole Qt namespace, ~1,000 enum
# members and ~28 ms, which would then come before the window appears. What that frame
# needs is set by value through Qt's property system; the rest is built just after it.
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
PAINT_EVENT = 12  # QEvent.Type.Paint


class MainWindow(QMainWindow):
    """Factdeck's window. `dataset_changed` fires after new panes are in place."""

    dataset_changed = Signal(object)
    load_failed = Signal(object, list)  # folder, problems

    def __init__(self, state: SelectionState, settings: Settings, parent: QWidget | None = None,
                 *, defer_commands: bool = False) -> None:
        """Build the window; with `defer_commands` the classroom, export, authoring and language
        commands wait for `install_commands()` or `install_commands_when_idle()` (the app's choice)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.state = state
        self.settings = settings
        self.dataset: Dataset | None = None
        self.timeline: TimelinePane | None = None
        self.chart: ChartPane | None = None
        self.citations: CitationPane | None = None
        self._job: DatasetLoadJob | None = None
        self._presentation: PresentationController | None = None
        # The pieces `install_commands` adds, in the order they are installed (menus keep their order).
        self._commands_to_install = ["present", "export", "edit", "language", "zoom"]
        self._idle_installer = QTimer(self)
        self._idle_installer.setInterval(0)
        self._idle_installer.timeout.connect(self._on_idle_install)

        self.main_splitter: QSplitter | None = None  # made just after the first frame
        self.lower_splitter: QSplitter | None = None
        self._pages = QStackedWidget(self)  # "Opening dataset…", then the splitters with the panes
        self._pages.setObjectName("mainPages")
        self._placeholder = QLabel(self.tr("Opening dataset…"), self._pages)
        self._placeholder.setProperty("alignment", ALIGN_CENTER)
        self._pages.addWidget(self._placeholder)
        self.setCentralWidget(self._pages)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusDataset")
        self.status_label.setProperty("textFormat", PLAIN_TEXT)
        self.statusBar().addPermanentWidget(self.status_label)
        if not defer_commands:
            self.install_commands()
        self.setWindowTitle("Factdeck")
        self.restore_layout()

    # ---- commands installed after the first paint ----------------------------------
    def install_commands(self) -> None:
        """Add the classroom (Present), export, authoring (Edit), language and Help commands now; once.

        Importing and building them takes a few hundredths of a second, which
        neither the first frame nor the first dataset need wait for: the app
        installs them piece by piece once the dataset is on screen
        (`install_commands_when_idle`). Asking for them sooner (classroom mode
        from the command line, a test) installs whatever is still missing.
        """
        self._finish_first_frame()
        while self._commands_to_install:
            self._install_next_command()

    def install_commands_when_idle(self) -> None:
        """Install the commands one piece per turn of the event loop, starting once the window has painted.

        The window's paint comes from a timer of the platform's, which a
        zero-interval timer would overtake; so the pieces wait for the central
        page's next paint (the dataset's first, when called as a dataset
        arrives), and each takes a few milliseconds: a click or a key waits at
        most one piece.
        """
        if not self._commands_to_install or self._idle_installer.isActive():
            return
        page = self._pages.currentWidget()
        if page is self.main_splitter and self.timeline is not None:
            self.timeline.installEventFilter(self)
            self.timeline.update()
        else:
            self._idle_installer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.timeline and event.type() == PAINT_EVENT:
            watched.removeEventFilter(self)
            self._idle_installer.start()  # its first turn comes after this paint and the panes painted with it
        return False

    def _on_idle_install(self) -> None:
        if self._commands_to_install:  # `install_commands` may have installed the rest meanwhile
            self._finish_first_frame()
            self._install_next_command()
        if not self._commands_to_install:
            self._idle_installer.stop()

    def _install_next_command(self) -> None:
        piece = self._commands_to_install.pop(0)
        if piece == "present":
            from .presentation import PresentationController

            self._presentation = PresentationController(self, self.state, self.settings)
            self._presentation.fill_menu(self.present_menu)
            self.toolbar.addAction(self._presentation.start_action)
        elif piece == "export":
            from .export_actions import install_export_menu

            install_export_menu(self)
        elif piece == "edit":
            from .authoring_actions import install_authoring

            install_authoring(self)
        elif piece == "language":
            from .language_actions import install_language_and_help

            install_language_and_help(self)
        elif piece == "zoom":
            from .zoom_actions import install_zoom

            install_zoom(self)

    @property
    def presentation(self) -> PresentationController:
        """Classroom mode; asking for it installs the deferred commands if they are not yet."""
        if self._presentation is None:
            self.install_commands()
        return self._presentation

    def _finish_first_frame(self) -> None:
        """What the first frame did without: the splitters, the standard shortcuts and menu roles; once."""
        if self.main_splitter is not None:
            return
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.main_splitter = QSplitter(QtCore.Qt.Orientation.Vertical, self._pages)
        self.main_splitter.setObjectName("mainSplitter")
        self.lower_splitter = QSplitter(QtCore.Qt.Orientation.Horizontal, self.main_splitter)
        self.lower_splitter.setObjectName("lowerSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        self.lower_splitter.setChildrenCollapsible(False)
        self._pages.addWidget(self.main_splitter)

    # ---- actions and menus ------------------------------------------------
    def _build_actions(self) -> None:
        self.open_action = QAction(self.tr("&Open dataset…"), self)
        self.open_action.setStatusTip(self.tr("Open another dataset folder"))
        self.open_action.triggered.connect(self._on_open_triggered)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About Factdeck"), self)
        self.about_action.triggered.connect(self._on_about_triggered)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("viewMenu")
        self.present_menu = bar.addMenu(self.tr("&Present"))
        self.present_menu.setObjectName("presentMenu")
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.open_action)  # "Start presenting" follows in install_commands()
        self.addToolBar(self.toolbar)

    # ---- dataset ----------------------------------------------------------
    def set_dataset(self, dataset: Dataset) -> None:
        """Show a dataset: new panes replace the old ones, the selection starts afresh."""
        from .chart_pane import ChartPane
        from .citation_pane import CitationPane
        from .timeline_pane import TimelinePane

        self._finish_first_frame()
        old_panes = [w for w in (self.timeline, self.chart, self.citations) if w is not None]
        placeholder, self._placeholder = self._placeholder, None
        self.state.reset()
        self.dataset = dataset
        kept_sizes = [self.main_splitter.sizes(), self.lower_splitter.sizes()] if old_panes else None
        self.main_splitter.hide()  # hidden, the splitters lay the new panes out once, when shown again
        for widget in old_panes:  # out first, so the new panes are laid out once, at their sizes
            self._discard(widget)
        self.timeline = TimelinePane(dataset, self.state)
        self.chart = ChartPane(dataset, self.state, settings=self.settings)
        self.citations = CitationPane(dataset, self.state, settings=self.settings)
        self.main_splitter.insertWidget(0, self.timeline)
        self.lower_splitter.insertWidget(0, self.chart)
        self.lower_splitter.insertWidget(1, self.citations)
        if kept_sizes:  # another dataset keeps the panes' sizes as the teacher left them
            self.main_splitter.setSizes(kept_sizes[0])
            self.lower_splitter.setSizes(kept_sizes[1])
        else:
            self._restore_splitters()  # before the page is shown
        self._pages.setCurrentWidget(self.main_splitter)
        self.main_splitter.show()
        if placeholder is not None:
            self._discard(placeholder)
        self.setWindowTitle(f"{visible(dataset.title)} — Factdeck")
        self.status_label.setText(self.tr("{events} events · {series} series · {sources} sources").format(
            events=format_number(len(dataset.events)), series=format_number(len(dataset.series)),
            sources=format_number(len(dataset.sources))))
        self.dataset_changed.emit(dataset)

    @staticmethod
    def _discard(widget: QWidget) -> None:
        widget.hide()
        widget.setParent(None)
        widget.deleteLater()

    def open_dataset(self, folder: Path, background: bool = True) -> DatasetLoadJob:
        """Load a folder; on success it replaces the current dataset, on failure a dialog lists why."""
        job = DatasetLoadJob(folder, self)
        job.loaded.connect(self._on_job_loaded)
        job.failed.connect(lambda problems: self._on_job_failed(folder, problems))
        job.progress.connect(lambda fraction, message: self.statusBar().showMessage(message))
        self._job = job
        self.statusBar().showMessage(self.tr("Opening {folder}…").format(folder=str(folder)))
        if background:
            job.start()
        else:
            job.run_here()
        return job

    def _on_job_loaded(self, dataset: Dataset) -> None:
        self.statusBar().clearMessage()
        self.set_dataset(dataset)
        self.settings.set(keys.LAST_DATASET, str(dataset.root))

    def _on_job_failed(self, folder: Path, problems: list) -> None:
        self.statusBar().clearMessage()
        from .problems_dialog import ProblemsDialog  # only when a dataset fails: not before the first paint

        self.problems_dialog = ProblemsDialog(folder, problems, self)
        self.problems_dialog.open()
        self.load_failed.emit(folder, problems)

    def _on_open_triggered(self) -> None:
        start = str(self.dataset.root.parent) if self.dataset else ""
        from PySide6.QtWidgets import QFileDialog  # its type (and enums) are made on first use: not at start-up

        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a dataset folder"), start)
        if folder:
            self.open_dataset(Path(folder))

    def _on_about_triggered(self) -> None:
        from .about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def set_chrome_visible(self, visible: bool) -> None:
        """Hide the menu bar, the window's toolbars and the status bar (classroom mode), or bring back those that were shown."""
        if not visible:
            bars = [self.menuBar(), self.statusBar(), *self.findChildren(QToolBar, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly)]
            self._chrome_shown = [w for w in bars if w.isVisible()]
            for widget in self._chrome_shown:
                widget.hide()
        else:
            for widget in getattr(self, "_chrome_shown", []):
                widget.show()
            self._chrome_shown = []

    # ---- layout persistence ---------------------------------------------------
    def restore_layout(self) -> None:
        """Restore size and position, but only onto a screen that exists now."""
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if not geometry or not self._on_a_screen(self.frameGeometry()):
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen else QRect(0, 0, 1440, 900)
            width, height = min(1440, available.width()), min(900, available.height())
            self.resize(width, height)
            self.move(available.center().x() - width // 2, available.center().y() - height // 2)
        state = self.settings.get(keys.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")), keys.LAYOUT_VERSION)

    @staticmethod
    def _on_a_screen(rect: QRect) -> bool:
        return any(screen.availableGeometry().intersects(rect) for screen in QGuiApplication.screens())

    def _restore_splitters(self) -> None:
        for splitter, key, sizes in (
            (self.main_splitter, keys.SPLITTER_MAIN, [2, 3]),
            (self.lower_splitter, keys.SPLITTER_LOWER, [3, 2]),
        ):
            saved = self.settings.get(key)
            if not (saved and splitter.restoreState(QByteArray.fromBase64(saved.encode("ascii")))):
                total = sum(sizes)
                extent = self._pages.height() if splitter.orientation() == QtCore.Qt.Orientation.Vertical else self._pages.width()
                splitter.setSizes([max(1, extent * s // total) for s in sizes])

    def save_layout(self) -> None:
        def encode(data: QByteArray) -> str:
            return bytes(data.toBase64().data()).decode("ascii")

        self.settings.set(keys.WINDOW_GEOMETRY, encode(self.saveGeometry()))
        self.settings.set(keys.WINDOW_STATE, encode(self.saveState(keys.LAYOUT_VERSION)))
        if self.dataset is not None:
            self.settings.set(keys.SPLITTER_MAIN, encode(self.main_splitter.saveState()))
            self.settings.set(keys.SPLITTER_LOWER, encode(self.lower_splitter.saveState()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._presentation is not None:
            self._presentation.stop()  # save the normal layout, not the full-screen slides
        self.save_layout()
        super().closeEvent(event)
