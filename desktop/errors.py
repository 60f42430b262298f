"""One place every uncaught exception ends up: logged, shown, and survived.

`install()` routes `sys.excepthook` (which Qt slots reach through PySide6) and
faulthandler's output to the log file in the platform's log folder, and shows
the user a dialog that says what happened and where the details are. The app
stays up.
"""
from __future__ import annotations

import atexit
import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("factdeck")

_fault_stream = None  # kept open: faulthandler writes to it when the process dies


def setup_logging() -> Path | None:
    """Log to the platform's log folder and let faulthandler write there too."""
    global _fault_stream
    from . import paths

    try:
        log_path = paths.log_file()
        handler = logging.FileHandler(log_path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if _fault_stream is None:
        _fault_stream = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - must outlive this call
        faulthandler.enable(_fault_stream)
        atexit.register(_close_fault_stream)
    return log_path


def _close_fault_stream() -> None:
    global _fault_stream
    if _fault_stream is not None:
        faulthandler.disable()
        _fault_stream.close()
        _fault_stream = None


def _show_dialog(summary: str, log_path: Path | None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    where = (
        QApplication.translate("errors", "Details were written to {path}.").format(path=log_path)
        if log_path else QApplication.translate("errors", "The log folder could not be written.")
    )
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("errors", "Something went wrong"),
                      QApplication.translate("errors", "Factdeck hit an unexpected error and carried on:"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"{summary}\n\n{where}\n" + QApplication.translate(
        "errors", "If it happens again, save your work, restart Factdeck and report the log file."))
    box.exec()


class ExceptionHandler:
    """Receives every uncaught exception; logs it and shows it without quitting."""

    def __init__(self, log_path: Path | None, show_dialog: bool = True) -> None:
        self.log_path = log_path
        self.show_dialog = show_dialog
        self.count = 0

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self.count += 1
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("Uncaught exception:\n%s", text)
        print(text, file=sys.stderr)
        if self.show_dialog:
            try:
                _show_dialog(f"{kind.__name__}: {value}", self.log_path)
            except Exception:  # the handler itself must never raise
                log.exception("Could not show the error dialog")


# Qt messages that say nothing to a user (offscreen rendering cannot resize a native window).
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def _on_qt_message(mode, _context, message: str) -> None:
    """Qt's own warnings go to the log file, not the user's terminal."""
    if any(message.startswith(quiet) for quiet in _QUIET_QT_MESSAGES):
        return
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO}.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)


def install(show_dialog: bool = True) -> ExceptionHandler:
    """Make the handler receive every uncaught exception of this process, and Qt's messages."""
    from PySide6.QtCore import qInstallMessageHandler

    handler = ExceptionHandler(setup_logging(), show_dialog)
    sys.excepthook = handler
    qInstallMessageHandler(_on_qt_message)
    return handler
