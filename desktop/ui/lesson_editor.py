"""The lesson editor: a dock listing a lesson's steps, to reorder, retitle, annotate, remove and try.

Steps are added with Edit › Add to lesson (Ctrl+L) on the focused fact. The
list can be reordered by dragging or with Alt+Up / Alt+Down; Delete removes a
step. Every change goes through the Authoring controller, so it is undoable
and checked; the list redraws from the draft after each one.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from .i18n import data_language

UID = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("LessonEditor", text)


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #B00020;")
    label.hide()
    return label


class LessonEditor(QDockWidget):
    """See the module docstring. `lesson_id` is the lesson shown ("" before its first step)."""

    def __init__(self, authoring, parent: QWidget | None = None) -> None:
        super().__init__(tr("Lesson editor"), parent)
        self.setObjectName("lessonEditor")
        self.authoring = authoring
        self.lesson_id = ""
        self.pending_title = ""
        self._filling = False
        body = QWidget(self)
        layout = QVBoxLayout(body)

        row = QHBoxLayout()
        self.chooser = QComboBox(body)
        self.chooser.setObjectName("lessonChooser")
        self.chooser.activated.connect(self._on_chosen)
        row.addWidget(self.chooser, 1)
        self.new_button = QPushButton(tr("New lesson"), body)
        self.new_button.setObjectName("newLessonButton")
        self.new_button.clicked.connect(self.new_lesson)
        row.addWidget(self.new_button)
        layout.addLayout(row)

        layout.addWidget(QLabel(tr("Lesson title"), body))
        self.title_edit = QLineEdit(body)
        self.title_edit.setObjectName("lessonTitle")
        self.title_edit.textEdited.connect(self._on_lesson_title)
        layout.addWidget(self.title_edit)
        self.title_problem = _problem_label(body, "lessonTitleProblem")
        layout.addWidget(self.title_problem)

        self.hint = QLabel(tr("Click a fact in any pane, then Edit › Add to lesson (Ctrl+L)."), body)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.steps = QListWidget(body)
        self.steps.setObjectName("stepList")
        self.steps.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.steps.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.currentRowChanged.connect(lambda _: self._show_step())
        self.steps.model().rowsMoved.connect(lambda *_: self._on_dragged())
        layout.addWidget(self.steps, 1)
        for keys, slot in (("Alt+Up", lambda: self.move(-1)), ("Alt+Down", lambda: self.move(1)),
                           (QKeySequence.StandardKey.Delete, self.remove)):
            shortcut = QShortcut(QKeySequence(keys), self.steps, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        buttons = QHBoxLayout()
        self.up_button = self._button(body, buttons, "moveUpButton", tr("Move up"), lambda: self.move(-1))
        self.down_button = self._button(body, buttons, "moveDownButton", tr("Move down"), lambda: self.move(1))
        self.remove_button = self._button(body, buttons, "removeStepButton", tr("Remove"), self.remove)
        self.try_button = self._button(body, buttons, "tryLessonButton", tr("Try it"), self.try_it)
        layout.addLayout(buttons)

        layout.addWidget(QLabel(tr("Step title (empty: the fact's own title)"), body))
        self.step_title = QLineEdit(body)
        self.step_title.setObjectName("stepTitle")
        self.step_title.textEdited.connect(lambda text: self._edit_step("title", text, self.step_title_problem))
        layout.addWidget(self.step_title)
        self.step_title_problem = _problem_label(body, "stepTitleProblem")
        layout.addWidget(self.step_title_problem)
        layout.addWidget(QLabel(tr("Presenter notes"), body))
        self.notes = QPlainTextEdit(body)
        self.notes.setObjectName("stepNotes")
        self.notes.textChanged.connect(lambda: self._edit_step("notes", self.notes.toPlainText(), self.notes_problem))
        layout.addWidget(self.notes, 1)
        self.notes_problem = _problem_label(body, "stepNotesProblem")
        layout.addWidget(self.notes_problem)
        self.setWidget(body)
        authoring.changed.connect(self.refresh)
        self.visibilityChanged.connect(lambda visible: visible and self.refresh())

    @staticmethod
    def _button(parent, layout, name, text, slot) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # ---- reading the draft ------------------------------------------------------------
    def _draft(self):
        return self.authoring.current_draft()

    def refresh(self) -> None:
        """Redraw the lesson list and the steps from the draft."""
        if not self.isVisible():
            return
        draft = self._draft()
        lessons = draft.lessons() if draft else []
        ids = [lid for lid, _ in lessons]
        if self.lesson_id not in ids:
            self.lesson_id = "" if self.pending_title or not ids else ids[0]
        self._filling = True
        try:
            self.chooser.clear()
            for lid, title in lessons:
                self.chooser.addItem(title or lid, lid)
            if not self.lesson_id:
                self.chooser.addItem(self.pending_title or tr("New lesson"), "")
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.lesson_id)))
            title = dict(lessons).get(self.lesson_id, self.pending_title)
            if self.title_edit.text() != title:
                self.title_edit.setText(title)
            row = self.steps.currentRow()
            self.steps.clear()
            for values, step_row in zip(draft.step_values(self.lesson_id) if draft and self.lesson_id else [],
                                        draft.steps(self.lesson_id) if draft and self.lesson_id else []):
                item = QListWidgetItem(f"{values['step']}. {self._step_heading(values)}")
                item.setData(UID, step_row.uid)
                item.setToolTip(values["target"])
                self.steps.addItem(item)
            if self.steps.count():
                self.steps.setCurrentRow(min(max(row, 0), self.steps.count() - 1))
        finally:
            self._filling = False
        self.hint.setVisible(self.steps.count() == 0)
        self._show_step()

    def _step_heading(self, values: dict[str, str]) -> str:
        if values.get("title"):
            return values["title"]
        dataset = self.authoring.window.dataset
        try:
            return dataset.fact(values["target"], data_language()).title
        except (KeyError, AttributeError):
            return values["target"]

    def step_titles(self) -> list[str]:
        """What the list shows, one line per step."""
        return [self.steps.item(i).text() for i in range(self.steps.count())]

    def _show_step(self) -> None:
        if self._filling:
            return
        index = self.steps.currentRow()
        draft = self._draft()
        values = draft.step_values(self.lesson_id)[index] if draft and self.lesson_id and index >= 0 else None
        self._filling = True
        try:
            title, notes = (values.get("title", ""), values.get("notes", "")) if values else ("", "")
            if self.step_title.text() != title:
                self.step_title.setText(title)
            if self.notes.toPlainText() != notes:
                self.notes.setPlainText(notes)
        finally:
            self._filling = False
        for widget in (self.step_title, self.notes, self.up_button, self.down_button, self.remove_button):
            widget.setEnabled(values is not None)
        self.try_button.setEnabled(bool(self.lesson_id))

    # ---- edits --------------------------------------------------------------------------
    def new_lesson(self) -> None:
        """Start a new lesson; it is made when its first step is added."""
        self.lesson_id = ""
        self.pending_title = tr("New lesson")
        self.refresh()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _on_chosen(self, index: int) -> None:
        self.lesson_id = self.chooser.itemData(index) or ""
        self.refresh()

    def _on_lesson_title(self, text: str) -> None:
        from ..dataset.authoring.fields import field_problem

        problem = field_problem("lessons", "lesson_title", text)
        self._show_problem(self.title_problem, problem)
        if problem:
            return
        if self.lesson_id:
            self.authoring.apply(lambda d: d.rename_lesson(self.lesson_id, text))
        else:
            self.pending_title = text

    def add_step(self, target: str) -> None:
        """Add `target` as the last step of the lesson shown (making the lesson if it is new)."""
        if not self.lesson_id:
            title = self.pending_title or tr("New lesson")
            draft = self._draft()
            lesson_id = draft.new_lesson_id(title)
            if not self.authoring.apply(lambda d: d.add_step(lesson_id, target, lesson_title=title)):
                self.lesson_id, self.pending_title = lesson_id, ""
        else:
            self.authoring.apply(lambda d: d.add_step(self.lesson_id, target))
        self.refresh()
        self.steps.setCurrentRow(self.steps.count() - 1)

    def _edit_step(self, column: str, text: str, label: QLabel) -> None:
        if self._filling or not self.lesson_id or self.steps.currentRow() < 0:
            return
        from ..dataset.authoring.fields import field_problem

        problem = field_problem("lessons", column, text)
        self._show_problem(label, problem)
        if not problem:
            index = self.steps.currentRow()
            self.authoring.apply(lambda d: d.edit_step(self.lesson_id, index, **{column: text}))

    def move(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        index = self.steps.currentRow()
        target = index + delta
        if index < 0 or not 0 <= target < self.steps.count():
            return
        self.authoring.apply(lambda d: d.move_step(self.lesson_id, index, target))
        self.steps.setCurrentRow(target)

    def _on_dragged(self) -> None:
        if self._filling or not self.lesson_id:
            return
        draft = self._draft()
        by_uid = {row.uid: row for row in draft.steps(self.lesson_id)}
        order = [by_uid[self.steps.item(i).data(UID)] for i in range(self.steps.count())]
        moved_to = self.steps.currentRow()
        self.authoring.apply(lambda d: d.set_step_order(self.lesson_id, order))
        self.refresh()
        self.steps.setCurrentRow(moved_to)

    def remove(self) -> None:
        index = self.steps.currentRow()
        if index >= 0 and self.lesson_id:
            last = self.steps.count() == 1
            lesson = self.lesson_id
            self.authoring.apply(lambda d: d.remove_step(lesson, index))
            if last:
                self.lesson_id = ""

    def try_it(self) -> None:
        """Present this lesson now, from the selected step."""
        if self.lesson_id:
            self.authoring.try_lesson(self.lesson_id, max(1, self.steps.currentRow() + 1))

    @staticmethod
    def _show_problem(label: QLabel, problem: str | None) -> None:
        label.setText(problem or "")
        label.setVisible(bool(problem))
