"""Factdeck: an offline desktop fact browser for teaching a contested, sourced topic."""

__version__ = "0.1.0"
