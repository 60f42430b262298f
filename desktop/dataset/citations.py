"""Citation text for sources: APA 7, MLA 9 and Chicago author-date, plus BibTeX, RIS and CSL-JSON.

The three prose styles are formatted by citeproc-py from the official CSL
styles and locales bundled in resources/csl/ (see its README: the Citation
Style Language project, CC BY-SA 3.0). Nothing is hand-formatted here: this
module turns a sources.csv row into a CSL-JSON item, applies the few rules
each style states about our kinds of data that CSL cannot express, and works
around documented citeproc-py gaps (see "citeproc-py gaps" below). BibTeX, RIS and
CSL-JSON are data formats and are written directly.

Pure Python: no Qt (the `desktop.dataset` rule).
"""
from __future__ import annotations

import json
import re
import warnings
from functools import lru_cache
from typing import Iterable

import pandas as pd

from .dates import DECADE, PartialDate

STYLES = ("apa", "mla", "chicago", "bibtex", "ris", "csl-json")
CSL_FILES = {
    "apa": "apa.csl",
    "mla": "modern-language-association.csl",
    "chicago": "chicago-author-date.csl",
}
LOCALES = {"en": "en-US", "es": "es-ES"}
UNKNOWN_PUBLISHER = "Unknown"

# sources.csv `kind` → CSL item type (and a genre shown by styles that print one).
CSL_TYPES = {
    "news": ("article-newspaper", ""),
    "opinion": ("article-newspaper", ""),
    "government-report": ("report", ""),
    "government-data": ("dataset", ""),
    "testimony": ("speech", "Testimony"),
    "press-release": ("report", "Press release"),
    "court-record": ("legal_case", ""),
    "academic": ("article-journal", ""),
    "reference": ("webpage", ""),
    "other": ("document", ""),
}
# Kinds whose `publisher` is the periodical the piece appeared in.
_CONTAINER_KINDS = {"news", "opinion", "academic"}


# ---- CSL-JSON items -------------------------------------------------------
def csl_item(source_row: pd.Series, source_id: str) -> dict:
    """A CSL-JSON item describing one row of `Dataset.sources`.

    People written "Last, First; Last, First" become family/given names; an
    author without a comma is an organisation (a literal name). A publisher of
    "Unknown" is left out, as the styles leave out unknown publishers. Dates
    keep their precision: 1, 2 or 3 date-parts, never an invented day; a
    decade (199X) has no CSL form, so it becomes a literal "1990s".
    """
    kind = _text(source_row, "kind") or "other"
    csl_type, genre = CSL_TYPES.get(kind, ("document", ""))
    item: dict = {"id": source_id, "type": csl_type, "title": _text(source_row, "title")}
    if genre:
        item["genre"] = genre
    authors = parse_authors(_text(source_row, "author"))
    if authors:
        item["author"] = authors
    publisher = _text(source_row, "publisher")
    if publisher and publisher != UNKNOWN_PUBLISHER:
        if kind in _CONTAINER_KINDS:
            item["container-title"] = publisher
        elif kind == "testimony":
            item["event-title"] = publisher  # the committee or body that heard it
        elif kind == "court-record":
            item["authority"] = publisher
        else:
            item["publisher"] = publisher
    for column, variable in (("published", "issued"), ("accessed", "accessed")):
        value = _date(source_row, column)
        if value is not None:
            item[variable] = csl_date(value)
    url = _text(source_row, "url")
    if url:
        item["URL"] = url
    notes = _text(source_row, "notes")
    if notes:
        item["note"] = notes
    return item


def parse_authors(text: str) -> list[dict]:
    """CSL names from the contract's author cell: people "Last, First; …" or one organisation."""
    text = text.strip()
    if not text:
        return []
    if "," not in text:
        return [{"literal": text}]
    names = []
    for part in text.split(";"):
        family, _, given = part.partition(",")
        family, given = family.strip(), given.strip()
        if not family:
            continue
        names.append({"family": family, "given": given} if given else {"literal": family})
    return names


def csl_date(value: PartialDate) -> dict:
    """A CSL date with exactly the known parts (a decade as a literal, e.g. "1990s")."""
    if value.precision == DECADE:
        return {"literal": f"{value.year}s"}
    parts = [value.year] + [p for p in (value.month, value.day) if p]
    return {"date-parts": [parts]}


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    return value if isinstance(value, str) else ""


def _date(row: pd.Series, column: str) -> PartialDate | None:
    value = row.get(f"{column}_date")
    if isinstance(value, PartialDate):
        return value
    text = _text(row, column)
    return PartialDate.parse(text) if text else None


# ---- per-style rules -------------------------------------------------------
_PERIODICAL_TYPES = {"article-newspaper", "article-journal"}
_SHORT_WORK_TYPES = {"mla": "article", "chicago": "webpage"}
def _names_text(item: dict) -> str:
    return "; ".join(n.get("literal", "") for n in item.get("author", []))


def style_item(item: dict, style: str) -> dict:
    """The item as one style wants it, for rules the style states but CSL cannot test.

    - APA 7 (9.24): when the group author is also the publisher, the publisher
      is omitted.
    - MLA 9: when an organisation is both author and publisher, the entry
      begins with the title and the organisation is given as publisher only;
      URLs are given without "http://" or "https://"; a speech is dated by
      its event and its optional description is left out.
    - MLA 9 and CMOS 18: an article whose periodical is unknown keeps its
      title in quotation marks.
    - All: a decade-precision date is cited as undated.
    """
    item = dict(item)
    if style in _SHORT_WORK_TYPES and item["type"] in _PERIODICAL_TYPES and "container-title" not in item:
        # A piece whose periodical is unknown is still a short work, titled in
        # quotation marks (MLA 9, CMOS 18); without a container the
        # styles would treat it as a stand-alone, italic work.
        item["type"] = _SHORT_WORK_TYPES[style]
    if "literal" in item.get("issued", {}):
        # A decade has no form in these styles and a year would be invented:
        # cite it as undated ("n.d."); the data formats keep "1990s".
        del item["issued"]
    same_org = bool(item.get("publisher")) and _names_text(item) == item.get("publisher")
    if style == "apa" and same_org:
        del item["publisher"]
    if style == "mla":
        if same_org:
            del item["author"]
        if item["type"] == "speech":
            # MLA's CSL dates a speech by its event only; and MLA 9 makes a
            # description ("Testimony") an optional element, placed at the end,
            # where the CSL style cannot put it, so it is left out.
            if "issued" in item:
                item["event-date"] = item["issued"]
            item.pop("genre", None)
        if "URL" in item:
            item["URL"] = re.sub(r"^https?://", "", item["URL"])
    return item


# ---- formatting ------------------------------------------------------------
def format_citation(dataset, source_ids: list[str], style: str, lang: str = "en",
                    locators: dict[str, str] | None = None) -> str:
    """The references of these sources as plain text, one per line, in the style's order.

    `locators` (source id → "p. 3, Table 1") are appended to the entries they
    belong to, after an em dash, for the prose styles; the data formats carry
    no locator.
    """
    entries = _entries(dataset, _unique(source_ids), style, lang)
    if style in CSL_FILES and locators:
        entries = [(sid, f"{text} — {locators[sid]}" if locators.get(sid) else text) for sid, text in entries]
    return _join(entries, style)


def format_bibliography(dataset, source_ids: Iterable[str], style: str, lang: str = "en") -> str:
    """A whole bibliography (e.g. for an export) in one style, as plain text."""
    return _join(_entries(dataset, _unique(source_ids), style, lang), style)


def sources_for_targets(dataset, targets: Iterable[str]) -> list[str]:
    """The source ids behind these facts, without repeats, in order of first appearance."""
    found: list[str] = []
    for target in targets:
        found.extend(dataset.citations_for(target)["source_id"])
    return _unique(found)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _join(entries: list[tuple[str, str]], style: str) -> str:
    texts = [text for _, text in entries]
    if style == "csl-json":
        return texts[0] if texts else "[]"
    separator = "\n\n" if style in ("bibtex", "ris") else "\n"
    return separator.join(texts)


def _entries(dataset, source_ids: list[str], style: str, lang: str) -> list[tuple[str, str]]:
    if style not in STYLES:
        raise ValueError(f"Unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    sources = dataset.sources
    missing = [sid for sid in source_ids if sid not in sources.index]
    if missing:
        raise KeyError(f"No such source: {', '.join(missing)}")
    items = [csl_item(sources.loc[sid], sid) for sid in source_ids]
    if style == "csl-json":
        return [("", json.dumps(items, ensure_ascii=False, indent=2))]
    if style == "bibtex":
        return [(item["id"], bibtex_entry(item)) for item in items]
    if style == "ris":
        return [(item["id"], ris_entry(item)) for item in items]
    return _citeproc_entries([style_item(i, style) for i in items], style, LOCALES.get(lang, "en-US"))


def _citeproc_entries(items: list[dict], style: str, locale: str) -> list[tuple[str, str]]:
    if not items:
        return []
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    csl_style = _load_style(style, locale)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        source = CiteProcJSON([_citeproc_ready(i) for i in items])
        bibliography = CitationStylesBibliography(csl_style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        texts = [str(entry) for entry in bibliography.bibliography()]
    return [(key, _tidy(text, locale)) for key, text in zip(bibliography.keys, texts)]


def _citeproc_ready(item: dict) -> dict:
    """The item as citeproc-py reads it.

    citeproc-py knows `event` (CSL 1.0.1), not `event-title` (1.0.2). A
    bracketed description ("[Photograph of a pill press]") is not a title and
    keeps its own capitals (MLA 9 and CMOS 18 do not title-case descriptions):
    citeproc-py's "nocase" span says so. Our notes are for readers of the
    dataset, not part of a reference.
    """
    item = dict(item)
    if "event-title" in item:
        item["event"] = item["event-title"]
    title = item.get("title", "")
    if title.startswith("[") and title.endswith("]"):
        item["title"] = f'<span class="nocase">{title}</span>'
    item.pop("note", None)
    return item


@lru_cache(maxsize=8)
def _load_style(style: str, locale: str):
    from citeproc import CitationStylesStyle

    from desktop import paths

    _install_citeproc_fixes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl_style = CitationStylesStyle(str(paths.resource("csl", CSL_FILES[style])), locale=locale, validate=False)
    _use_bundled_locale(csl_style, paths.resource("csl", f"locales-{locale}.xml"))
    return csl_style


# ---- citeproc-py gaps ------------------------------------------------------
# citeproc-py 0.11 renders the current APA, MLA and Chicago styles with four
# faults, each fixed here in the smallest way and each covered by a test in
# tests/dataset/test_citations.py:
#  1. `<name initialize="false">` (CSL 1.0.1) is ignored, so MLA and Chicago
#     print "Hoffman, J." for "Hoffman, Jan": honour it.
#  2. `<label variable="edition">` prints its term even when the variable is
#     empty (CSL: a label renders only with its variable), so Chicago printed
#     "Edition." in every entry: render nothing then.
#  3. Variables rendered by a `<substitute>` through a macro are not suppressed
#     in the rest of the entry (CSL: substituted variables are suppressed), so
#     an untitled, authorless work printed its title twice: record what the
#     substitute rendered and suppress it.
#  4. The locale option punctuation-in-quote (en-US: true) is ignored, so MLA
#     and Chicago print “Title”. instead of “Title.”: `_tidy` moves a period or
#     comma that follows a closing quotation mark inside it.
_fixes_installed = False
_CSL_TEXT = "{http://purl.org/net/xbiblio/csl}text"


def _install_citeproc_fixes() -> None:
    global _fixes_installed
    if _fixes_installed:
        return
    from citeproc import model

    original_initialize = model.Name.initialize

    def initialize(self, given, mark, context):
        if self.get("initialize", "true").lower() == "false":
            return given
        return original_initialize(self, given, mark, context)

    original_label = model.Label.process

    def label(self, item, variable=None, plural=None, context=None, **kwargs):
        own = self.get("variable")
        if variable is None and own and own != "locator" and own.replace("-", "_") not in item.reference:
            return None
        return original_label(self, item, variable, plural, context, **kwargs)

    original_variable = model.Text._variable

    def text_variable(self, item, context):
        text = original_variable(self, item, context)
        record = getattr(context.get_layout(), "_factdeck_rendered", None)
        if record is not None and text:
            record.append(self.get("variable"))
        return text

    def substitute(self, item, context=None, **kwargs):
        # The loop of citeproc-py's Substitute.render, plus recording (fix 3).
        layout = (context if context is not None else self).get_layout()
        for child in self.getchildren():
            layout._factdeck_rendered = []
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                rendered, layout._factdeck_rendered = layout._factdeck_rendered, None
            if text:
                self.add_to_repressed_list(child, context)
                layout.repressed.setdefault(_CSL_TEXT, []).extend(rendered)
                return text
        return None

    model.Name.initialize = initialize
    model.Label.process = label
    model.Text._variable = text_variable
    model.Substitute.render = substitute
    _fixes_installed = True


def _use_bundled_locale(csl_style, locale_path) -> None:
    """Make the style read terms from our bundled locale file, not citeproc-py's copy.

    citeproc-py appends its own locale files after the style's in-style
    locales; swap those for the file in resources/csl/ so the app's output
    depends only on what it ships.
    """
    from citeproc.frontend import CitationStylesXML

    root = csl_style.root
    in_style = [loc for loc in root.locales if loc.getparent() is not None]  # <locale> inside the style
    bundled = CitationStylesXML(str(locale_path), validate=False).root
    root.locales = in_style + [bundled]
    for loc in root.locales:
        loc.style = root


def _tidy(text: str, locale: str) -> str:
    """Final touches on citeproc-py's plain text: punctuation-in-quote (fix 4), spacing."""
    if locale == "en-US":
        text = re.sub(r"”([.,])", r"\1”", text)
        text = re.sub(r"’([.,])", r"\1’", text)
    # A bracketed description stands for a missing title and is never quoted
    # (APA 7, MLA 9, CMOS 18): drop quotation marks the style put around it.
    text = re.sub(r"[“‘«](\[[^\]]*\][.,]?)[”’»]", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# ---- BibTeX and RIS --------------------------------------------------------
_BIBTEX_TYPES = {
    "article-newspaper": "article", "article-journal": "article", "report": "techreport",
}
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_escape(text: str) -> str:
    """Text with BibTeX/LaTeX special characters escaped, so it prints as written."""
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in text)


def _iso(csl: dict) -> str:
    """ISO 8601 / EDTF with the known precision (a decade "1990s" as EDTF "199X", as biblatex reads it)."""
    if "literal" in csl:
        return re.sub(r"^(\d{3})0s$", r"\1X", csl["literal"])
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(csl["date-parts"][0]))


def bibtex_entry(item: dict) -> str:
    """One BibTeX entry (with biblatex's `date` and `urldate`) for a CSL item; the key is the source id."""
    entry_type = _BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    names = item.get("author", [])
    if names:
        people = [f"{bibtex_escape(n['family'])}, {bibtex_escape(n['given'])}" if "family" in n
                  else "{" + bibtex_escape(n["literal"]) + "}" for n in names]
        fields.append(("author", "{" + " and ".join(people) + "}"))
    fields.append(("title", "{{" + bibtex_escape(item["title"]) + "}}"))
    container = {"article": "journal", "techreport": "institution", "misc": "publisher"}[entry_type]
    for variable in ("container-title", "publisher", "event-title", "authority"):
        if variable in item:
            fields.append((container if variable != "event-title" else "organization",
                           "{" + bibtex_escape(item[variable]) + "}"))
    issued = item.get("issued")
    if issued and "date-parts" in issued:
        parts = issued["date-parts"][0]
        fields.append(("year", f"{{{parts[0]}}}"))
        if len(parts) > 1:
            fields.append(("month", _MONTH_MACROS[parts[1] - 1]))
    if issued:
        fields.append(("date", "{" + bibtex_escape(_iso(issued)) + "}"))
    if item.get("genre"):
        fields.append(("type", "{" + bibtex_escape(item["genre"]) + "}"))
    if "URL" in item:
        fields.append(("url", "{" + item["URL"].replace("{", "%7B").replace("}", "%7D") + "}"))
    if "accessed" in item:
        fields.append(("urldate", "{" + _iso(item["accessed"]) + "}"))
    if item.get("note"):
        fields.append(("note", "{" + bibtex_escape(item["note"]) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}"


_RIS_TYPES = {
    "article-newspaper": "NEWS", "report": "RPRT", "dataset": "DATA", "speech": "HEAR",
    "legal_case": "CASE", "article-journal": "JOUR", "webpage": "ELEC", "document": "GEN",
}


def _ris_date(csl: dict) -> str:
    if "literal" in csl:
        return csl["literal"]
    return "/".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(csl["date-parts"][0]))


def ris_entry(item: dict) -> str:
    """One RIS record for a CSL item: dates only to their known precision."""
    lines = [("TY", _RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    for name in item.get("author", []):
        lines.append(("AU", f"{name['family']}, {name['given']}" if "family" in name else name["literal"]))
    lines.append(("TI", item["title"]))
    for variable, tag in (("container-title", "T2"), ("event-title", "T2"), ("publisher", "PB"), ("authority", "PB")):
        if variable in item:
            lines.append((tag, item[variable]))
    if item.get("genre"):
        lines.append(("M3", item["genre"]))
    issued = item.get("issued")
    notes = [item["note"]] if item.get("note") else []
    if issued and "date-parts" in issued:
        lines.append(("PY", f"{issued['date-parts'][0][0]:04d}"))
        if len(issued["date-parts"][0]) > 1:
            lines.append(("DA", _ris_date(issued)))
    elif issued:
        notes.insert(0, f"Published in the {issued['literal']}.")
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    if "accessed" in item:
        lines.append(("Y2", _ris_date(item["accessed"])))
    lines.extend(("N1", " ".join(note.split())) for note in notes)
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}" for tag, value in lines)
