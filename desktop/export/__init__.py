"""Exports that need Qt: the handout PDF (desktop.export.handout) and its charts (desktop.export.charts).

The pure parts (which facts, CSV, Data Package) are in desktop.dataset.export_data.
"""
