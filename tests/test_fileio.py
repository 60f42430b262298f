"""The atomic writer: the old or the new file survives whole, never a torn one."""
from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import textwrap
import time

import pytest

from desktop.fileio import WriteError, write_atomic


def test_writes_new_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    write_atomic(target, "héllo\n")
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_replaces_existing_file_keeping_its_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    os.chmod(target, 0o600)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_unwritable_folder_raises_a_clear_error(tmp_path):
    """A read-only place (here a "folder" that is really a file, since CI runs as root)."""
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(WriteError, match="Cannot write in"):
        write_atomic(not_a_folder / "x.txt", "data")


def test_missing_folder_raises_write_error(tmp_path):
    with pytest.raises(WriteError):
        write_atomic(tmp_path / "nope" / "x.txt", "data")


def test_full_disk_keeps_the_original(tmp_path):
    """A file-size limit in a child process stands in for a full disk."""
    target = tmp_path / "data.bin"
    target.write_bytes(b"original")
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        from desktop.fileio import write_atomic, WriteError
        try:
            write_atomic({str(target)!r}, b"x" * 100000)
        except WriteError as error:
            print("ERROR", error)
            sys.exit(3)
        sys.exit(0)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=os.getcwd())
    assert result.returncode == 3, result.stderr
    assert "Could not save" in result.stdout
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["data.bin"]


@pytest.mark.parametrize("seed", range(6))
def test_killed_writer_leaves_old_or_new_file_whole(tmp_path, seed):
    """Kill a writer at a random moment: the target is always the old or the new content, whole."""
    target = tmp_path / "data.bin"
    old, new = b"A" * 200_000, b"B" * 3_000_000
    # The writer alternates old and new content, so the kill lands mid-way through either.
    target.write_bytes(old)
    script = (
        "import sys\nfrom desktop.fileio import write_atomic\n"
        f"write_atomic({str(target)!r}, b'B' * 3_000_000)\nprint('ready', flush=True)\n"
        "i = 0\nwhile True:\n    i += 1\n"
        f"    write_atomic({str(target)!r}, b'A' * 200_000 if i % 2 else b'B' * 3_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(random.Random(seed).random() * 0.2)  # a random kill point in the write loop
    child.kill()
    child.wait()
    child.stdout.close()
    content = target.read_bytes()
    assert content in (old, new)


_ = resource  # the full-disk test needs a POSIX system
