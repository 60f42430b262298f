"""The interface language: Qt translators, the locale for numbers and dates, and translated dataset columns.

One language is chosen at start-up, in this order: `--lang` on the command
line, the View › Language setting, the system's own language. `--lang` takes
a language ("en", "es") or a locale ("es-MX", "es_ES"): the language picks the
interface strings and the dataset's translated columns (`title@es`), the
region picks how numbers and dates are written (es-MX writes 31,335, es-ES
31.335). A language without a region takes the system's region when that
exists in the language (a Spanish class on a US laptop writes numbers as in
the US), else the region named in DEFAULT_REGIONS.

Qt is imported lazily where it can be: `parse_language` and `language` run
before any QApplication exists, e.g. to refuse a bad `--lang` with exit code 2.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("en", "es")
# The conventions a bare language falls back to when the system's region does not fit it.
DEFAULT_REGIONS = {"en": "US", "es": "MX"}
# What each language is called in itself, for the language menu (never translated).
NATIVE_NAMES = {"en": "English", "es": "Español"}
TRANSLATION_PREFIX = "factdeck_"

_CODE = re.compile(r"^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}|\d{3}))?$")

_language = "en"
_locale: QLocale | None = None
_default_locale: QLocale | None = None  # made once: building a QLocale per number was a hot spot
_whole_numbers: dict[int, str] = {}  # format_number's answers for whole numbers in the current locale
_translators: list[QTranslator] = []


class LanguageError(ValueError):
    """A language code that is not one Factdeck speaks, or not a code at all."""


def parse_language(code: str) -> tuple[str, str]:
    """Split "es-MX" into ("es", "MX"); a bare language gives ("es", ""). Raise LanguageError otherwise."""
    match = _CODE.match((code or "").strip())
    if not match:
        raise LanguageError(f'"{code}" is not a language; write en, es, or a locale such as es-MX')
    lang, region = match.group(1).lower(), (match.group(2) or "").upper()
    if lang not in SUPPORTED:
        raise LanguageError(f'"{code}": Factdeck speaks {" and ".join(SUPPORTED)}, not {lang}; '
                            'write en, es, or a locale such as es-MX')
    if region and QLocale.codeToTerritory(region) == QLocale.Country.AnyTerritory:
        raise LanguageError(f'"{code}": {region} is not a region code; write a locale such as es-MX, es-ES or es-US')
    return lang, region


def system_language(system: QLocale | None = None) -> str:
    """The first supported language among the system's interface languages; "en" if none is."""
    system = system or QLocale.system()
    for name in [system.name(), *system.uiLanguages()]:
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang in SUPPORTED:
            return lang
    return "en"


def choose_language(requested: str | None, saved: str = "") -> str:
    """What to use: the command line's choice, else the saved setting, else the system's language."""
    for candidate in (requested, saved):
        if candidate:
            try:
                parse_language(candidate)
            except LanguageError:
                continue  # a damaged setting falls through to the system's language
            return candidate
    return system_language()


def resolve_locale(code: str, system: QLocale | None = None) -> QLocale:
    """The QLocale for a language code: its own region, the system's, or the language's default."""
    lang, region = parse_language(code)
    system = system or QLocale.system()
    candidates = [f"{lang}_{region}"] if region else []
    if system.name().split("_")[0] == lang:
        candidates.append(system.name())
    system_region = QLocale.territoryToCode(system.territory())
    if system_region:
        candidates.append(f"{lang}_{system_region}")
    candidates.append(f"{lang}_{DEFAULT_REGIONS[lang]}")
    for name in candidates:
        locale = QLocale(name)
        wanted_region = name.split("_")[1]
        # QLocale silently swaps an unknown pair (es_GB) for the language's main one: skip those.
        if QLocale.territoryToCode(locale.territory()) == wanted_region and locale.name().split("_")[0] == lang:
            return locale
    return QLocale(f"{lang}_{DEFAULT_REGIONS[lang]}")


def set_language(code: str) -> None:
    """Choose the interface language and region ("en", "es", "es-MX"); no translator is loaded here."""
    global _language, _locale
    try:
        _language = parse_language(code)[0]
        _locale = resolve_locale(code)
    except LanguageError:
        _language, _locale = "en", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(_locale)  # date edits and spin boxes then write months and numbers this way
    _whole_numbers.clear()  # written the old locale's way


def language() -> str:
    """The two-letter interface language ("en", "es")."""
    return _language


def data_language() -> str:
    """The suffix of translated dataset columns to prefer; "" for the originals (English)."""
    return "" if _language == "en" else _language


def locale() -> QLocale:
    """The QLocale numbers and dates are written in (es_MX, es_ES, en_US …)."""
    global _default_locale
    if _locale is not None:
        return _locale
    if _default_locale is None:
        _default_locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return _default_locale


def translations_dir() -> Path:
    from .. import paths

    return paths.resources_dir() / "translations"


def install_translator(app: QCoreApplication, code: str) -> list[Path]:
    """Set the language and load its translations into `app`: Factdeck's own, then Qt's standard dialogs.

    Returns the .qm files loaded (none for English, the source language).
    Translators from an earlier call are removed first.
    """
    set_language(code)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    loaded: list[Path] = []
    if _language == "en":
        return loaded
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in (translations_dir() / f"{TRANSLATION_PREFIX}{_language}.qm", qt_dir / f"qtbase_{_language}.qm"):
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(path)
    return loaded


# ---- numbers and dates, written the locale's way ------------------------------------------
def format_number(value: float | int, decimals: int | None = None) -> str:
    """A number with the locale's grouping and decimal mark: 31,335 (en, es-MX) or 31.335 (es-ES).

    `decimals` fixes the digits after the mark; by default a whole number has
    none and any other shows just the digits it needs (0.25, not 0.250000).
    """
    if decimals is None and hasattr(value, "__index__") and abs(int(value)) < 2 ** 53:
        # Counts are painted by the thousand (the timeline's groups): remember each one's text.
        whole = int(value)
        text = _whole_numbers.get(whole)
        if text is None:
            if len(_whole_numbers) > 4096:
                _whole_numbers.clear()
            text = _whole_numbers[whole] = locale().toString(whole)
        return text
    number = float(value)
    if not math.isfinite(number):
        return ""
    loc = locale()
    if decimals is not None:
        return loc.toString(number, "f", decimals)
    if number.is_integer() and abs(number) < 2 ** 53:
        return loc.toString(int(number))
    return loc.toString(number, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


def _tr(text: str) -> str:
    return QCoreApplication.translate("dates", text)


def format_date(date) -> str:
    """A `PartialDate` as precisely as it is known, in the locale's words.

    English: "17 Oct 2019", "Oct 2019", "2019", "the 1990s" (as PartialDate.label());
    Spanish: "17 oct 2019", "oct 2019", "2019", "los años 1990". Years are never grouped.
    """
    from ..dataset.dates import DAY, DECADE, MONTH

    if date.precision == DECADE:
        return _tr("the {decade}s").format(decade=date.year)
    if date.precision == MONTH:
        return f"{_month(date.month)} {date.year}"
    if date.precision == DAY:
        return f"{date.day} {_month(date.month)} {date.year}"
    return str(date.year)


def format_date_range(start, end=None, open_ended: bool = False) -> str:
    """A period like `dates.label_range`, in the locale's words: "2013 – now", "oct 2017 – sept 2018"."""
    if open_ended:
        return _tr("{start} – now").format(start=format_date(start))
    if end is None or end == start:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


def format_period(period_type: str, period: str) -> str:
    """A chart period like `periods.period_label`: "FY2018" ("AF2018" in Spanish), "oct 2018"."""
    from ..dataset.dates import PartialDate

    if period_type == "us-fiscal-year":
        return _tr("FY{year}").format(year=period)
    try:
        return format_date(PartialDate.parse(period))
    except ValueError:
        return period


def _month(month: int) -> str:
    # The stand-alone short name: "Oct", "oct", "sept"; never with the period some locales add.
    return locale().standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")


def fact_date(dataset, fact) -> str:
    """A `Fact`'s date label in the interface's words (`Fact.date_label` is always English).

    In English this is `fact.date_label` itself, at no cost; otherwise the
    event's dates, the value's period or the series' span are written again
    with `format_date_range` / `format_period`.
    """
    if _language == "en":
        return fact.date_label
    from ..dataset.dataset import EVENT, OBSERVATION, SERIES

    if fact.kind == EVENT:
        row = dataset.events.loc[fact.target]
        end = row["end_date"]
        return format_date_range(row["start_date"], end if end is not None and end == end else None,
                                 bool(row["open_ended"]))
    if fact.kind == OBSERVATION:
        return format_period(dataset.series.loc[fact.extra["series_id"]]["period_type"], str(fact.extra["period"]))
    if fact.kind == SERIES:
        obs = dataset.observations_of(fact.target)
        if not len(obs):
            return ""
        period_type = dataset.series.loc[fact.target]["period_type"]
        first, last = (format_period(period_type, str(obs.iloc[i]["period"])) for i in (0, -1))
        return first if first == last else f"{first} – {last}"
    return fact.date_label
