"""The interface language: --lang, the locale's numbers and dates, the translators, View › Language.

Every test leaves the application in English (the `english_after` fixture),
so the rest of the suite is not run in Spanish by accident.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop import settings as keys
from desktop.cli import main
from desktop.dataset.dates import PartialDate
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_after(qapp):
    yield
    i18n.install_translator(qapp, "en")


# ---- choosing the language ---------------------------------------------------------------
@pytest.mark.parametrize("code, expected", [
    ("en", ("en", "")), ("es", ("es", "")), ("es-MX", ("es", "MX")), ("es_ES", ("es", "ES")),
    ("ES-mx", ("es", "MX")), ("es-419", ("es", "419")),
])
def test_language_codes_are_read(code, expected):
    assert i18n.parse_language(code) == expected


@pytest.mark.parametrize("code", ["", "xx", "fr", "english", "es-XX", "es-MEX", "es MX", "e"])
def test_other_codes_are_refused(code):
    with pytest.raises(i18n.LanguageError):
        i18n.parse_language(code)


@pytest.mark.parametrize("argv", [["--lang", "fr", "--smoke-test"], ["--lang", "es-XX", "--smoke-test"]])
def test_a_bad_lang_option_exits_2_and_says_what_is_accepted(argv, capsys):
    assert main(argv) == 2
    message = capsys.readouterr().err
    assert "--lang" in message and "es-MX" in message


@pytest.mark.parametrize("code, system, locale_name", [
    ("es-MX", "en_US", "es_MX"), ("es-ES", "es_MX", "es_ES"),
    ("es", "es_ES", "es_ES"),    # a Spanish system keeps its own conventions
    ("es", "en_US", "es_US"),    # Spanish on a US laptop writes numbers as in the US
    ("es", "C", "es_MX"),        # no usable region: the default one
    ("es", "en_GB", "es_MX"),    # Qt has no es_GB: not silently es_ES
    ("en", "es_MX", "en_US"),
])
def test_the_region_comes_from_the_code_then_the_system_then_the_default(code, system, locale_name):
    assert i18n.resolve_locale(code, QLocale(system)).name() == locale_name


def test_the_saved_choice_is_used_unless_the_command_line_says_otherwise():
    assert i18n.choose_language("en", "es") == "en"
    assert i18n.choose_language(None, "es-MX") == "es-MX"
    assert i18n.choose_language(None, "klingon") == i18n.system_language()  # a damaged setting is ignored
    assert i18n.system_language(QLocale("es_AR")) == "es"
    assert i18n.system_language(QLocale("de_DE")) in ("en", "es")


# ---- numbers and dates -------------------------------------------------------------------------
@pytest.mark.parametrize("code, big, small, fraction", [
    ("en", "31,335", "1,234", "0.25"),
    ("es-MX", "31,335", "1,234", "0.25"),
    ("es-ES", "31.335", "1234", "0,25"),  # Spain groups only from five digits (CLDR)
])
def test_numbers_follow_the_locale(qapp, code, big, small, fraction):
    i18n.install_translator(qapp, code)
    assert i18n.format_number(31335) == big
    assert i18n.format_number(31335.0) == big
    assert i18n.format_number(1234) == small
    assert i18n.format_number(0.25) == fraction
    assert i18n.format_number(float("nan")) == ""


def test_fixed_decimals(qapp):
    i18n.install_translator(qapp, "es-ES")
    assert i18n.format_number(31335.456, 1) == "31.335,5"
    i18n.install_translator(qapp, "es-MX")
    assert i18n.format_number(2.5, 2) == "2.50"


DATES = [PartialDate(2019, 10, 17, "day"), PartialDate(2019, 10, 0, "month"), PartialDate(2019, 0, 0, "year"),
         PartialDate(1990, 0, 0, "decade"), PartialDate(2018, 9, 1, "day"), PartialDate(2001, 1, 0, "month")]


def test_english_dates_read_as_the_dataset_writes_them(qapp):
    i18n.install_translator(qapp, "en")
    for date in DATES:
        assert i18n.format_date(date) == date.label()


def test_spanish_dates_keep_their_precision(qapp):
    i18n.install_translator(qapp, "es-MX")
    assert [i18n.format_date(d) for d in DATES[:4]] == ["17 oct 2019", "oct 2019", "2019", "los años 1990"]
    assert i18n.format_date_range(DATES[2], None, open_ended=True) == "2019 – actualidad"
    assert i18n.format_date_range(DATES[1], DATES[0]) == "oct 2019 – 17 oct 2019"
    assert i18n.format_period("us-fiscal-year", "2018") == "AF2018"
    assert i18n.format_period("month", "2018-01") == "ene 2018"
    assert i18n.format_period("year", "2018") == "2018"  # years are never grouped ("2.018")


# ---- translators -----------------------------------------------------------------------------------
def test_spanish_loads_factdecks_and_qts_own_translations(qapp):
    loaded = i18n.install_translator(qapp, "es")
    assert [p.name for p in loaded] == ["factdeck_es.qm", "qtbase_es.qm"]
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's standard buttons too
    assert i18n.language() == "es" and i18n.data_language() == "es"
    assert QLocale().name() == i18n.locale().name()  # date edits write months the same way


def test_back_to_english_removes_the_translators(qapp):
    i18n.install_translator(qapp, "es")
    assert i18n.install_translator(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.data_language() == ""


# ---- View › Language ------------------------------------------------------------------------------------
def test_the_language_menu_remembers_the_choice_and_says_when_it_applies(qtbot):
    settings = Settings()
    window = MainWindow(SelectionState(), settings)
    qtbot.addWidget(window)
    menu = window.language_menu
    assert menu.menu.menuAction() in window.view_menu.actions()
    assert "next time" in menu.menu.menuAction().statusTip()
    assert [a.text() for a in menu.actions.values()][1:] == ["English", "Español"]
    assert menu.actions[""].isChecked()  # nothing saved: follow the system

    menu.actions["es"].trigger()
    assert settings.get(keys.LANGUAGE) == "es"
    assert Settings().get(keys.LANGUAGE) == "es"  # saved to the file
    assert menu.actions["es"].isChecked() and not menu.actions[""].isChecked()
    qtbot.waitUntil(lambda: menu.notice is not None and menu.notice.isVisible())
    assert "Español" in menu.notice.text() and "español" in menu.notice.text()
    menu.notice.close()

    again = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(again)
    assert again.language_menu.actions["es"].isChecked()


def test_choosing_the_language_already_shown_asks_nothing(qtbot):
    window = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(window)
    window.language_menu.actions["en"].trigger()
    assert window.language_menu.notice is None
    assert window.settings.get(keys.LANGUAGE) == "en"


def test_every_facts_date_reads_the_same_in_english_and_is_rewritten_in_spanish(qapp, default_dataset):
    targets = list(default_dataset.events.index) + list(default_dataset.series.index)
    targets += [f"{s}@{p}" for s, p in default_dataset.observations[["series_id", "period"]].head(30).itertuples(index=False)]
    facts = [default_dataset.fact(t) for t in targets]
    i18n.install_translator(qapp, "en")
    assert [i18n.fact_date(default_dataset, f) for f in facts] == [f.date_label for f in facts]
    i18n.install_translator(qapp, "es-MX")
    spanish = {f.target: i18n.fact_date(default_dataset, f) for f in facts}
    assert not any(word in text for text in spanish.values() for word in ("now", "the ", "Feb", "FY"))
    decade = next(f for f in facts if f.date_label.startswith("the 1990s"))
    assert spanish[decade.target].startswith("los años 1990")
    assert all(spanish[f.target] == f.date_label for f in facts if re.fullmatch(r"[\d –]+", f.date_label))


# ---- the whole app, as started from the command line --------------------------------------------------
@pytest.mark.slow
def test_lang_es_screenshot_renders_a_spanish_window(tmp_path):
    import subprocess

    from PySide6.QtGui import QImage

    from conftest import PYTHON, ROOT, python_subprocess_env

    shots = {}
    for lang in ("en", "es"):
        out = tmp_path / f"{lang}.png"
        done = subprocess.run([PYTHON, "-m", "desktop", "--lang", lang, "--screenshot", str(out), "--size", "1280x720",
                               "--select", "lebaron-ambush"], cwd=ROOT, env=python_subprocess_env(),
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        shots[lang] = QImage(str(out))
        assert (shots[lang].width(), shots[lang].height()) == (1280, 720)
    # Same window, same data, other words: the menu bar alone must differ.
    menu_bar = (0, 0, 1280, 24)
    assert shots["en"].copy(*menu_bar) != shots["es"].copy(*menu_bar)


def test_remembered_counts_follow_a_change_of_locale(qapp):
    import numpy as np

    i18n.install_translator(qapp, "en")
    assert i18n.format_number(31335) == i18n.format_number(np.int64(31335)) == "31,335"
    assert i18n.locale() is i18n.locale()  # one QLocale, not one per number
    i18n.install_translator(qapp, "es-ES")
    assert i18n.format_number(31335) == i18n.format_number(np.int64(31335)) == "31.335"
    assert i18n.format_number(True) == "1" and i18n.format_number(2 ** 60) == i18n.format_number(float(2 ** 60))
