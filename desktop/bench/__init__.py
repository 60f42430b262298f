"""Factdeck's performance benchmark (issue 10): `python -m desktop.bench`, see runner.py."""
