"""The one handler for uncaught exceptions: logged, shown, survived."""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import errors, paths


def _raise_and_capture():
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        return sys.exc_info()


def test_exception_is_logged_with_its_traceback(qapp, capsys):
    handler = errors.ExceptionHandler(errors.setup_logging(), show_dialog=False)
    handler(*_raise_and_capture())
    assert handler.count == 1
    log_text = paths.log_file().read_text(encoding="utf-8")
    assert "boom in a slot" in log_text and "Traceback" in log_text


def test_dialog_names_the_log_file_and_the_app_stays_up(qapp, qtbot):
    log_path = errors.setup_logging()
    handler = errors.ExceptionHandler(log_path, show_dialog=True)
    seen: list[str] = []

    def close_dialog():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        box.accept()

    QTimer.singleShot(0, close_dialog)
    handler(*_raise_and_capture())
    assert seen and str(log_path) in seen[0]
    assert "RuntimeError: boom in a slot" in seen[0]
    assert QApplication.instance() is qapp
