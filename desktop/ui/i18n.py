"""The interface language: which translated dataset columns (`title@es`) panes show."""
from __future__ import annotations

_language = "en"


def set_language(code: str) -> None:
    """Set the two-letter interface language ("en", "es")."""
    global _language
    _language = (code or "en").split("-")[0].split("_")[0].lower()


def language() -> str:
    return _language


def data_language() -> str:
    """The suffix of translated dataset columns to prefer; "" for the originals (English)."""
    return "" if _language == "en" else _language
