"""When Factdeck cannot start: log why, and tell the user where the log is.

The bundle is windowed, so there is no console to print a traceback to (on
Windows `sys.stderr` is even None). `run_guarded` points faulthandler at the
log file before anything heavy starts, so a hard crash (a segfault, Qt
aborting) leaves its Python stack there, and turns an exception that escapes
start-up into a log entry, a dialog naming the log file, and exit code 1.
When Qt itself cannot start, the dialog falls back to the platform's own
message box (Windows MessageBoxW, macOS osascript, zenity or kdialog on Linux).
"""
from __future__ import annotations

import faulthandler
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

EXIT_FAILED = 1
_fault_stream = None  # stays open: faulthandler writes to it if the process dies


def log_path() -> Path:
    """The log file, found without Qt if Qt cannot be loaded."""
    from . import paths

    try:
        return paths.log_file()
    except Exception:  # noqa: BLE001 - Qt missing or broken: fall back to Qt's usual places
        return _fallback_log_dir() / "factdeck.log"


def _fallback_log_dir() -> Path:
    if os.environ.get("FACTDECK_HOME"):
        base = Path(os.environ["FACTDECK_HOME"]) / "log"
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"]) / "Factdeck" / "Factdeck" / "logs"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Factdeck" / "Factdeck" / "logs"
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(data_home) / "Factdeck" / "Factdeck" / "logs"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile  # only when no log folder can be made

        base = Path(tempfile.gettempdir())
    return base


def arm() -> Path | None:
    """Send faulthandler's output to the log file from now on; return the log's path."""
    global _fault_stream
    path = log_path()
    try:
        stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must outlive this call
    except OSError:
        return None
    faulthandler.enable(stream)
    if _fault_stream is not None:
        _fault_stream.close()
    _fault_stream = stream
    return path


def report(error: BaseException, path: Path | None = None, show_dialog: bool = True) -> int:
    """Write the failure to the log (and stderr, if there is one), show where, return exit code 1."""
    path = path or log_path()
    import traceback  # this module and its imports load on every start: only what a failure needs is lazy

    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{stamp} CRITICAL factdeck: Factdeck could not start:\n{details}\n")
    except OSError:
        path = None
    if sys.stderr is not None:
        where = f"details in {path}" if path else "the log file could not be written"
        print(f"factdeck: could not start: {type(error).__name__}: {error} ({where})", file=sys.stderr)
    if show_dialog:
        summary = f"{type(error).__name__}: {error}"
        if not _show_with_qt(summary, path):
            _show_native(summary, path)
    return EXIT_FAILED


def run_guarded(run: Callable[[object], int], options: object, headless: bool = False) -> int:
    """Run the app; an exception that escapes start-up is logged and shown (never in headless runs)."""
    path = arm()
    try:
        return run(options)
    except Exception as error:  # noqa: BLE001 - the last line of defence before the process ends
        return report(error, path, show_dialog=not headless)


def _message(path: Path | None) -> tuple[str, str, str]:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    where = (tr("startup", "The details were written to this file:\n{path}").format(path=path) if path
             else tr("startup", "The details could not be written to a log file."))
    return (tr("startup", "Factdeck could not start"),
            tr("startup", "Factdeck could not start because of an unexpected error."),
            where + "\n\n" + tr("startup", "Please send that file to whoever looks after Factdeck for you."))


def _show_with_qt(summary: str, path: Path | None) -> bool:
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "factdeck"])  # noqa: F841
        title, text, where = _message(path)
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"{summary}\n\n{where}")
        box.exec()
        return True
    except Exception:  # noqa: BLE001 - Qt is what failed: use the platform's own box
        return False


def _show_native(summary: str, path: Path | None) -> bool:
    """A message box without Qt; True if one was shown."""
    title = "Factdeck could not start"
    where = f"The details were written to this file:\n{path}" if path else "No log file could be written."
    text = f"Factdeck could not start because of an unexpected error.\n\n{summary}\n\n{where}"
    import shutil
    import subprocess

    try:
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # MB_ICONERROR
            return True
        if sys.platform == "darwin":
            script = 'display alert (item 1 of argv) message (item 2 of argv) as critical'
            subprocess.run(["osascript", "-e", f"on run argv\n{script}\nend run", title, text], check=False, timeout=600)
            return True
        for tool, args in (("zenity", ["--error", "--title", title, "--text", text, "--no-markup"]),
                           ("kdialog", ["--title", title, "--error", text])):
            if shutil.which(tool) and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
                subprocess.run([tool, *args], check=False, timeout=600)
                return True
    except Exception:  # noqa: BLE001 - nothing more can be done; the log and stderr have it
        return False
    return False
