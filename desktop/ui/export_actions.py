"""File › Export: handout PDFs, the data as CSV, and a Data Package, from the main window.

`install_export_menu(window)` adds the submenu and keeps its actions enabled
only while a dataset is open. Each export asks where to save (the save
dialog asks before replacing a file; a Data Package folder that is not empty
is replaced only after a question), runs with a progress dialog that can
cancel it (a cancelled export leaves nothing behind), and on failure says
what happened and what to do. "What is shown" means the current filters and
the series the chart shows.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMenu, QMessageBox,
    QProgressDialog, QVBoxLayout, QWidget,
)

from . import i18n
from .safe_text import visible

LESSON, SHOWN = "lesson", "shown"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportActions", text)


def install_export_menu(window) -> QMenu:
    """Add File › Export to the main window (before Quit) and return the submenu."""
    menu = QMenu(_tr("&Export"), window)
    menu.setObjectName("exportMenu")
    actions = {
        "exportHandoutLesson": (_tr("Handout PDF for a &lesson…"), lambda: export_handout(window, LESSON)),
        "exportHandoutShown": (_tr("Handout PDF of what is &shown…"), lambda: export_handout(window, SHOWN)),
        "exportCsv": (_tr("Data as &CSV…"), lambda: export_csv(window)),
        "exportPackage": (_tr("Data &Package…"), lambda: export_package(window)),
    }
    for name, (text, slot) in actions.items():
        action = QAction(text, menu)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
    file_menu = window.file_menu
    entries = file_menu.actions()
    quit_action = getattr(window, "quit_action", None)
    before = None
    if quit_action in entries:
        index = entries.index(quit_action)
        before = entries[index - 1] if index and entries[index - 1].isSeparator() else quit_action
    if before is not None:
        file_menu.insertMenu(before, menu)
    else:
        file_menu.addMenu(menu)

    def update(_dataset=None) -> None:
        has = getattr(window, "dataset", None) is not None
        for action in menu.actions():
            action.setEnabled(has)
        menu.findChild(QAction, "exportHandoutLesson").setEnabled(has and bool(len(window.dataset.lessons)))

    window.dataset_changed.connect(update)
    update()
    window.export_menu = menu
    return menu


# ---- the exports -----------------------------------------------------------------
def _shown(window):
    from ..dataset.export_data import subset_of_filters

    series = window.chart.shown_series() if window.chart is not None else []
    return subset_of_filters(window.dataset, window.state.filters, series, title=_tr("What is shown"))


def export_handout(window, scope: str) -> str | None:
    """Ask for the lesson (for a lesson), style and paper, then where to save; write the PDF."""
    from ..export.handout import lesson_sections, shown_sections, write_handout
    from .citation_export import sources_behind, sources_of_lesson

    dataset = window.dataset
    style = getattr(window.citations, "style", "apa") if window.citations is not None else "apa"
    dialog = HandoutDialog(dataset, scope == LESSON, style, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    lang, data_lang = i18n.language(), i18n.data_language()
    if scope == LESSON:
        lesson_id = dialog.lesson_id
        sections = lesson_sections(dataset, lesson_id, data_lang)
        sources = sources_of_lesson(dataset, lesson_id)
        title = dict(dataset.lesson_list(data_lang))[lesson_id]
        chart_series, filters, stem = None, None, lesson_id
    else:
        subset = _shown(window)
        sections = shown_sections(dataset, subset, data_lang)
        sources = sources_behind(dataset, subset.events, subset.series, subset.values)
        title, chart_series, filters, stem = subset.title, list(subset.series), window.state.filters, "shown"
    path = _ask_file(window, _tr("Save handout"), f"{dataset.name}-{stem}-handout.pdf", _tr("PDF document (*.pdf)"), ".pdf")
    if not path:
        return None
    return _run(window, _tr("Writing the handout…"), path, lambda progress: write_handout(
        dataset, sections, sources, path, title=title, style=dialog.style, page=dialog.page, lang=lang, force=True,
        chart_series=chart_series, filters=filters, progress=progress))


def export_csv(window) -> str | None:
    """Ask where to save, then write what is shown as one spreadsheet CSV."""
    from ..dataset.export_data import write_csv

    subset = _shown(window)
    path = _ask_file(window, _tr("Save data as CSV"), f"{window.dataset.name}-shown.csv", _tr("CSV for spreadsheets (*.csv)"), ".csv")
    if not path:
        return None
    return _run(window, _tr("Writing the CSV…"), path, lambda progress: write_csv(
        window.dataset, subset, path, i18n.data_language(), force=True, progress=progress))


def export_package(window) -> str | None:
    """Ask for a new folder, then write what is shown as a Data Package there."""
    from ..dataset.export_data import write_package

    subset = _shown(window)
    path, _ = QFileDialog.getSaveFileName(window, _tr("Save as a Data Package folder"), f"{window.dataset.name}-shown",
                                          _tr("Folder (*)"), "", QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    target = Path(path)
    if target.exists() and not target.is_dir():
        _fail(window, _tr("{path} is a file. Choose a name for a new folder.").format(path=path))
        return None
    if target.is_dir() and any(target.iterdir()):
        answer = QMessageBox.question(
            window, _tr("Replace folder?"),
            _tr("The folder {path} already exists and is not empty. Replace it and everything in it?").format(path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return _run(window, _tr("Writing the Data Package…"), path, lambda progress: write_package(
        window.dataset, subset, path, force=True, progress=progress))


def _ask_file(window, caption: str, suggested: str, file_filter: str, suffix: str) -> str | None:
    """The save dialog (it asks before replacing a file); a bare name gets the suffix if that replaces nothing."""
    start = str(Path.home() / suggested)
    path, _ = QFileDialog.getSaveFileName(window, caption, start, file_filter)
    if not path:
        return None
    if not Path(path).suffix and not Path(path + suffix).exists():
        path += suffix
    return path


def _run(window, label: str, path: str, work: Callable) -> str | None:
    """Run an export behind a cancellable progress dialog; return the path, or None if cancelled or failed."""
    from ..dataset.export_data import ExportCancelled, ExportError

    dialog = QProgressDialog(label, _tr("Cancel"), 0, 1000, window)
    dialog.setObjectName("exportProgress")
    dialog.setWindowTitle(_tr("Export"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def progress(fraction: float, message: str) -> bool:
        dialog.setLabelText(visible(message))
        dialog.setValue(int(fraction * 1000))
        QApplication.processEvents()
        return not dialog.wasCanceled()

    window.export_progress = dialog
    try:
        work(progress)
    except ExportCancelled:
        window.statusBar().showMessage(_tr("Export cancelled; nothing was saved."), 8000)
        return None
    except ExportError as error:
        _fail(window, str(error))
        return None
    finally:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
    window.statusBar().showMessage(_tr("Saved {path}.").format(path=path), 8000)
    return path


def _fail(window, reason: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Export failed"), "", QMessageBox.StandardButton.Ok, window)
    box.setObjectName("exportFailed")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("Nothing was saved.\n\n{reason}\n\nTry again and choose another name or folder, "
                    "such as one in your Documents folder.").format(reason=reason))
    window.export_failed = box
    box.open()


class HandoutDialog(QDialog):
    """Asks for the lesson (when exporting one), the bibliography style and the paper size."""

    def __init__(self, dataset, with_lesson: bool, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle(_tr("Handout PDF"))
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("A title page, a section per step with its chart and quotes, and the sources."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.lesson_combo = QComboBox(self)
        self.lesson_combo.setObjectName("handoutLesson")
        for lesson_id, title in dataset.lesson_list(i18n.data_language()):
            self.lesson_combo.addItem(visible(title), lesson_id)
        if with_lesson:
            form.addRow(_tr("Lesson:"), self.lesson_combo)
        else:
            self.lesson_combo.hide()
        self.style_combo = QComboBox(self)
        self.style_combo.setObjectName("handoutStyle")
        for key, name in (("apa", "APA 7"), ("mla", "MLA 9"), ("chicago", "Chicago")):
            self.style_combo.addItem(name, key)
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(style)))
        form.addRow(_tr("Sources in:"), self.style_combo)
        self.page_combo = QComboBox(self)
        self.page_combo.setObjectName("handoutPage")
        self.page_combo.addItem(_tr("A4"), "a4")
        self.page_combo.addItem(_tr("US Letter"), "letter")
        letter_countries = (QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico)
        self.page_combo.setCurrentIndex(1 if QLocale.system().territory() in letter_countries else 0)
        form.addRow(_tr("Paper:"), self.page_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("handoutButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_tr("Save…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    @property
    def lesson_id(self) -> str | None:
        return self.lesson_combo.currentData()

    @property
    def style(self) -> str:
        return self.style_combo.currentData()

    @property
    def page(self) -> str:
        return self.page_combo.currentData()
