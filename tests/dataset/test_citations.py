"""The citation engine against the style guides.

Every expected reference below was written by hand from the rules and
examples of the guides themselves, not copied from the engine's output:

- APA: Publication Manual of the APA, 7th ed. (2020). Group author (9.11);
  no author: title moves to the author position (9.12); reports are dated by
  year (10.4); publisher omitted when it is the author (9.24); newspaper
  articles dated (Year, Month Day) (10.2); data sets "[Data set]" (10.9);
  presentations "Title [Description]. Event. URL" (10.14), which we use for
  testimony because a dataset carries no Congress number for the legal form;
  no date "(n.d.)" with "Retrieved Month Day, Year, from URL" (9.17, 9.16);
  untitled works described in square brackets (9.21).
- MLA Handbook, 9th ed. (2021): names in full, "Last, First, and First Last";
  titles of short works in quotation marks, in title case; organisation that
  is author and publisher: begin with the title; day month year with months
  abbreviated ("17 Oct. 2019", "Jan. 2019"); URLs without "https://"; an
  access date when the work is undated; a description replaces a missing
  title, neither quoted nor italic; data sets within a database are quoted.
- Chicago Manual of Style, 18th ed., author-date: full names; the year right
  after the author; headline-style titles, articles in quotation marks;
  newspapers give month and day after the paper's name (14.87, 13.102); an
  organisation may be both author and publisher; "n.d." and an access date
  for undated works; periods and commas inside closing quotation marks.

Italics are not part of plain text, so they cannot be asserted here.
"""
from __future__ import annotations

import json
import types

import pandas as pd
import pytest

from desktop.dataset import citations as C
from desktop.dataset.dataset import Dataset
from desktop.dataset.dates import PartialDate

COLUMNS = ("kind", "title", "author", "publisher", "published", "url", "accessed", "notes")
SOURCES = {
    "nida-overdose": ("government-report", "Opioid overdose crisis", "National Institute on Drug Abuse",
                      "National Institute on Drug Abuse", "2019-01",
                      "https://www.drugabuse.gov/drug-topics/opioids/opioid-overdose-crisis", "", ""),
    "samhsa-nsduh": ("government-report", "Key substance use and mental health indicators in the United States",
                     "Substance Abuse and Mental Health Services Administration",
                     "U.S. Department of Health and Human Services", "2019-08", "https://www.samhsa.gov/data/", "", ""),
    "latimes-deaths": ("news", "Fentanyl deaths rise again", "Hoffman, Jan", "Los Angeles Times", "2019-10-17",
                       "https://www.latimes.com/science/story/2019-10-17/fentanyl-deaths", "", ""),
    "two-authors": ("news", "Pill presses seized", "Hoffman, Jan; Smith, Ann B.", "Los Angeles Times", "2020-03-02",
                    "https://www.latimes.com/x", "", ""),
    "anon-pills": ("news", "Fentanyl found in counterfeit pills", "", "Unknown", "2019-05",
                   "https://example.org/pills", "2021-05-02", ""),
    "dhillon-testimony": ("testimony", "Stopping the flow of fentanyl", "Dhillon, Uttam",
                          "U.S. Senate Committee on the Judiciary", "2019-05-08",
                          "https://www.judiciary.senate.gov/hearings/fentanyl", "", ""),
    "cdc-wonder": ("government-data", "Multiple cause of death, 1999-2019", "Centers for Disease Control and Prevention",
                   "National Center for Health Statistics", "2020", "https://wonder.cdc.gov/mcd.html", "2021-02-01", ""),
    "pill-photo": ("other", "[Photograph of a pill press]", "", "Unknown", "", "https://example.org/photo",
                   "2021-05-02", ""),
    "dea-decade": ("reference", "Heroin {purity} & 100% of #1_cases $", "", "Drug Enforcement Administration", "199X",
                   "https://www.dea.gov/x", "", "Scanned; see p. 2"),
}


def make_sources(rows: dict = SOURCES) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict({k: dict(zip(COLUMNS, v)) for k, v in rows.items()}, orient="index")
    frame.index.name = "source_id"
    for column in ("published", "accessed"):
        frame[f"{column}_date"] = [PartialDate.parse(v) if v else None for v in frame[column]]
    return frame


@pytest.fixture(scope="module")
def dataset():
    return types.SimpleNamespace(sources=make_sources())


def cite(dataset, source_id: str, style: str, lang: str = "en") -> str:
    return C.format_citation(dataset, [source_id], style, lang)


# ---- the five kinds of source the issue names, in each style ---------------
EXPECTED = {
    # A government report with a corporate author (the author is also the publisher).
    ("nida-overdose", "apa"):
        "National Institute on Drug Abuse. (2019). Opioid overdose crisis. "
        "https://www.drugabuse.gov/drug-topics/opioids/opioid-overdose-crisis",
    ("nida-overdose", "mla"):
        "Opioid Overdose Crisis. National Institute on Drug Abuse, Jan. 2019, "
        "www.drugabuse.gov/drug-topics/opioids/opioid-overdose-crisis.",
    ("nida-overdose", "chicago"):
        "National Institute on Drug Abuse. 2019. Opioid Overdose Crisis. National Institute on Drug Abuse. "
        "https://www.drugabuse.gov/drug-topics/opioids/opioid-overdose-crisis.",
    # A news article with a personal author.
    ("latimes-deaths", "apa"):
        "Hoffman, J. (2019, October 17). Fentanyl deaths rise again. Los Angeles Times. "
        "https://www.latimes.com/science/story/2019-10-17/fentanyl-deaths",
    ("latimes-deaths", "mla"):
        "Hoffman, Jan. “Fentanyl Deaths Rise Again.” Los Angeles Times, 17 Oct. 2019, "
        "www.latimes.com/science/story/2019-10-17/fentanyl-deaths.",
    ("latimes-deaths", "chicago"):
        "Hoffman, Jan. 2019. “Fentanyl Deaths Rise Again.” Los Angeles Times, October 17. "
        "https://www.latimes.com/science/story/2019-10-17/fentanyl-deaths.",
    # An article with unknown author and publisher: the title leads, no publisher is printed.
    ("anon-pills", "apa"): "Fentanyl found in counterfeit pills. (2019, May). https://example.org/pills",
    ("anon-pills", "mla"): "“Fentanyl Found in Counterfeit Pills.” May 2019, example.org/pills.",
    ("anon-pills", "chicago"): "“Fentanyl Found in Counterfeit Pills.” 2019. May. https://example.org/pills.",
    # Congressional testimony.
    ("dhillon-testimony", "apa"):
        "Dhillon, U. (2019, May 8). Stopping the flow of fentanyl [Testimony]. "
        "U.S. Senate Committee on the Judiciary. https://www.judiciary.senate.gov/hearings/fentanyl",
    ("dhillon-testimony", "mla"):
        "Dhillon, Uttam. “Stopping the Flow of Fentanyl.” U.S. Senate Committee on the Judiciary, 8 May 2019, "
        "www.judiciary.senate.gov/hearings/fentanyl.",
    ("dhillon-testimony", "chicago"):
        "Dhillon, Uttam. 2019. “Stopping the Flow of Fentanyl.” Testimony. U.S. Senate Committee on the Judiciary, "
        "May 8. https://www.judiciary.senate.gov/hearings/fentanyl.",
    # A dataset.
    ("cdc-wonder", "apa"):
        "Centers for Disease Control and Prevention. (2020). Multiple cause of death, 1999-2019 [Data set]. "
        "National Center for Health Statistics. https://wonder.cdc.gov/mcd.html",
    ("cdc-wonder", "mla"):
        "Centers for Disease Control and Prevention. “Multiple Cause of Death, 1999-2019.” "
        "National Center for Health Statistics, 2020, wonder.cdc.gov/mcd.html.",
    ("cdc-wonder", "chicago"):
        "Centers for Disease Control and Prevention. 2020. “Multiple Cause of Death, 1999-2019.” "
        "National Center for Health Statistics. https://wonder.cdc.gov/mcd.html.",
    # An untitled, undated work described in brackets, with an access date.
    ("pill-photo", "apa"): "[Photograph of a pill press]. (n.d.). Retrieved May 2, 2021, from https://example.org/photo",
    ("pill-photo", "mla"): "[Photograph of a pill press]. example.org/photo. Accessed 2 May 2021.",
    ("pill-photo", "chicago"): "[Photograph of a pill press]. n.d. Accessed May 2, 2021. https://example.org/photo.",
    # A report whose publisher differs from its group author: APA names both.
    ("samhsa-nsduh", "apa"):
        "Substance Abuse and Mental Health Services Administration. (2019). Key substance use and mental health "
        "indicators in the United States. U.S. Department of Health and Human Services. https://www.samhsa.gov/data/",
    # Two people: APA "&" with initials, MLA and Chicago "and" with full names, second name not inverted.
    ("two-authors", "apa"): "Hoffman, J., & Smith, A. B. (2020, March 2). Pill presses seized. Los Angeles Times. "
                            "https://www.latimes.com/x",
    ("two-authors", "mla"): "Hoffman, Jan, and Ann B. Smith. “Pill Presses Seized.” Los Angeles Times, 2 Mar. 2020, "
                            "www.latimes.com/x.",
    ("two-authors", "chicago"): "Hoffman, Jan, and Ann B. Smith. 2020. “Pill Presses Seized.” Los Angeles Times, "
                                "March 2. https://www.latimes.com/x.",
}


@pytest.mark.parametrize(("source_id", "style"), sorted(EXPECTED))
def test_reference_matches_the_style_guide(dataset, source_id, style):
    assert cite(dataset, source_id, style) == EXPECTED[(source_id, style)]


# ---- the citeproc-py fixes, one by one --------------------------------------
def test_full_given_names_where_the_style_says_initialize_false(dataset):
    assert cite(dataset, "latimes-deaths", "mla").startswith("Hoffman, Jan.")
    assert cite(dataset, "latimes-deaths", "apa").startswith("Hoffman, J.")  # APA does initialise


def test_no_label_for_an_empty_variable(dataset):
    for source_id in SOURCES:
        assert "Edition" not in cite(dataset, source_id, "chicago")


def test_a_substituted_title_is_not_repeated(dataset):
    for style in ("apa", "mla", "chicago"):
        text = cite(dataset, "pill-photo", style)
        assert text.count("Photograph of a pill press") == 1, text
        assert cite(dataset, "anon-pills", style).lower().count("fentanyl found") == 1


def test_punctuation_goes_inside_closing_quotes_in_english_only(dataset):
    english = cite(dataset, "latimes-deaths", "chicago")
    assert "Again.”" in english and "”." not in english
    spanish = cite(dataset, "latimes-deaths", "chicago", "es")
    assert "«Fentanyl Deaths Rise Again»." in spanish


def test_unknown_publisher_is_never_printed(dataset):
    for source_id in ("anon-pills", "pill-photo"):
        for style in ("apa", "mla", "chicago"):
            assert "Unknown" not in cite(dataset, source_id, style)


# ---- dates, languages, order --------------------------------------------------
def test_a_decade_is_cited_as_undated_never_as_an_invented_year(dataset):
    assert "(n.d.)" in cite(dataset, "dea-decade", "apa")
    for style in ("apa", "mla", "chicago"):
        assert "1990" not in cite(dataset, "dea-decade", style)


def test_spanish_uses_the_spanish_locale(dataset):
    assert cite(dataset, "cdc-wonder", "apa", "es") == (
        "Centers for Disease Control and Prevention. (2020). Multiple cause of death, 1999-2019 "
        "[Conjunto de datos]. National Center for Health Statistics. https://wonder.cdc.gov/mcd.html")
    assert "(s. f.)" in cite(dataset, "pill-photo", "apa", "es")
    assert "17 de octubre de 2019" in cite(dataset, "latimes-deaths", "mla", "es")


def test_bibliography_is_sorted_as_the_style_sorts_and_unique(dataset):
    ids = ["nida-overdose", "cdc-wonder", "latimes-deaths", "cdc-wonder"]
    lines = C.format_bibliography(dataset, ids, "apa").splitlines()
    assert [line.split(".")[0] for line in lines] == [
        "Centers for Disease Control and Prevention", "Hoffman, J", "National Institute on Drug Abuse"]
    # MLA sorts the title-led NIDA entry under "Opioid".
    mla = C.format_bibliography(dataset, ids, "mla").splitlines()
    assert [line[:8] for line in mla] == ["Centers ", "Hoffman,", "Opioid O"]


def test_locators_follow_their_own_entry(dataset):
    text = C.format_citation(dataset, ["latimes-deaths", "nida-overdose"], "apa",
                             locators={"nida-overdose": "p. 3, Table 1"})
    first, second = text.splitlines()
    assert first.startswith("Hoffman") and "Table" not in first
    assert second.endswith("opioid-overdose-crisis — p. 3, Table 1")


def test_unknown_style_and_unknown_source_fail_loudly(dataset):
    with pytest.raises(ValueError, match="apa, mla"):
        C.format_citation(dataset, ["nida-overdose"], "harvard")
    with pytest.raises(KeyError, match="no-such"):
        C.format_citation(dataset, ["no-such"], "apa")


# ---- CSL items ---------------------------------------------------------------
def test_csl_item_keeps_people_organisations_and_date_precision():
    sources = make_sources()
    news = C.csl_item(sources.loc["two-authors"], "two-authors")
    assert news["type"] == "article-newspaper"
    assert news["author"] == [{"family": "Hoffman", "given": "Jan"}, {"family": "Smith", "given": "Ann B."}]
    assert news["container-title"] == "Los Angeles Times"
    assert news["issued"] == {"date-parts": [[2020, 3, 2]]}
    report = C.csl_item(sources.loc["nida-overdose"], "nida-overdose")
    assert report["type"] == "report"
    assert report["author"] == [{"literal": "National Institute on Drug Abuse"}]
    assert report["issued"] == {"date-parts": [[2019, 1]]}
    data = C.csl_item(sources.loc["cdc-wonder"], "cdc-wonder")
    assert data["type"] == "dataset" and data["issued"] == {"date-parts": [[2020]]}
    assert data["accessed"] == {"date-parts": [[2021, 2, 1]]}
    anon = C.csl_item(sources.loc["anon-pills"], "anon-pills")
    assert "author" not in anon and "container-title" not in anon and "publisher" not in anon
    photo = C.csl_item(sources.loc["pill-photo"], "pill-photo")
    assert "issued" not in photo and photo["type"] == "document"
    decade = C.csl_item(sources.loc["dea-decade"], "dea-decade")
    assert decade["issued"] == {"literal": "1990s"} and decade["note"] == "Scanned; see p. 2"


@pytest.mark.parametrize(("kind", "csl_type"), [
    ("news", "article-newspaper"), ("opinion", "article-newspaper"), ("government-report", "report"),
    ("government-data", "dataset"), ("testimony", "speech"), ("press-release", "report"),
    ("court-record", "legal_case"), ("academic", "article-journal"), ("reference", "webpage"), ("other", "document"),
])
def test_every_source_kind_has_a_csl_type_and_formats(kind, csl_type):
    row = dict(zip(COLUMNS, (kind, "A title", "Doe, Jane", "Some Body", "2018", "https://a.example/", "", "")))
    sources = make_sources({"s": tuple(row.values())})
    assert C.csl_item(sources.loc["s"], "s")["type"] == csl_type
    holder = types.SimpleNamespace(sources=sources)
    for style in ("apa", "mla", "chicago"):
        text = C.format_citation(holder, ["s"], style)
        assert "2018" in text and "title" in text.lower() and "a.example" in text, (style, text)
        if kind != "court-record":  # a legal citation names the case and court, not a person
            assert "Doe" in text, (style, text)


def test_csl_json_is_the_items_as_json(dataset):
    items = json.loads(C.format_citation(dataset, ["latimes-deaths", "dea-decade"], "csl-json"))
    assert [i["id"] for i in items] == ["latimes-deaths", "dea-decade"]
    assert items[0]["author"] == [{"family": "Hoffman", "given": "Jan"}]
    assert items[1]["title"] == "Heroin {purity} & 100% of #1_cases $"
    assert json.loads(C.format_bibliography(dataset, [], "csl-json")) == []


# ---- BibTeX and RIS ----------------------------------------------------------
def test_bibtex_escapes_special_characters_and_keeps_precision(dataset):
    entry = cite(dataset, "dea-decade", "bibtex")
    assert entry.startswith("@misc{dea-decade,\n")
    assert r"title = {{Heroin \{purity\} \& 100\% of \#1\_cases \$}}" in entry
    assert "date = {199X}" in entry and "year" not in entry
    assert r"note = {Scanned; see p. 2}" in entry
    news = cite(dataset, "latimes-deaths", "bibtex")
    assert news.splitlines() == [
        "@article{latimes-deaths,",
        "  author = {Hoffman, Jan},",
        "  title = {{Fentanyl deaths rise again}},",
        "  journal = {Los Angeles Times},",
        "  year = {2019},",
        "  month = oct,",
        "  date = {2019-10-17},",
        "  url = {https://www.latimes.com/science/story/2019-10-17/fentanyl-deaths}",
        "}",
    ]
    assert "author = {{National Institute on Drug Abuse}}" in cite(dataset, "nida-overdose", "bibtex")


def test_ris_records_have_the_known_precision(dataset):
    assert cite(dataset, "cdc-wonder", "ris").splitlines() == [
        "TY  - DATA",
        "ID  - cdc-wonder",
        "AU  - Centers for Disease Control and Prevention",
        "TI  - Multiple cause of death, 1999-2019",
        "PB  - National Center for Health Statistics",
        "PY  - 2020",
        "UR  - https://wonder.cdc.gov/mcd.html",
        "Y2  - 2021/02/01",
        "ER  - ",
    ]
    month = cite(dataset, "nida-overdose", "ris").splitlines()
    assert "PY  - 2019" in month and "DA  - 2019/01" in month
    decade = cite(dataset, "dea-decade", "ris").splitlines()
    assert not any(line.startswith(("PY", "DA")) for line in decade)
    assert "N1  - Published in the 1990s." in decade
    both = C.format_citation(dataset, ["nida-overdose", "cdc-wonder"], "ris")
    assert both.count("TY  - ") == 2 and both.count("ER  - ") == 2


# ---- the facts behind a target ------------------------------------------------
def _tiny_dataset() -> Dataset:
    events = pd.DataFrame({"kind": ["event"], "title": ["E"]}, index=pd.Index(["ev"], name="event_id"))
    series = pd.DataFrame({"title": ["S"]}, index=pd.Index(["se"], name="series_id"))
    observations = pd.DataFrame({"series_id": ["se"], "period": ["2018"], "value": [1.0]})
    citations = pd.DataFrame({
        "target": ["ev", "ev", "se", "se@2018", "ev"],
        "source_id": ["cdc-wonder", "nida-overdose", "latimes-deaths", "cdc-wonder", "cdc-wonder"],
        "stance": ["context", "supports", "supports", "supports", "supports"],
        "claim_type": ["official-statistic"] * 5,
    }, index=pd.Index(["c1", "c2", "c3", "c4", "c5"], name="citation_id"))
    return Dataset(root=None, descriptor={}, sources=make_sources(), events=events, series=series,
                   observations=observations, citations=citations, lessons=pd.DataFrame())


# Dataset.citations_for uses DataFrame.join(rsuffix=…), deprecated in pandas 3;
# drop this mark once dataset.py passes suffixes=("", "_source") instead.
def test_sources_for_targets_are_unique_and_in_order():
    data = _tiny_dataset()
    assert C.sources_for_targets(data, ["ev"]) == ["nida-overdose", "cdc-wonder"]  # supports before context
    # An observation is backed by its own and its series' citations (file order within a stance).
    assert C.sources_for_targets(data, ["se@2018", "ev"]) == ["latimes-deaths", "cdc-wonder", "nida-overdose"]
    assert C.sources_for_targets(data, []) == []
