"""A start-up failure is logged and shown, even when there is no console."""
from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import cli, startup_failure


def _failing_run(_options):
    raise RuntimeError("the dataset folder vanished")


def test_report_writes_the_traceback_to_the_log_and_names_it_on_stderr(isolated_home, capsys):
    code = startup_failure.report(RuntimeError("boom at start"), show_dialog=False)
    assert code == 1
    log = isolated_home / "log" / "factdeck.log"
    text = log.read_text(encoding="utf-8")
    assert "Factdeck could not start" in text
    assert "RuntimeError: boom at start" in text
    assert str(log) in capsys.readouterr().err


def test_report_survives_a_missing_stderr(isolated_home, monkeypatch):
    monkeypatch.setattr("sys.stderr", None)  # a windowed Windows bundle has none
    assert startup_failure.report(ValueError("no console"), show_dialog=False) == 1
    assert "ValueError: no console" in (isolated_home / "log" / "factdeck.log").read_text(encoding="utf-8")


def test_the_dialog_names_the_log_file(qapp, isolated_home):
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"], seen["details"] = box.windowTitle(), box.informativeText()
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    assert startup_failure.report(OSError("disk full"), show_dialog=True) == 1
    assert seen["title"] == "Factdeck could not start"
    assert str(isolated_home / "log" / "factdeck.log") in seen["details"]
    assert "OSError: disk full" in seen["details"]


def test_without_qt_the_platform_box_is_used(isolated_home, monkeypatch):
    shown = []
    monkeypatch.setattr(startup_failure, "_show_with_qt", lambda summary, path: False)
    monkeypatch.setattr(startup_failure, "_show_native", lambda summary, path: shown.append((summary, path)) or True)
    startup_failure.report(ImportError("libQt6Gui.so.6: cannot open shared object file"), show_dialog=True)
    assert shown == [("ImportError: libQt6Gui.so.6: cannot open shared object file", isolated_home / "log" / "factdeck.log")]


def test_run_guarded_passes_the_exit_code_through_and_arms_faulthandler(isolated_home):
    import faulthandler

    assert startup_failure.run_guarded(lambda options: 3, argparse.Namespace(), headless=True) == 3
    assert faulthandler.is_enabled()
    assert (isolated_home / "log" / "factdeck.log").is_file()


def test_the_command_line_turns_an_escaping_exception_into_exit_1_and_a_log_entry(isolated_home, monkeypatch, capsys):
    monkeypatch.setattr("desktop.app.run", _failing_run)
    assert cli.main(["--smoke-test"]) == 1  # headless: no dialog waits for a click
    assert "the dataset folder vanished" in (isolated_home / "log" / "factdeck.log").read_text(encoding="utf-8")
    assert "could not start" in capsys.readouterr().err


@pytest.fixture(autouse=True)
def _restore_faulthandler():
    """run_guarded points faulthandler at a log file; give pytest's stderr back afterwards."""
    import faulthandler
    import sys

    yield
    if sys.__stderr__ is not None:
        faulthandler.enable(sys.__stderr__)
    if startup_failure._fault_stream is not None:
        startup_failure._fault_stream.close()
        startup_failure._fault_stream = None
