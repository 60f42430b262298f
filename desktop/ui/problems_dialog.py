"""The dialog that lists every problem of a dataset that was refused."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from .safe_text import visible


class ProblemsDialog(QDialog):
    """Shows `FILE:LINE:COLUMN: message` lines as plain text, with a Copy button."""

    def __init__(self, folder: Path, problems: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(self.tr("Dataset not opened"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "{folder} was not opened because it has {count} problem(s). "
            "The dataset already open stays open. Fix these in the files and open it again:"
        ).format(folder=str(folder), count=len(problems)))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("problemsList")
        self.text.setAccessibleName(self.tr("Problems found"))
        self.text.setReadOnly(True)
        # A message quotes cells: direction controls in them are shown as markers, not obeyed.
        self.text.setPlainText(visible("\n".join(str(p) for p in problems)))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("Copy list"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
