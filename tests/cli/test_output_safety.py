"""--force replaces only a regular file that is not an input; a command's outputs appear all or none (issue 26)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke

SCENARIO = "name: Safe\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\n"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".aigc-roi."))


@pytest.mark.parametrize("command", [["run"], ["breakeven"], ["sensitivity"], ["simulate", "--samples", "20"],
                                     ["curves"], ["compare", "{other}"]])
def test_the_input_is_never_the_output_even_with_force(tmp_path: Path, scenario: Path, command: list[str]) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SCENARIO.replace("Safe", "Other"), encoding="utf-8")
    args = [command[0], str(scenario), *(part.format(other=other) for part in command[1:])]
    result = invoke([*args, "--format", "json", "-o", str(scenario), "--force"])
    assert result.exit_code == 2, result.stderr
    assert f"{scenario}: is an input of this command; write the result to another file" in result.stderr
    assert scenario.read_text(encoding="utf-8") == SCENARIO
    assert _leftovers(tmp_path) == []


def test_a_link_to_the_input_is_the_input(tmp_path: Path, scenario: Path) -> None:
    symbolic, hard = tmp_path / "link.yaml", tmp_path / "hard.yaml"
    symbolic.symlink_to(scenario.name)
    os.link(scenario, hard)
    for output in (symbolic, hard):
        result = invoke(["run", str(scenario), "--format", "json", "-o", str(output), "--force"])
        assert result.exit_code == 2
        assert f"{output}: is an input of this command ({scenario})" in result.stderr
    assert scenario.read_text(encoding="utf-8") == SCENARIO


def test_a_fifo_is_refused_not_replaced(tmp_path: Path, scenario: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        result = invoke(["run", str(scenario), "--format", "json", "-o", str(fifo), *force])
        assert result.exit_code == 2
        assert f"{fifo}: not a regular file (a device, FIFO or socket)" in result.stderr
        assert fifo.is_fifo()


def test_a_socket_and_a_device_are_refused(tmp_path: Path, scenario: Path) -> None:
    path = tmp_path / "sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    try:
        for output in (path, Path(os.devnull)):
            result = invoke(["run", str(scenario), "--format", "json", "-o", str(output), "--force"])
            assert result.exit_code == 2
            assert "not a regular file" in result.stderr
        assert path.is_socket()
        assert Path(os.devnull).is_char_device()
    finally:
        listener.close()


def test_force_writes_through_a_symbolic_link_to_its_target(tmp_path: Path, scenario: Path) -> None:
    target, link = tmp_path / "report.json", tmp_path / "latest.json"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target.name)
    result = invoke(["run", str(scenario), "--format", "json", "-o", str(link), "--force"])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert json.loads(target.read_text(encoding="utf-8"))["scenario"] == "Safe"


def test_the_zh_messages_are_translated(tmp_path: Path, scenario: Path) -> None:
    result = invoke(["run", str(scenario), "--lang", "zh", "--format", "json", "-o", str(scenario), "--force"])
    assert result.exit_code == 2
    assert "这是本命令的输入文件" in result.stderr


def _cli(tmp_path: Path, *args: str, stdout: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "aigc_roi", *args], cwd=tmp_path, env=env, text=True,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=300)


def test_a_failed_stdout_leaves_no_plot_behind(tmp_path: Path, scenario: Path) -> None:
    pytest.importorskip("matplotlib")
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "w") as full:
        result = _cli(tmp_path, "run", str(scenario), "--plot", "c.svg", "--format", "json", stdout=full.fileno())
    assert result.returncode == 2
    assert "stdout: cannot write" in result.stderr
    assert not (tmp_path / "c.svg").exists()
    assert _leftovers(tmp_path) == []


def test_simulate_leaves_neither_samples_nor_plot_when_stdout_fails(tmp_path: Path, scenario: Path) -> None:
    pytest.importorskip("matplotlib")
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "w") as full:
        result = _cli(tmp_path, "simulate", str(scenario), "--samples", "50", "--samples-out", "s.csv",
                      "--plot", "fan.svg", "--format", "json", stdout=full.fileno())
    assert result.returncode == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["s.yaml"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_between_write_and_rename_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    program = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from aigc_roi.cli.files import command_outputs, write_text, write_atomically

        def write(temporary):
            temporary.write_text("half", encoding="utf-8")
            os.kill(os.getpid(), {int(signum)})

        with command_outputs() as commit:
            write_text(Path("a.txt"), "whole", force=False)
            write_atomically(Path("b.txt"), False, write)
            commit()
        """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == -signum  # ended by the signal itself, as its parent expects
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_outside_a_command_a_signal_during_a_write_cleans_up_too(tmp_path: Path) -> None:
    program = textwrap.dedent("""
        import os, signal
        from pathlib import Path
        from aigc_roi.cli.files import write_atomically

        def write(temporary):
            temporary.write_text("half", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGTERM)

        write_atomically(Path("out.txt"), False, write)
        """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == -signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def _closed_stderr() -> None:
    os.close(2)


@pytest.mark.parametrize("stderr", ["closed", "full"])
@pytest.mark.parametrize("command", [["validate", "{file}"], ["run", "{file}", "--format", "json"],
                                     ["simulate", "{file}", "--samples", "50"], ["check", "{file}"], ["init", "-"]])
def test_a_closed_or_full_stderr_never_turns_into_exit_1(tmp_path: Path, scenario: Path, command: list[str],
                                                         stderr: str) -> None:
    if stderr == "full" and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "aigc_roi", *(part.format(file=scenario) for part in command)]
    with open("/dev/full" if stderr == "full" else os.devnull, "w") as sink:
        done = subprocess.run(args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, timeout=300,
                              stderr=sink.fileno() if stderr == "full" else None,
                              preexec_fn=_closed_stderr if stderr == "closed" else None)
    # The summary and notes cannot be written and nobody can be told: the command's own code stands.
    assert done.returncode == 0


def test_an_invalid_file_still_exits_2_with_stderr_full(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "aigc_roi", "run", str(bad)], cwd=tmp_path, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=full.fileno())
    assert done.returncode == 2
