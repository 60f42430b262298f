"""Authoring in the window: the Edit menu, Save / Save As / New dataset, and the lesson editor dock.

`install_authoring(window)` adds everything to a MainWindow and returns the
`Authoring` controller (also `window.authoring`). The controller keeps one
`Draft` per dataset folder (opened on the first edit), applies every edit
through it (so each is undoable and checked by the validator), and after a
save reloads the window from the saved folder with the focused fact kept.
Dialogs that ask for a folder or a yes/no go through small hooks
(`ask_folder`, `ask_choice`) that tests replace.
"""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from ..dataset.authoring import Change, Draft


def tr(text: str) -> str:
    return QCoreApplication.translate("Authoring", text)


# The names the draft gives its own changes (desktop.dataset has no Qt), shown as "Undo {what}":
# listed here so packaging/update_translations.py finds them.
DRAFT_CHANGE_NAMES = (QT_TRANSLATE_NOOP("Authoring", "Move step"), QT_TRANSLATE_NOOP("Authoring", "Remove step"),
                      QT_TRANSLATE_NOOP("Authoring", "Edit step"), QT_TRANSLATE_NOOP("Authoring", "Rename lesson"))


def install_authoring(window) -> Authoring:
    """Give a MainWindow its authoring menus and lesson editor."""
    window.authoring = Authoring(window)
    return window.authoring


class Authoring(QObject):
    """Owns the drafts of one window and the commands that edit and save them.

    `changed` fires after every edit, undo, redo and save.
    """

    changed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._drafts: dict[Path, Draft] = {}
        self._pending_focus: str | None = None
        self._reloading: Path | None = None
        self.ask_folder = self._ask_folder
        self.ask_choice = self._ask_choice
        self.ask_item = self._ask_item
        self._build_actions()
        self._build_menus()
        from .lesson_editor import LessonEditor

        self.lesson_editor = LessonEditor(self, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lesson_editor)
        self.lesson_editor.hide()
        self.lesson_action = self.lesson_editor.toggleViewAction()
        self.lesson_action.setText(tr("&Lesson editor"))
        self.lesson_action.setObjectName("lessonEditorAction")
        self.edit_menu.insertAction(self.add_to_lesson_action, self.lesson_action)
        window.dataset_changed.connect(self._on_dataset_changed)
        window.state.focus_changed.connect(lambda *_: self._update_actions())
        window.installEventFilter(self)
        self._update_actions()

    # ---- actions ------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcuts=()) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)  # shortcuts work with the menus hidden too
        return action

    def _build_actions(self) -> None:
        self.undo_action = self._action("undoAction", tr("&Undo"), self.undo, ["Ctrl+Z"])
        self.redo_action = self._action("redoAction", tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.add_to_lesson_action = self._action("addToLessonAction", tr("&Add to lesson"), self.add_to_lesson, ["Ctrl+L"])
        self.add_to_lesson_action.setStatusTip(tr("Add the focused fact as the next step of the lesson in the lesson editor"))
        self.new_event_action = self._action("newEventAction", tr("New &event…"), lambda: self.open_form("event"))
        self.new_source_action = self._action("newSourceAction", tr("New &source…"), lambda: self.open_form("source"))
        self.new_citation_action = self._action("newCitationAction", tr("New &citation…"), lambda: self.open_form("citation"))
        self.new_value_action = self._action("newValueAction", tr("New &value…"), lambda: self.open_form("value"))
        self.edit_fact_action = self._action("editFactAction", tr("Edit &focused fact…"), lambda: self.open_form("edit"))
        self.edit_citation_action = self._action("editCitationAction", tr("Edit c&itation…"),
                                                 lambda: self.open_form("edit-citation"))
        self.edit_citation_action.setStatusTip(tr("Change a citation of the focused fact: its quote, claim type, stance, "
                                                  "locator, note or source"))
        self.edit_source_action = self._action("editSourceAction", tr("Edit s&ource…"), lambda: self.open_form("edit-source"))
        self.new_dataset_action = self._action("newDatasetAction", tr("&New dataset…"), self.new_dataset)
        self.save_action = self._action("saveAction", tr("&Save"), self.save, ["Ctrl+S"])
        self.save_as_action = self._action("saveAsAction", tr("Save &As…"), self.save_as, ["Ctrl+Shift+S"])
        self.guide_action = self._action("guideAction", tr("&Make your own dataset"), self.show_guide)

    def _build_menus(self) -> None:
        window = self.window
        self.edit_menu = window.menuBar().addMenu(tr("&Edit"))
        self.edit_menu.setObjectName("editMenu")
        window.menuBar().insertMenu(window.view_menu.menuAction(), self.edit_menu)
        for action in (self.undo_action, self.redo_action, None, self.add_to_lesson_action, None,
                       self.new_event_action, self.new_value_action, self.new_source_action,
                       self.new_citation_action, None, self.edit_fact_action, self.edit_citation_action,
                       self.edit_source_action):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)
        file_menu = window.file_menu
        quit_action = window.quit_action
        for action in (self.new_dataset_action, self.save_action, self.save_as_action):
            file_menu.insertAction(quit_action, action)
        file_menu.insertSeparator(quit_action)
        window.help_menu.insertAction(window.about_action, self.guide_action)

    def _update_actions(self) -> None:
        draft = self.current_draft(open_it=False)
        has_dataset = self.window.dataset is not None
        self.undo_action.setEnabled(bool(draft and draft.can_undo))
        self.redo_action.setEnabled(bool(draft and draft.can_redo))
        self.undo_action.setText(tr("&Undo {what}").format(what=tr(draft.undo_label)) if draft and draft.can_undo else tr("&Undo"))
        self.redo_action.setText(tr("&Redo {what}").format(what=tr(draft.redo_label)) if draft and draft.can_redo else tr("&Redo"))
        focus = self.window.state.focus
        for action in (self.new_event_action, self.new_source_action, self.new_value_action, self.edit_source_action,
                       self.save_action, self.save_as_action):
            action.setEnabled(has_dataset)
        self.add_to_lesson_action.setEnabled(has_dataset and bool(focus))
        self.new_citation_action.setEnabled(has_dataset and bool(focus))
        self.edit_fact_action.setEnabled(has_dataset and bool(focus))
        self.edit_citation_action.setEnabled(has_dataset and bool(focus))

    # ---- drafts ---------------------------------------------------------------------------
    def current_draft(self, open_it: bool = True) -> Draft | None:
        """The draft of the dataset on screen, opened from its folder on first use."""
        dataset = self.window.dataset
        if dataset is None:
            return None
        folder = Path(dataset.root)
        draft = self._drafts.get(folder)
        if draft is None and open_it:
            from ..dataset.authoring import Draft

            draft = self._drafts[folder] = Draft.open(folder)
        return draft

    @property
    def draft(self) -> Draft | None:
        return self.current_draft()

    def _on_dataset_changed(self, dataset) -> None:
        folder = Path(dataset.root)
        draft = self._drafts.get(folder)
        if draft is not None and not draft.dirty and self._reloading != folder:
            del self._drafts[folder]  # opened afresh: read the files again on the next edit
        self._reloading = None
        if self._pending_focus and dataset.kind_of(self._pending_focus) is not None:
            self.window.state.set_focus(self._pending_focus, "authoring")
        self._pending_focus = None
        self._update_actions()
        self.changed.emit()

    def edited(self, change: Change | None = None) -> None:
        """After an edit, undo or redo: refresh the commands, the editor, and the panes if facts changed."""
        self._update_actions()
        self.changed.emit()
        if change is not None and any(op.table != "lessons" for op in change.ops):
            self.show_draft()

    def undo(self) -> None:
        draft = self.current_draft(open_it=False)
        if draft and draft.can_undo:
            self.edited(draft.undo())

    def redo(self) -> None:
        draft = self.current_draft(open_it=False)
        if draft and draft.can_redo:
            self.edited(draft.redo())

    def apply(self, edit) -> list:
        """Run `edit(draft)`; return [] or the validator's problems (the edit then did not happen)."""
        from ..dataset.authoring import EditRefused

        draft = self.current_draft()
        if draft is None:
            return []
        try:
            edit(draft)
        except EditRefused as refused:
            self.window.statusBar().showMessage(tr("Not changed: {problem}").format(problem=str(refused.problems[0])), 8000)
            return refused.problems
        self.edited(draft.last_change)
        return []

    def show_draft(self) -> bool:
        """Show the draft in every pane (unsaved edits included), keeping the focused fact."""
        from ..dataset.loader import DatasetError, load_dataset

        draft = self.current_draft(open_it=False)
        if draft is None:
            return True
        with tempfile.TemporaryDirectory(prefix="factdeck-preview-") as temp:
            for name, data in draft.files().items():
                (Path(temp) / name).write_bytes(data)
            try:
                dataset = load_dataset(temp)
            except DatasetError as error:
                self.window.statusBar().showMessage(str(error.problems[0]), 8000)
                return False
        dataset = dataclasses.replace(dataset, root=draft.folder)
        self._pending_focus = self.window.state.focus
        self._reloading = draft.folder
        self.window.set_dataset(dataset)
        return True

    # ---- lessons --------------------------------------------------------------------------
    def add_to_lesson(self) -> None:
        """Add the focused fact to the lesson shown in the lesson editor (a new lesson if there is none)."""
        target = self.window.state.focus
        if not target or self.window.dataset is None:
            self.window.statusBar().showMessage(tr("Click a fact first, then add it to the lesson."), 5000)
            return
        self.lesson_editor.show()
        self.lesson_editor.add_step(target)

    def try_lesson(self, lesson_id: str, step: int = 1) -> None:
        """Present the lesson as it is now, unsaved edits included."""
        presentation = getattr(self.window, "presentation", None)
        if presentation is None or not self.show_draft():
            return
        presentation.start(lesson_id, step, full_screen=self.try_full_screen)

    try_full_screen = True

    # ---- forms ----------------------------------------------------------------------------
    def open_form(self, kind: str):
        """Open the form for a new event, source, citation or value, or to edit the focused fact."""
        from .fact_form import open_fact_form

        if self.current_draft() is None:
            return None
        self.form = open_fact_form(self, kind)
        return self.form

    # ---- saving ---------------------------------------------------------------------------
    def save(self) -> Path | None:
        """Save the draft where it came from; the bundled dataset asks for a folder (Save As)."""
        from ..dataset.authoring import saving

        draft = self.current_draft()
        if draft is None:
            return None
        try:
            folder = saving.save(draft)
        except saving.NeedsSaveAs:
            self.window.statusBar().showMessage(
                tr("The bundled dataset cannot change: choose a folder for your own copy."), 8000)
            return self.save_as()
        except saving.ChangedOnDisk as error:
            answer = self.ask_choice(tr("Changed on disk"), tr(
                "{files} changed on disk since you opened this dataset (another program, or another copy of "
                "Factdeck). Saving here would lose those changes. Save your version in another folder instead?"
            ).format(files=", ".join(error.files)), [tr("Save As…"), tr("Cancel")])
            return self.save_as() if answer == 0 else None
        except saving.SaveError as error:
            self._warn(tr("Not saved"), str(error))
            return None
        return self._after_save(draft, folder)

    def save_as(self) -> Path | None:
        """Save a complete copy in a folder the teacher chooses; later saves update it."""
        from ..dataset.authoring import saving

        draft = self.current_draft()
        if draft is None:
            return None
        chosen = self.ask_folder(tr("Save the dataset in a folder"))
        if not chosen:
            return None
        folder = Path(chosen)
        if folder.is_dir() and any(folder.iterdir()):
            folder = folder / (self.window.dataset.name or "my-dataset")  # beside what is there, never over it
        old = draft.folder
        try:
            saving.save(draft, folder)
        except saving.SaveError as error:
            self._warn(tr("Not saved"), str(error))
            return None
        self._drafts.pop(old, None)
        return self._after_save(draft, folder)

    def _after_save(self, draft: Draft, folder: Path) -> Path:
        self._drafts[folder] = draft
        self.window.statusBar().showMessage(tr("Saved in {folder}").format(folder=str(folder)), 8000)
        self._pending_focus = self.window.state.focus
        self._reloading = folder
        self._update_actions()
        self.changed.emit()
        self.window.open_dataset(folder)
        return folder

    def new_dataset(self) -> Path | None:
        """Make a new dataset from the template in a folder the teacher chooses, and open it."""
        from ..dataset.authoring.template import TemplateError, write_template
        from ..fileio import WriteError

        chosen = self.ask_folder(tr("Choose a folder for the new dataset"))
        if not chosen:
            return None
        folder = Path(chosen)
        if folder.is_dir() and any(folder.iterdir()):
            folder = folder / "my-dataset"
        try:
            write_template(folder)
        except (TemplateError, WriteError, OSError) as error:
            self._warn(tr("No new dataset"), str(error))
            return None
        self.window.open_dataset(folder)
        return folder

    def unsaved(self) -> list[Draft]:
        return [d for d in self._drafts.values() if d.dirty]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close and self.unsaved():
            answer = self.ask_choice(tr("Unsaved changes"), tr(
                "You have changes that are not saved. Save them before closing?"),
                [tr("Save"), tr("Close without saving"), tr("Cancel")])
            if answer == 0 and self.save() is None:
                answer = 2
            if answer == 2:
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # ---- guide ----------------------------------------------------------------------------
    def show_guide(self) -> None:
        from .fact_form import GuideDialog

        self.guide = GuideDialog(self.window)
        self.guide.open()

    # ---- dialogs (replaced in tests) -----------------------------------------------------
    def _ask_folder(self, title: str) -> str:
        start = str(self.window.dataset.root.parent) if self.window.dataset else ""
        return QFileDialog.getExistingDirectory(self.window, title, start)

    def _ask_choice(self, title: str, text: str, buttons: list[str]) -> int:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        made = [box.addButton(b, QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.RejectRole)
                for i, b in enumerate(buttons)]
        box.exec()
        return made.index(box.clickedButton()) if box.clickedButton() in made else len(buttons) - 1

    def _ask_item(self, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item the teacher picks from a list, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(self.window, title, label, items, 0, False)
        return items.index(text) if ok and text in items else None

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = box
        box.open()
