"""The one composition root: builds the application, the state, the window and the dataset.

Everything is wired here and nowhere else. The window is shown before pandas
and pyqtgraph are imported; the dataset then loads off the UI thread (or on
it, for --screenshot and --smoke-test, which must be deterministic).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from . import paths

EXIT_OK, EXIT_FAILED, EXIT_MISUSE = 0, 1, 2
FONT_FAMILY = "Atkinson Hyperlegible"
# After another dataset replaces the first, its objects are frozen again this long after it is on screen
# (the replaced panes, deleted by then, and their dataset collected first).
REFREEZE_AFTER_MS = 500
UPRIGHT_FACES = ("Regular", "Bold")  # the menus, toolbar and "Opening dataset…" of the first frame


def _prepare_environment(headless: bool) -> str | None:
    """Pick the Qt platform; return a message when there is no way to show a window."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # STACK.md trap 5
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return None
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return ("factdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                    "Run it from a desktop session, or use --screenshot OUT.png to render offscreen.")
    return None


_registered_fonts: set[str] = set()


def register_fonts(faces: tuple[str, ...] = ()) -> None:
    """Load the bundled projector-friendly font so every machine renders the same (STACK.md trap 6).

    `faces` limits it to the files whose names contain one of these (say "Regular", "Bold");
    every file is loaded once, however often this is called.
    """
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    for font_file in paths.resources_of("fonts", ".ttf"):
        wanted = not faces or any(font_file.stem.endswith(face) for face in faces)
        if wanted and font_file.name not in _registered_fonts:
            QFontDatabase.addApplicationFont(str(font_file))
            _registered_fonts.add(font_file.name)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(max(QApplication.font().pointSizeF(), 10.5))
    QApplication.setFont(font)


def create_application(*, before_first_paint: bool = False):
    """The QApplication with Factdeck's name, font and style.

    With `before_first_paint`, only what the first frame shows is set up (the
    upright faces of the font); the caller then calls `finish_application`
    just after the window has painted.
    """
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "factdeck"])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.ORGANISATION)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setWindowIcon(QIcon(str(paths.resource("icons", "factdeck.png"))))
    if before_first_paint:
        register_fonts(UPRIGHT_FACES)
    else:
        finish_application(app)
    return app


def finish_application(app) -> None:
    """The rest of the application's set-up: the italic faces and the keyboard focus ring."""
    register_fonts()
    from .ui.style import apply_style

    apply_style(app)  # a focus ring keyboard users can see


def start_folder(settings, headless: bool = False) -> Path:
    """The dataset opened when none is named: the last one used if its folder is still there, else the bundled one.

    --screenshot and --smoke-test always use the bundled dataset, so they render the same everywhere.
    """
    from .settings import LAST_DATASET

    last = settings.get(LAST_DATASET)
    if last and not headless and (Path(last) / "datapackage.json").is_file():
        return Path(last)
    return paths.default_dataset_dir()


def _suggest(target: str, dataset) -> str:
    import difflib  # only for a mistyped --select

    known = list(dataset.events.index) + list(dataset.series.index)
    close = difflib.get_close_matches(target, known, n=3)
    return f" Did you mean {', '.join(close)}?" if close else ""


def run(options: argparse.Namespace) -> int:
    """Open the app as the command line asked; return the exit code."""
    headless = bool(options.screenshot or options.smoke_test)
    from .ui import i18n

    if options.lang:
        try:
            i18n.parse_language(options.lang)
        except i18n.LanguageError as error:
            print(f"factdeck: --lang {error}", file=sys.stderr)
            return EXIT_MISUSE
    problem = _prepare_environment(headless)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    if not headless:
        # Start-up makes hundreds of thousands of long-lived objects (modules, Qt wrappers,
        # the dataset) and no garbage worth collecting: the collector, re-enabled once the
        # first dataset is on screen (or refused), would only spend ~5% of the start-up.
        gc.disable()
    from .qt_imports import check_modules_cheaply

    check_modules_cheaply()  # before pandas, pyqtgraph and the panes are imported
    from PySide6.QtCore import QTimer

    from . import errors
    from .settings import LANGUAGE, Settings
    from .state import SelectionState
    from .ui.main_window import MainWindow

    app = create_application(before_first_paint=True)
    settings = Settings()
    # Renders (--screenshot, --smoke-test) are the same on every machine: English unless --lang says.
    chosen = (options.lang or "en") if headless else i18n.choose_language(options.lang, settings.get(LANGUAGE))
    i18n.install_translator(app, chosen)
    handler = errors.install(show_dialog=not headless)
    state = SelectionState()
    # The Present, Edit, export and language commands are installed once the first dataset is on screen.
    window = MainWindow(state, settings, defer_commands=True)
    if options.size:
        window.resize(*options.size)
    folder = Path(options.dataset) if options.dataset else start_folder(settings, headless)

    window.show()
    app.processEvents()
    finish_application(app)
    if headless:
        _import_plotting()
        window.install_commands()
        return _render_and_exit(app, window, state, options, folder, handler)

    def _on_first_load_failed(failed_folder: Path, problems: list) -> None:
        collect_again()
        window.install_commands_when_idle()
        _print_problems(failed_folder, problems)
        if not options.dataset and failed_folder != paths.default_dataset_dir():
            window.open_dataset(paths.default_dataset_dir())  # the last dataset broke since: say why, open the bundled one
            return
        window.problems_dialog.finished.connect(lambda _: app.exit(EXIT_FAILED))

    def _on_first_loaded(dataset) -> None:
        collect_again()
        window.install_commands_when_idle()  # the menus' commands follow the dataset's first paint
        _refreeze_after_switches(window)  # the first dataset may be replaced: let it go, then freeze again
        window.load_failed.disconnect(_on_first_load_failed)
        window.dataset_changed.disconnect(_on_first_loaded)
        if options.select:
            if dataset.kind_of(options.select) is None:
                print(f"factdeck: --select {options.select}: no such event, series or value.{_suggest(options.select, dataset)}",
                      file=sys.stderr)
                app.exit(EXIT_MISUSE)
                return
            state.set_focus(options.select, "command-line")
        if options.present:
            if not _start_presenting(window, dataset, options, full_screen=True):
                app.exit(EXIT_MISUSE)

    window.load_failed.connect(_on_first_load_failed)
    window.dataset_changed.connect(_on_first_loaded)
    # Start the worker first (it imports pandas and reads the CSVs), then, while it
    # works, import pyqtgraph for the panes. The Present, Edit, export and language
    # commands wait until the dataset is on screen: built while the worker loads, they
    # would hold the interpreter lock it needs, and the panes would come later.
    window.open_dataset(folder)
    QTimer.singleShot(0, _import_plotting)
    return app.exec()


def collect_again() -> None:
    """Turn the garbage collector back on without making it walk every start-up object.

    Re-enabled as it was, the collector's first pass would walk all the objects
    made while it was off (~50 ms, inside the first interaction). Frozen, they
    are left alone until another dataset replaces the first one (then they are
    unfrozen, so the old dataset's cycles can be collected, and frozen again a
    moment later: see _refreeze_after_switches).
    """
    gc.freeze()
    gc.enable()


def _refreeze_after_switches(window) -> None:
    """When another dataset replaces the one on screen, let the old one be collected, then freeze again.

    Left unfrozen, every full collection walks all of the app's objects (~0.1 s, at any click); frozen
    again once the old panes are deleted, the new dataset's teacher meets them as seldom as the first's.
    Another switch before then only moves the freeze later.
    """
    from PySide6.QtCore import QTimer

    refreeze = QTimer(window)
    refreeze.setSingleShot(True)
    refreeze.setInterval(REFREEZE_AFTER_MS)
    refreeze.timeout.connect(_collect_then_freeze)

    def replaced(_dataset) -> None:
        gc.unfreeze()
        refreeze.start()

    window.dataset_changed.connect(replaced)


def _collect_then_freeze() -> None:
    gc.collect()
    gc.freeze()


def _import_plotting() -> None:
    """Import pyqtgraph on the UI thread while the worker loads the dataset, so the panes need not wait for it.

    Only pyqtgraph (and the numpy it shares with pandas): never Factdeck's own
    modules, which the worker may be importing at the same moment (this one
    imports nothing but PySide6, already loaded).
    """
    from .qt_imports import import_pyqtgraph

    import_pyqtgraph()


def _start_presenting(window, dataset, options, full_screen: bool) -> bool:
    """Classroom mode from the command line; False (after saying why) for an unknown lesson or step."""
    from .ui.presentation import check_request

    problem = check_request(dataset, options.lesson, options.step)
    if problem:
        print(f"factdeck: {problem}", file=sys.stderr)
        return False
    window.presentation.start(options.lesson, options.step, full_screen=full_screen)
    return True


def _print_problems(folder: Path, problems: list) -> None:
    print(f"factdeck: {folder} was not opened; it has {len(problems)} problem(s):", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)


def _render_and_exit(app, window, state, options, folder: Path, handler) -> int:
    """--screenshot and --smoke-test: load on this thread, paint, save, exit."""
    from .dataset.loader import DatasetError, load_dataset

    try:
        dataset = load_dataset(folder)
    except DatasetError as error:
        _print_problems(folder, error.problems)
        return EXIT_FAILED
    window.set_dataset(dataset)
    if options.select:
        if dataset.kind_of(options.select) is None:
            print(f"factdeck: --select {options.select}: no such event, series or value.{_suggest(options.select, dataset)}",
                  file=sys.stderr)
            return EXIT_MISUSE
        state.set_focus(options.select, "command-line")
    # In screenshot mode --size wins over full screen: the slide renders at exactly that size.
    if options.present and not _start_presenting(window, dataset, options, full_screen=False):
        return EXIT_MISUSE
    for _ in range(3):  # let layouts settle and deferred paints run
        app.processEvents()
    image = window.grab()
    if handler.count:
        print("factdeck: the window raised an error while painting; see the log", file=sys.stderr)
        return EXIT_FAILED
    if image.isNull() or image.width() == 0:
        print("factdeck: the window painted nothing", file=sys.stderr)
        return EXIT_FAILED
    if options.screenshot:
        target = Path(options.screenshot)
        if not target.parent.is_dir():
            print(f"factdeck: cannot write {target}: the folder {target.parent} does not exist", file=sys.stderr)
            return EXIT_FAILED
        from .fileio import WriteError, write_atomic
        from PySide6.QtCore import QBuffer, QIODevice

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        try:
            write_atomic(target, bytes(buffer.data().data()))
        except WriteError as error:
            print(f"factdeck: {error}", file=sys.stderr)
            return EXIT_FAILED
        print(f"factdeck: wrote {target} ({image.width()}×{image.height()})", file=sys.stderr)
    window.close()
    return EXIT_OK
