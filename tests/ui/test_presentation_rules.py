"""Classroom mode's pure rules: stepping, resuming, type scale, request checks, reveal dates."""
from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTextEdit

from desktop.dataset.filters import Filters
from desktop.ui.presentation import (
    FACTS_IN_TIME, FIRST, LAST, NEXT, PREVIOUS, SCALE_STEPS, check_request, facts_path, is_text_input,
    lesson_path, moved, nearest_index, next_scale, presentation_theme, resume_point, reveal_until,
)
from desktop.ui.theme import PROJECTOR_DARK, PROJECTOR_LIGHT


def test_moving_stops_at_both_ends():
    assert moved(0, 3, NEXT) == 1
    assert moved(2, 3, NEXT) == 2
    assert moved(0, 3, PREVIOUS) == 0
    assert moved(1, 3, PREVIOUS) == 0
    assert moved(1, 3, FIRST) == 0
    assert moved(0, 3, LAST) == 2
    assert moved(0, 0, NEXT) == 0


def test_resume_prefers_the_last_lesson_then_the_first():
    lessons = ["a", "b"]
    assert resume_point(lessons, "b", 4) == ("b", 4)
    assert resume_point(lessons, "gone", 4) == ("a", 1)
    assert resume_point(lessons, "", 1) == ("a", 1)
    assert resume_point(lessons, FACTS_IN_TIME, 9) == (FACTS_IN_TIME, 1)
    assert resume_point([], "", 1) == (FACTS_IN_TIME, 1)


def test_type_scale_steps_and_limits():
    assert next_scale(1.0, 1) == 1.15
    assert next_scale(1.0, -1) == 0.9
    assert next_scale(1.07, 1) == 1.15  # an odd saved value snaps to the next step
    assert next_scale(SCALE_STEPS[-1], 1) == SCALE_STEPS[-1]
    assert next_scale(SCALE_STEPS[0], -1) == SCALE_STEPS[0]
    assert next_scale(1.75, 0) == 1.0


def test_projector_theme_carries_the_teachers_scale():
    light = presentation_theme("light", 1.5)
    assert light.presenting and not light.dark
    assert light.scale == pytest.approx(PROJECTOR_LIGHT.scale * 1.5)
    # Type keeps its share of the projected image at every resolution.
    assert presentation_theme("light", 1.0, 720).scale == pytest.approx(PROJECTOR_LIGHT.scale * 720 / 1080, abs=0.05)
    assert presentation_theme("light", 1.0, 768).scale < presentation_theme("light", 1.0, 1080).scale
    assert presentation_theme("light", 1.0, 1081) == presentation_theme("light", 1.0, 1080)  # no redraw per pixel
    dark = presentation_theme("dark", 1.0)
    assert dark.dark and dark.background == PROJECTOR_DARK.background


def test_lesson_path_uses_step_titles_or_the_targets_own(valid_dataset):
    path = lesson_path(valid_dataset, "three-waves")
    assert path.targets == ("first-wave", "fentanyl-wave", "overdose-deaths@2019")
    assert path.titles == ("First wave: prescription opioids", "The third wave", "Synthetic opioid overdose deaths")
    assert path.notes == ("Start with prescribing.", "", "Look at the chart.")
    assert path.title == "Three waves" and path.is_lesson
    assert lesson_path(valid_dataset, "three-waves", "es").title == "Tres olas"
    with pytest.raises(KeyError):
        lesson_path(valid_dataset, "nope")


def test_facts_in_time_follow_the_filters_in_time_order(valid_dataset):
    everything = facts_path(valid_dataset, Filters(), "Facts")
    starts = [valid_dataset.events.loc[t, "x0"] for t in everything.targets]
    assert starts == sorted(starts) and len(everything) == len(valid_dataset.events)
    assert not everything.is_lesson
    waves = facts_path(valid_dataset, Filters(categories=frozenset({"Waves"})), "Facts")
    assert waves.targets == ("first-wave", "fentanyl-wave")
    # A fact outside the path lands on the first one not earlier than it.
    assert nearest_index(valid_dataset, waves, "agent-007") == 1
    assert nearest_index(valid_dataset, waves, "fentanyl-wave") == 1


def test_request_check_names_lessons_and_step_range(valid_dataset):
    assert check_request(valid_dataset, None, None) is None
    assert check_request(valid_dataset, "supply", 2) is None
    message = check_request(valid_dataset, "suply", None)
    assert "no such lesson" in message and "three-waves, supply" in message
    assert "steps 1 to 2" in check_request(valid_dataset, "supply", 3)


def test_reveal_date_is_the_end_of_the_steps_fact(valid_dataset):
    assert reveal_until(valid_dataset, "overdose-deaths@2019") == pytest.approx(2020.0)
    assert reveal_until(valid_dataset, "agent-007") == pytest.approx(valid_dataset.events.loc["agent-007", "x1"])
    # A period still going has no end: reveal up to its start.
    assert reveal_until(valid_dataset, "fentanyl-wave") == pytest.approx(2013.0)
    assert reveal_until(valid_dataset, "no-such") is None
    assert all(math.isfinite(reveal_until(valid_dataset, t)) for t in valid_dataset.events.index)


def test_only_editable_text_widgets_count_as_typing(qtbot):
    line, plain, rich, spin, combo, label = QLineEdit(), QPlainTextEdit(), QTextEdit(), QSpinBox(), QComboBox(), QLabel()
    for widget in (line, plain, rich, spin, combo, label):
        qtbot.addWidget(widget)
    assert is_text_input(line) and is_text_input(plain) and is_text_input(rich) and is_text_input(spin)
    assert not is_text_input(combo) and not is_text_input(label) and not is_text_input(None)
    combo.setEditable(True)
    assert is_text_input(combo)
    rich.setReadOnly(True)  # a read-only quote you selected text in: the clicker still steps
    assert not is_text_input(rich)
