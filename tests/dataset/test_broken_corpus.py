"""Every broken dataset in tests/fixtures/broken/ gives exactly its expected report, and every rule has a case."""
from __future__ import annotations

import pytest

from desktop.dataset.contract import RULES, RULES_BY_ID
from desktop.dataset.loader import DatasetError, check_dataset, load_dataset

from .corpus import cases, materialise

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gives_exactly_the_expected_report(case, tmp_path):
    folder = materialise(case, tmp_path / "ds")
    problems = check_dataset(folder)
    assert [str(p) for p in problems] == case.expected
    assert case.rule in {p.rule for p in problems}, f"{case.name} does not trip its rule {case.rule}"
    assert all(p.rule in RULES_BY_ID for p in problems)


@pytest.mark.parametrize("case", CASES[::7], ids=[c.name for c in CASES[::7]])
def test_load_raises_dataset_error_with_the_same_problems(case, tmp_path):
    folder = materialise(case, tmp_path / "ds")
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    assert [str(p) for p in caught.value.problems] == case.expected


def test_every_rule_has_a_case():
    covered = {case.rule for case in CASES}
    missing = [rule.id for rule in RULES if rule.id not in covered]
    assert missing == [], f"rules without a broken fixture: {missing}"


def test_every_case_names_a_known_rule():
    assert all(case.rule in RULES_BY_ID for case in CASES)


def test_corpus_is_large_enough():
    assert len(CASES) >= 60


def test_valid_fixture_is_valid():
    assert check_dataset(materialise.__globals__["VALID"]) == []
