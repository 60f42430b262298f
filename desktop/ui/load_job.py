"""Loading a dataset off the UI thread, so the window stays responsive while it reads."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class DatasetLoadJob(QObject):
    """Loads one folder in a worker thread and reports back on the UI thread.

    `loaded(Dataset)` on success; `failed(list_of_problems)` when the dataset is
    refused; `progress(fraction, message)` as it goes.
    """

    loaded = Signal(object)
    failed = Signal(list)
    progress = Signal(float, str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runner(self))

    def run_here(self) -> None:
        """Load on the calling thread (command line and tests)."""
        from ..dataset.loader import DatasetError, load_dataset

        try:
            dataset = load_dataset(self.folder, progress=lambda f, m: self.progress.emit(f, m))
        except DatasetError as error:
            self.failed.emit(list(error.problems))
        else:
            self.loaded.emit(dataset)


class _Runner(QRunnable):
    def __init__(self, job: DatasetLoadJob) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run_here()
