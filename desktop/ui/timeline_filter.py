"""Filter-as-you-type without redoing work: a cached front for `Dataset.event_mask`.

`Dataset.event_mask(filters)` is the one filter implementation, and it already
narrows a text search from the previous needle. While the user types, only the
text changes, so the mask of everything else (categories, claim types, dates,
source) is kept here for as long as those filters stay the same.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..dataset.filters import Filters


class EventFilterCache:
    """`mask(filters)` equals `dataset.event_mask(filters)`, reusing the non-text part."""

    def __init__(self, dataset) -> None:
        self.dataset = dataset
        self._base_key: Filters | None = None
        self._base: np.ndarray | None = None

    def mask(self, filters: Filters) -> np.ndarray:
        base_key = replace(filters, text="")
        if base_key != self._base_key:
            self._base = self.dataset.event_mask(base_key)
            self._base_key = base_key
        if not filters.text.strip():
            return self._base
        return self._base & self.dataset.event_mask(Filters(text=filters.text))
