"""Loader behaviour beyond the corpus: what must load, report format and order, RULES, limits."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.dataset import contract
from desktop.dataset.loader import DatasetError, Problem, check_dataset, load_dataset
from desktop.dataset.problems import MAX_PER_RULE

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "ds"
    shutil.copytree(VALID, target)
    return target


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_problem_prints_as_file_line_column_message():
    assert str(Problem("events.csv", 14, "start", "bad")) == "events.csv:14:start: bad"
    assert str(Problem("datapackage.json", None, None, "bad")) == "datapackage.json:-:-: bad"


def test_issue_example_message(folder):
    edit(folder, "events.csv", "2019-11-04", "11/04/2019")
    [problem] = check_dataset(folder)
    assert str(problem).startswith('events.csv:6:start: "11/04/2019" is not a date; write 2019-11-04, 2019-11')
    assert problem.rule == "date-format"


def test_an_id_with_a_line_break_in_it_is_refused(folder):
    edit(folder, "sources.csv", "op-ed,opinion", '"op\ned",opinion')
    problems = check_dataset(folder)
    assert any(p.file == "sources.csv" and p.column == "source_id" and p.rule == "id-format" for p in problems), problems


def test_columns_in_any_order_and_unknown_columns_load(folder):
    lines = (folder / "series.csv").read_text(encoding="utf-8").splitlines()
    reordered = [",".join(reversed(line.split(","))) + ",extra" for line in lines]
    reordered[0] = reordered[0].replace(",extra", ",my notes")
    (folder / "series.csv").write_text("\n".join(reordered) + "\n", encoding="utf-8")
    dataset = load_dataset(folder)
    assert dataset.series.loc["cbp-seizures", "period_type"] == "us-fiscal-year"


def test_optional_columns_may_be_absent(folder):
    (folder / "observations.csv").write_text(
        "series_id,period,value\noverdose-deaths,2017,1\ncbp-seizures,2019,2\n", encoding="utf-8")
    edit(folder, "citations.csv", "overdose-deaths@2019", "overdose-deaths")
    edit(folder, "citations.csv", "cbp-seizures@2021", "cbp-seizures")
    edit(folder, "lessons.csv", "overdose-deaths@2019", "overdose-deaths")
    obs = load_dataset(folder).observations
    assert list(obs["qualifier"]) == ["exact", "exact"] and list(obs["note"]) == ["", ""]


def test_end_in_the_same_decade_is_not_before_start(folder):
    edit(folder, "events.csv", "period,199X,2010", "period,199X,1995")
    assert check_dataset(folder) == []


def test_end_within_start_month_is_not_before(folder):
    edit(folder, "events.csv", "period,199X,2010", "period,1996-05-20,1996-05")
    assert check_dataset(folder) == []


def test_na_null_none_and_leading_zeros_stay_text(folder):
    edit(folder, "events.csv", "Stamford, Connecticut", "null")
    edit(folder, "events.csv", "Enforcement,,007,", "None,NA,007,")
    events = load_dataset(folder).events
    assert events.loc["oxycontin-launch", "place"] == "null"
    assert tuple(events.loc["agent-007", ["category", "place", "tags"]]) == ("None", "NA", "007")


def test_line_numbers_count_line_breaks_inside_cells(folder):
    edit(folder, "events.csv", "first-wave,period,199X", "first-wave,period,1990s")
    [problem] = check_dataset(folder)
    assert problem.line == 4  # the record after a two-line cell starts on line 4


def test_line_numbers_in_crlf_file_with_bom(folder):
    text = (folder / "events.csv").read_text(encoding="utf-8").replace("2019-11-04", "2019-11-31")
    (folder / "events.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    [problem] = check_dataset(folder)
    assert (problem.file, problem.line, problem.column) == ("events.csv", 6, "start")


def test_final_line_break_and_other_digits_are_not_dates(folder):
    edit(folder, "events.csv", "statement,2019-11-04,", 'statement,"2019\n",')
    edit(folder, "sources.csv", ",2025,", ",２０２５,")
    rules = [(p.file, p.rule) for p in check_dataset(folder)]
    assert rules == [("sources.csv", "date-format"), ("events.csv", "date-format")]


def test_problems_sorted_by_file_order_then_line(folder):
    edit(folder, "lessons.csv", "Three waves,1,", "Three waves,x,")
    edit(folder, "sources.csv", "op-ed,opinion", "op-ed,Opinion")
    edit(folder, "events.csv", "agent-007,event", "agent-007,happening")
    edit(folder, "events.csv", "first-wave,period", "first-wave,epoch")
    files = [(p.file, p.line) for p in check_dataset(folder)]
    assert files[0] == ("sources.csv", 4)
    assert [f for f, _ in files if f == "events.csv"] and files.index(("events.csv", 4)) < files.index(("events.csv", 7))
    assert files[-1][0] == "lessons.csv"


def test_many_problems_of_one_rule_are_capped(folder):
    rows = "".join(f"bad id {i},Three waves,1,first-wave,,,\n" for i in range(MAX_PER_RULE + 50))
    (folder / "lessons.csv").write_text("lesson_id,lesson_title,step,target,title,notes,lesson_title@es\n" + rows)
    problems = [p for p in check_dataset(folder) if p.rule == "id-format"]
    assert len(problems) == MAX_PER_RULE + 1 and "50 more" in problems[-1].message


def test_rules_registry_is_well_formed():
    ids = [rule.id for rule in contract.RULES]
    assert len(ids) == len(set(ids)) and all(rule.description for rule in contract.RULES)
    assert contract.MAX_CELL_CHARS >= 1_000_000 and contract.MAX_FILE_BYTES >= 512 * 1024 * 1024


def test_existing_contract_names_still_work():
    assert contract.TABLES_BY_NAME["events"].column("title").max_length == contract.TITLE_MAX
    assert contract.STANCE_ORDER["supports"] == 0 and "estimate" in contract.QUALIFIERS


def test_a_url_is_never_fetched(folder, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    edit(folder, "datapackage.json", '"path": "events.csv"', '"path": "https://example.org/events.csv"')
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    assert [p.rule for p in caught.value.problems] == ["resource-path"]


@pytest.mark.parametrize("value", ["٣١", "1_000", "inf", "-Infinity", "0x10", "1e", "+-1", "1.2.3", "1,5"])
def test_numbers_are_plain_decimals(folder, value):
    edit(folder, "observations.csv", "28466", f'"{value}"')
    assert [(p.line, p.column, p.rule) for p in check_dataset(folder)] == [(2, "value", "number")]


@pytest.mark.parametrize("value", ["-12", "+3", ".5", "5.", "1E3", "2803.6e-2"])
def test_decimal_forms_accepted(folder, value):
    edit(folder, "observations.csv", "28466", value)
    assert check_dataset(folder) == []
