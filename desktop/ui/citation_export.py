"""Citing from the citation pane: which sources are behind what is shown, and the export dialog.

`sources_shown` and `sources_of_lesson` answer "which sources" with whole-table
operations (no loop over facts), so a bibliography of 100,000 events is quick.
`ExportBibliographyDialog` asks what to export and in which format;
`save_bibliography` asks for a file (the save dialog asks before overwriting)
and writes it through the one atomic writer.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMessageBox,
    QRadioButton, QVBoxLayout, QWidget,
)

from ..dataset.dataset import Dataset
from ..dataset.filters import Filters
from ..fileio import WriteError, write_atomic
from .safe_text import visible

STYLE_NAMES = {
    "apa": "APA 7", "mla": "MLA 9", "chicago": "Chicago",
    "bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON",
}
FILE_SUFFIXES = {"apa": ".txt", "mla": ".txt", "chicago": ".txt", "bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CitationExport", text)


def file_filter(style: str) -> str:
    """The save dialog's filter for a style's files."""
    suffix = FILE_SUFFIXES[style]
    kind = {".txt": _tr("Text"), ".bib": "BibTeX", ".ris": "RIS", ".json": "CSL-JSON"}[suffix]
    return f"{kind} (*{suffix})"


def _sources_of_citations(dataset: Dataset, mask: np.ndarray) -> list[str]:
    return list(dict.fromkeys(dataset.citations.loc[mask, "source_id"]))


def sources_behind(dataset: Dataset, events: Iterable[str], series: Iterable[str],
                   values: Iterable[str] | None = None) -> list[str]:
    """Sources cited for these events and series (with each series' values), in citation order.

    `values` limits the value-level citations to those `series_id@period`
    targets; None takes every value of the series.
    """
    cites = dataset.citations
    series = set(series)
    mask = cites["target"].isin(set(events)).to_numpy()
    mask = mask | ((cites["target_kind"] == "series") & cites["series_id"].isin(series)).to_numpy()
    on_values = ((cites["target_kind"] == "observation") & cites["series_id"].isin(series)).to_numpy()
    if values is not None:
        on_values = on_values & cites["target"].isin(set(values)).to_numpy()
    return _sources_of_citations(dataset, mask | on_values)


def sources_shown(dataset: Dataset, filters: Filters) -> list[str]:
    """The sources behind what the current filters show: the events that pass and the series shown.

    Series have no category, so only a source filter narrows them (to the
    series that source backs) and a date range narrows their values.
    """
    events = dataset.events.index[dataset.event_mask(filters)]
    series = dataset.series.index
    if filters.source_id is not None:
        series = [s for s in series if s in dataset.series_for_source(filters.source_id)]
    values = None
    if filters.date_range is not None:
        lo, hi = filters.date_range
        obs = dataset.observations
        inside = obs[(obs["x1"] >= lo) & (obs["x0"] <= hi)]
        values = inside["series_id"] + "@" + inside["period"]
    return sources_behind(dataset, events, series, values)


def sources_of_lesson(dataset: Dataset, lesson_id: str) -> list[str]:
    """The sources behind every step of a lesson (a series step brings its values' sources too)."""
    targets = list(dataset.lesson_steps(lesson_id)["target"])
    events = [t for t in targets if t in dataset.events.index]
    series = [t for t in targets if t in dataset.series.index]
    cites = dataset.citations
    mask = cites["target"].isin(set(targets)).to_numpy()
    mask = mask | ((cites["target_kind"] == "series") &
             cites["series_id"].isin({t.partition("@")[0] for t in targets if "@" in t})).to_numpy()
    return list(dict.fromkeys(_sources_of_citations(dataset, mask) + sources_behind(dataset, events, series)))


class ExportBibliographyDialog(QDialog):
    """Asks what to export (what is shown, or a lesson) and in which format."""

    def __init__(self, dataset: Dataset, filters: Filters, style: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportBibliographyDialog")
        self.setWindowTitle(_tr("Export bibliography"))
        self.dataset, self.filters = dataset, filters
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("Save a list of the sources, ready for a worksheet or a reference manager."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.scope = QButtonGroup(self)
        self.shown_choice = QRadioButton(_tr("What is shown now ({count} sources)").format(
            count=len(sources_shown(dataset, filters))), self)
        self.shown_choice.setObjectName("exportShown")
        self.shown_choice.setChecked(True)
        self.lesson_choice = QRadioButton(_tr("A lesson:"), self)
        self.lesson_choice.setObjectName("exportLesson")
        self.lesson_combo = QComboBox(self)
        self.lesson_combo.setObjectName("exportLessonChoice")
        self.lesson_combo.setAccessibleName(_tr("Lesson to export"))
        for lesson_id, title in dataset.lesson_list(lang):
            self.lesson_combo.addItem(visible(title), lesson_id)
        has_lessons = self.lesson_combo.count() > 0
        self.lesson_choice.setEnabled(has_lessons)
        self.lesson_combo.setEnabled(False)
        self.lesson_choice.toggled.connect(self.lesson_combo.setEnabled)
        if not has_lessons:
            self.lesson_choice.setToolTip(_tr("This dataset has no lessons."))
        for button in (self.shown_choice, self.lesson_choice):
            self.scope.addButton(button)
        layout.addWidget(self.shown_choice)
        layout.addWidget(self.lesson_choice)
        layout.addWidget(self.lesson_combo)

        form = QFormLayout()
        self.style_combo = QComboBox(self)
        self.style_combo.setObjectName("exportStyle")
        self.style_combo.setAccessibleName(_tr("Bibliography format"))
        for key, name in STYLE_NAMES.items():
            self.style_combo.addItem(name, key)
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(style)))
        form.addRow(_tr("Format:"), self.style_combo)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   Qt.Orientation.Horizontal, self)
        buttons.setObjectName("exportButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_tr("Save…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    @property
    def style(self) -> str:
        return self.style_combo.currentData()

    @property
    def lesson_id(self) -> str | None:
        """The chosen lesson, or None for "what is shown"."""
        return self.lesson_combo.currentData() if self.lesson_choice.isChecked() else None

    def source_ids(self) -> list[str]:
        """The sources the user asked for."""
        if self.lesson_id is not None:
            return sources_of_lesson(self.dataset, self.lesson_id)
        return sources_shown(self.dataset, self.filters)

    def suggested_name(self) -> str:
        stem = self.lesson_id or self.dataset.name
        return f"{stem}-bibliography{FILE_SUFFIXES[self.style]}"


def save_bibliography(parent: QWidget, text: str, style: str, suggested: str) -> str | None:
    """Ask where to save `text` and write it; return the path written, or None (cancelled or failed).

    A failure is shown in a message box that says what happened and what to do.
    """
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Export bibliography"), suggested, file_filter(style))
    if not path:
        return None
    suffix = FILE_SUFFIXES[style]
    # A bare name gets the format's suffix, unless that would replace a file the dialog did not ask about.
    if not Path(path).suffix and not Path(path + suffix).exists():
        path += suffix
    try:
        write_atomic(path, text if text.endswith("\n") else text + "\n")
    except WriteError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Bibliography not saved"), "", QMessageBox.StandardButton.Ok,
                          parent)
        box.setObjectName("exportFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_tr("The bibliography could not be saved.\n\n{reason}\n\n"
                        "Try again and choose another folder, such as your Documents folder.")
                    .format(reason=str(error)))
        box.open()
        return None
    return path
