"""A hang guard for in-process tests (pytest-timeout is not installed)."""
from __future__ import annotations

import contextlib
import signal


class Hung(Exception):
    """Raised in the main thread when a guarded block runs past its deadline."""


@contextlib.contextmanager
def deadline(seconds: float, what: str):
    """Raise Hung if the block takes longer than `seconds` (POSIX: SIGALRM on the main thread)."""
    def _expired(_signum, _frame):
        raise Hung(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
