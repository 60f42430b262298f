"""What the user has chosen to see, as plain data (no pandas here, so the UI can start light)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """Restrictions on the facts shown. `None` means "no restriction"."""

    categories: frozenset[str] | None = None
    claim_types: frozenset[str] | None = None
    date_range: tuple[float, float] | None = None
    text: str = ""
    source_id: str | None = None

    @property
    def active(self) -> bool:
        return self != Filters()
