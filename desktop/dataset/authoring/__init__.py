"""Authoring: editing a dataset safely (undoable, always valid, saved byte for byte where untouched).

Pure Python, no Qt: `Draft` (the editable dataset), `saving.save`, the per-field
checks of `fields`, and the new-dataset `template`.
"""
from .draft import Change, Draft, EditRefused

__all__ = ["Change", "Draft", "EditRefused"]
