"""Filter-as-you-type without redoing work: an exact, cached front for `Dataset.event_mask`.

`Dataset.event_mask(filters)` is the one filter implementation. This cache
gives the same answer faster while the user types: the mask of everything but
the text is kept for as long as those filters do not change, and when the new
search text contains the previous one, only the facts that matched before are
searched again (a text that contains the needle also contains any part of it).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..dataset.filters import Filters


class EventFilterCache:
    """`mask(filters)` equals `dataset.event_mask(filters)`, computed incrementally."""

    def __init__(self, dataset) -> None:
        self.dataset = dataset
        self._base_key: Filters | None = None
        self._base: np.ndarray | None = None
        self._needle = ""
        self._text_mask: np.ndarray | None = None
        self._haystack: np.ndarray | None = None

    def mask(self, filters: Filters) -> np.ndarray:
        base_key = replace(filters, text="")
        if base_key != self._base_key:
            self._base = self.dataset.event_mask(base_key)
            self._base_key = base_key
        needle = filters.text.strip().casefold()
        if not needle:
            return self._base
        return self._base & self._text(needle)

    def _text(self, needle: str) -> np.ndarray:
        if self._text_mask is not None and self._needle and self._needle in needle:
            candidates = np.flatnonzero(self._text_mask)
            hay = self._haystack_array()
            result = np.zeros(len(hay), dtype=bool)
            result[candidates] = [needle in hay[i] for i in candidates.tolist()]
        else:
            result = self.dataset.event_mask(Filters(text=needle))
        self._needle, self._text_mask = needle, result
        return result

    def _haystack_array(self) -> np.ndarray:
        # The very text `event_mask` searches (title, summary, quotes, source names, casefolded),
        # so narrowing here can never disagree with it.
        if self._haystack is None:
            self._haystack = self.dataset.event_haystack.to_numpy(dtype=object)
        return self._haystack
