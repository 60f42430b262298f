"""Factdeck never touches the network: checked from outside the process."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, python_subprocess_env


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (.ci/run installs it)")
def test_a_scripted_run_opens_no_network_connection(tmp_path, isolated_home):
    """Trace every socket call of a full start-up, render and exit; only local (AF_UNIX) sockets are allowed."""
    trace = tmp_path / "trace.txt"
    env = python_subprocess_env()
    env["FACTDECK_HOME"] = str(isolated_home)
    command = ["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto", "-o", str(trace),
               sys.executable, "-m", "desktop", "--screenshot", str(tmp_path / "shot.png")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    calls = trace.read_text().splitlines()
    network = [line for line in calls if re.search(r"AF_INET6?\b", line)]
    assert network == [], "network calls:\n" + "\n".join(network)


@pytest.mark.filterwarnings("ignore:A test tried to use socket.socket")
def test_the_test_suite_itself_refuses_sockets():
    """pytest-socket is on for the whole suite (pyproject addopts)."""
    import socket

    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
