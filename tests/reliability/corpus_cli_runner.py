"""Run `factdeck validate` in-process on every broken case of the corpus; print one JSON record per case.

Used by test_corpus_cli.py in a child process, so a hang or a crash in the
command line is caught by the parent's timeout instead of freezing the suite.

    python tests/reliability/corpus_cli_runner.py WORK_FOLDER
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _corpus():
    spec = importlib.util.spec_from_file_location("broken_corpus", TESTS / "dataset" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def main(work: Path) -> None:
    from desktop.cli import main as cli_main

    corpus = _corpus()
    for case in corpus.cases():
        folder = corpus.materialise(case, work / case.name)
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        crashed = ""
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli_main(["validate", str(folder)])
            except SystemExit as exit_:
                code = exit_.code
            except BaseException as error:  # the test reports it; the runner carries on with the next case
                code, crashed = None, f"{type(error).__name__}: {error}"
        record = {"name": case.name, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue(),
                  "crashed": crashed, "seconds": time.perf_counter() - started, "expected": case.expected}
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
