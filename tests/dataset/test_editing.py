"""The authoring model: byte-for-byte round trips, undoable edits, refusals, safe saves."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.dataset.authoring import Draft, EditRefused
from desktop.dataset.authoring import saving
from desktop.dataset.authoring.csvdoc import CsvDocument
from desktop.dataset.authoring.fields import field_problem, record_problems
from desktop.dataset.authoring.template import TemplateError, write_template
from desktop.dataset.loader import check_dataset
from tests.conftest import DEFAULT_DATASET, FIXTURES, ROOT

VALID = FIXTURES / "valid"


def copy_of(folder: Path, tmp_path: Path, name: str = "copy") -> Path:
    target = tmp_path / name
    shutil.copytree(folder, target)
    return target


def crlf_bom_copy(tmp_path: Path) -> Path:
    """The valid fixture as Excel writes it: BOM and CRLF; one file without a final line break."""
    target = copy_of(VALID, tmp_path, "excel")
    for path in target.glob("*.csv"):
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    lessons = target / "lessons.csv"
    lessons.write_bytes(lessons.read_bytes().rstrip(b"\r\n"))
    assert check_dataset(target) == []
    return target


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# ---- round trip -------------------------------------------------------------------
@pytest.mark.parametrize("which", ["valid", "default", "excel"])
def test_no_edits_reproduces_every_file_byte_for_byte(which, tmp_path):
    source = {"valid": VALID, "default": DEFAULT_DATASET}.get(which) or crlf_bom_copy(tmp_path)
    draft = Draft.open(source)
    assert draft.files() == {n: (source / n).read_bytes() for n in draft.files()}
    assert draft.changed_files() == []
    copy = saving.save(draft, tmp_path / "saved")
    before = folder_bytes(source)
    after = folder_bytes(copy)
    assert after == before  # README and every table copied whole


def test_split_keeps_quoted_line_breaks_and_blank_lines():
    data = b'a,b\n1,"two\nlines"\n\n3,"say ""hi"""\n'
    doc = CsvDocument.from_bytes(data)
    assert [r.cells for r in doc.rows] == [["1", "two\nlines"], ["3", 'say "hi"']]
    assert doc.to_bytes() == data


def test_editing_one_cell_rewrites_only_that_record(tmp_path):
    folder = crlf_bom_copy(tmp_path)
    draft = Draft.open(folder)
    row = draft.find("events", "event_id", "oxycontin-launch")
    draft.edit_record("Edit event", "events", row, {"title": "OxyContin, a new opioid, is launched"})
    old = (folder / "events.csv").read_bytes()
    new = draft.files()["events.csv"]
    assert new.startswith(b"\xef\xbb\xbf")
    old_records, new_records = old.split(b"\r\n"), new.split(b"\r\n")
    assert len(old_records) == len(new_records)
    differing = [i for i, (a, b) in enumerate(zip(old_records, new_records)) if a != b]
    assert differing == [1]
    assert b"OxyContin, a new opioid, is launched" in new_records[1]
    assert draft.changed_files() == ["events.csv"]


def test_undo_and_redo_restore_the_exact_bytes():
    draft = Draft.open(VALID)
    before = draft.files()
    lesson = draft.lessons()[0][0]
    draft.move_step(lesson, 0, 2)
    draft.edit_step(lesson, 1, title="Second")
    draft.edit_step(lesson, 1, title="Second step")  # typing on: one undo step
    edited = draft.files()
    assert [r["title"] for r in draft.step_values(lesson)][1] == "Second step"
    assert draft.undo_label == "Edit step"
    draft.undo()
    assert draft.undo_label == "Move step"
    draft.undo()
    assert draft.files() == before and not draft.can_undo and not draft.dirty
    draft.redo()
    draft.redo()
    assert draft.files() == edited and draft.dirty


def test_lesson_steps_add_move_remove():
    draft = Draft.open(VALID)
    lesson = draft.new_lesson_id("My lesson!")
    assert lesson == "my-lesson"
    for target in ("oxycontin-launch", "first-wave", "overdose-deaths@2018"):
        draft.add_step(lesson, target, lesson_title="My lesson!")
    assert [r["target"] for r in draft.step_values(lesson)] == ["oxycontin-launch", "first-wave", "overdose-deaths@2018"]
    draft.move_step(lesson, 2, 0)
    assert [(r["step"], r["target"]) for r in draft.step_values(lesson)] == [
        ("1", "overdose-deaths@2018"), ("2", "oxycontin-launch"), ("3", "first-wave")]
    draft.remove_step(lesson, 0)
    assert [(r["step"], r["target"]) for r in draft.step_values(lesson)] == [("1", "oxycontin-launch"), ("2", "first-wave")]
    assert all(r["lesson_title"] == "My lesson!" for r in draft.step_values(lesson))
    assert draft.problems() == []


def test_a_lesson_in_a_dataset_without_lessons_creates_the_table(tmp_path):
    folder = copy_of(VALID, tmp_path)
    (folder / "lessons.csv").unlink()
    descriptor = json.loads((folder / "datapackage.json").read_text())
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "lessons"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    draft = Draft.open(folder)
    draft.add_step("first", "oxycontin-launch", lesson_title="First")
    saving.save(draft)
    assert check_dataset(folder) == []
    assert "lessons.csv" in [r["path"] for r in json.loads((folder / "datapackage.json").read_text())["resources"]]
    draft.undo()
    assert "lessons" not in draft.tables


def test_a_missing_optional_column_is_added_without_touching_other_bytes(tmp_path):
    folder = copy_of(VALID, tmp_path)
    lessons = folder / "lessons.csv"
    lessons.write_text("lesson_id,lesson_title,step,target\nthree-waves,Three waves,1,first-wave\n")
    draft = Draft.open(folder)
    draft.add_step("three-waves", "fentanyl-wave", notes="Then fentanyl.")
    assert draft.files()["lessons.csv"] == (
        b"lesson_id,lesson_title,step,target,notes\nthree-waves,Three waves,1,first-wave,\n"
        b"three-waves,Three waves,2,fentanyl-wave,Then fentanyl.\n")
    draft.undo()
    assert draft.files()["lessons.csv"] == lessons.read_bytes()


# ---- nothing invalid ------------------------------------------------------------------
def test_an_invalid_edit_is_refused_with_the_validators_message(tmp_path):
    draft = Draft.open(VALID)
    before = draft.files()
    row = draft.find("events", "event_id", "first-wave")
    with pytest.raises(EditRefused) as refused:
        draft.edit_record("Edit event", "events", row, {"end": "1980"})
    assert draft.files() == before and not draft.can_undo
    # The same edit made by hand in the files gets the very same words from `validate`.
    folder = copy_of(VALID, tmp_path)
    (folder / "events.csv").write_bytes(Draft.open(folder).files()["events.csv"].replace(b"first-wave,period,199X,2010", b"first-wave,period,199X,1980"))
    by_hand = check_dataset(folder)
    assert [str(p) for p in refused.value.problems] == [str(p) for p in by_hand]
    assert "before the start" in str(refused.value)


def test_field_messages_are_the_validators(tmp_path):
    folder = copy_of(VALID, tmp_path)
    text = (folder / "sources.csv").read_text()
    (folder / "sources.csv").write_text(text.replace("2024-03-01", "2024-13-01"))
    problem = next(p for p in check_dataset(folder) if p.column == "accessed")
    assert field_problem("sources", "accessed", "2024-13-01") == problem.message
    assert field_problem("sources", "accessed", "2024-03-01") is None
    assert field_problem("events", "title", "x" * 91) == "title has 91 characters; it may have at most 90"
    assert "not allowed in claim_type" in field_problem("citations", "claim_type", "rumour")
    found = record_problems("events", {"event_id": "first-wave", "kind": "event", "start": "2001", "end": "2002"},
                            taken_ids={"first-wave": 3})
    assert "used again" in found["event_id"] and 'no end' in found["end"]


def test_a_refused_draft_cannot_be_saved(tmp_path, monkeypatch):
    folder = copy_of(VALID, tmp_path)
    draft = Draft.open(folder)
    row = draft.find("events", "event_id", "first-wave")
    draft.edit_record("Edit event", "events", row, {"title": "Changed"})
    bad = check_dataset  # the draft can only become invalid behind the model's back
    monkeypatch.setattr(Draft, "problems", lambda self: [type("P", (), {"__str__": lambda s: "x:1:y: bad"})()])
    before = folder_bytes(folder)
    with pytest.raises(saving.InvalidDraft):
        saving.save(draft)
    assert folder_bytes(folder) == before and bad(folder) == []


# ---- saving ---------------------------------------------------------------------
def test_the_bundled_dataset_asks_for_save_as(tmp_path):
    draft = Draft.open(DEFAULT_DATASET)
    lesson = draft.lessons()[0][0]
    draft.move_step(lesson, 0, 1)
    before = (DEFAULT_DATASET / "lessons.csv").read_bytes()
    with pytest.raises(saving.NeedsSaveAs):
        saving.save(draft)
    assert (DEFAULT_DATASET / "lessons.csv").read_bytes() == before
    mine = saving.save(draft, tmp_path / "mine")
    assert draft.folder == mine and not draft.dirty and check_dataset(mine) == []
    draft.move_step(lesson, 0, 1)
    saving.save(draft)  # later saves update the copy
    assert (mine / "lessons.csv").read_bytes() == before


def test_save_as_refuses_a_folder_that_is_not_empty(tmp_path):
    draft = Draft.open(VALID)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(saving.FolderNotEmpty):
        saving.save(draft, tmp_path / "busy")
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    folder = copy_of(VALID, tmp_path)
    draft = Draft.open(folder)
    draft.move_step("three-waves", 0, 1)
    (folder / "lessons.csv").write_bytes((folder / "lessons.csv").read_bytes() + b"\n")  # someone else's edit
    theirs = (folder / "lessons.csv").read_bytes()
    with pytest.raises(saving.ChangedOnDisk) as refused:
        saving.save(draft)
    assert refused.value.files == ["lessons.csv"] and "Save As" in str(refused.value)
    assert (folder / "lessons.csv").read_bytes() == theirs
    saving.save(draft, tmp_path / "elsewhere")
    assert check_dataset(tmp_path / "elsewhere") == []


def test_touching_a_file_without_changing_it_is_not_a_change(tmp_path):
    folder = copy_of(VALID, tmp_path)
    draft = Draft.open(folder)
    draft.move_step("three-waves", 0, 1)
    path = folder / "lessons.csv"
    path.write_bytes(path.read_bytes())
    saving.save(draft)
    assert not draft.dirty


def test_backups_keep_the_last_ten_versions(tmp_path):
    folder = copy_of(VALID, tmp_path)
    draft = Draft.open(folder)
    versions = []
    for _ in range(12):
        versions.append((folder / "lessons.csv").read_bytes())
        draft.move_step("three-waves", 0, 1)
        saving.save(draft)
    kept = saving.backups(folder)
    assert len(kept) == 10
    assert [(b / "lessons.csv").read_bytes() for b in kept] == versions[-10:]
    assert check_dataset(kept[-1]) == [] and check_dataset(folder) == []


KILL_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from desktop.dataset.authoring import Draft
    from desktop.dataset.authoring import saving
    draft = Draft.open(sys.argv[1])
    n = 0
    while True:
        draft.move_step("three-waves", 0, 1)
        saving.save(draft)
        n += 1
        print(n, flush=True)
""")


@pytest.mark.slow
def test_a_save_killed_at_a_random_point_leaves_every_file_whole(tmp_path):
    folder = copy_of(VALID, tmp_path)
    first = (folder / "lessons.csv").read_bytes()
    draft = Draft.open(folder)
    draft.move_step("three-waves", 0, 1)
    second = draft.files()["lessons.csv"]
    others = {n: (folder / n).read_bytes() for n in draft.files() if n != "lessons.csv"}
    script = tmp_path / "saver.py"
    script.write_text(KILL_SCRIPT.format(root=str(ROOT)))
    rng = random.Random(13)
    for _ in range(3):
        child = subprocess.Popen([sys.executable, str(script), str(folder)], stdout=subprocess.PIPE, text=True)
        try:
            for _ in range(rng.randint(1, 15)):
                assert child.stdout.readline(), "the saver stopped before it was killed"
        finally:
            child.kill()
            child.wait()
            child.stdout.close()
        assert (folder / "lessons.csv").read_bytes() in (first, second)
        assert {n: (folder / n).read_bytes() for n in others} == others
        assert check_dataset(folder) == []


# ---- new dataset -------------------------------------------------------------------
def test_the_template_is_valid_and_refuses_a_busy_folder(tmp_path):
    folder = write_template(tmp_path / "My class")
    assert check_dataset(folder) == []
    draft = Draft.open(folder)
    assert all(len(draft.rows(t)) >= 1 for t in ("sources", "events", "series", "observations", "citations", "lessons"))
    with pytest.raises(TemplateError):
        write_template(folder)
