"""Problems: what the validator says about a dataset, one line each."""
from __future__ import annotations

from dataclasses import dataclass

from .contract import FILE_ORDER

# A report with a million identical lines helps nobody: past this many
# problems of one rule in one file, the rest are counted in one closing line.
MAX_PER_RULE = 1000


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a dataset, as `FILE:LINE:COLUMN: message`.

    `line` is the line where the record starts (the header is line 1) and
    `column` a column name or, in datapackage.json, a key path; None prints
    as "-". `rule` is the id of the rule in `contract.RULES` (not printed).
    """

    file: str
    line: int | None
    column: str | None
    message: str
    rule: str = ""

    def __str__(self) -> str:
        line = "-" if self.line is None else str(self.line)
        column = "-" if self.column is None else self.column
        return f"{self.file}:{line}:{column}: {self.message}"


class DatasetError(Exception):
    """A dataset that breaks the contract; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n… and {more} more"
        super().__init__(f"the dataset has {len(self.problems)} problem(s):\n{shown}")


def _file_rank(file: str) -> int:
    return FILE_ORDER.index(file) if file in FILE_ORDER else len(FILE_ORDER)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in file order (the descriptor, then the tables as listed), then by line.

    Within a line, problems keep the order they were found in (column order
    for most checks), so a report reads top to bottom like the files.
    """
    capped = _cap(problems)
    return sorted(capped, key=lambda p: (_file_rank(p.file), p.file, p.line is not None, p.line or 0))


def _cap(problems: list[Problem]) -> list[Problem]:
    counts: dict[tuple[str, str], int] = {}
    kept: list[Problem] = []
    last_line: dict[tuple[str, str], int | None] = {}
    for problem in problems:
        key = (problem.file, problem.rule)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= MAX_PER_RULE:
            kept.append(problem)
            last_line[key] = problem.line
    for key, count in counts.items():
        if count > MAX_PER_RULE:
            file, rule = key
            kept.append(Problem(
                file, last_line[key], None,
                f"… and {count - MAX_PER_RULE:,} more problems like the ones above (rule {rule})", rule,
            ))
    return kept
