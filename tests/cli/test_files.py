"""Every written file goes through aigc_roi.cli.files: temp file + rename, no overwrite without force."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.cli.files import UsageError, write_atomically, write_text

SCENARIO = "name: Files\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_text_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_text(target, "héllo\n", force=False)
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert _leftovers(tmp_path) == []


def test_existing_file_is_untouched_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(UsageError, match="file exists; use --force"):
        write_text(target, "new", force=False)
    assert target.read_text(encoding="utf-8") == "original"
    assert _leftovers(tmp_path) == []


def test_existing_file_is_replaced_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("original", encoding="utf-8")
    write_text(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        write_text(tmp_path / "absent" / "out.txt", "x", force=True)


@pytest.mark.parametrize("force", [False, True])
def test_failing_writer_leaves_no_temp_file_and_no_target(tmp_path: Path, force: bool) -> None:
    target = tmp_path / "out.txt"
    seen: list[Path] = []

    def writer(temporary: Path) -> None:
        seen.append(temporary)
        assert temporary.parent == tmp_path and temporary != target
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_atomically(target, force, writer)
    assert not target.exists()
    assert not seen[0].exists()
    assert _leftovers(tmp_path) == []


def test_failing_writer_with_force_keeps_the_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("original", encoding="utf-8")

    def writer(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(UsageError, match="out.txt: cannot write: disk full"):
        write_atomically(target, True, writer)
    assert target.read_text(encoding="utf-8") == "original"
    assert _leftovers(tmp_path) == []


def test_file_appearing_during_the_write_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def writer(temporary: Path) -> None:
        temporary.write_text("mine", encoding="utf-8")
        target.write_text("theirs", encoding="utf-8")  # another process wins the race

    with pytest.raises(UsageError, match="file exists"):
        write_atomically(target, False, writer)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("or_stdout", [False, True])
def test_a_fifo_appearing_during_the_write_offers_standard_output_only_where_taken(tmp_path: Path, or_stdout: bool) -> None:
    target = tmp_path / "out.png"

    def writer(temporary: Path) -> None:
        temporary.write_bytes(b"png")
        os.mkfifo(target)  # the check before the write passed; the one before the rename sees the FIFO

    with pytest.raises(UsageError) as refused:
        write_atomically(target, True, writer, or_stdout)
    hint = ", or - for standard output" if or_stdout else ""
    assert str(refused.value) == f"{target}: not a regular file (a device, FIFO or socket); name a file{hint}"
    assert target.is_fifo() and _leftovers(tmp_path) == []


# --- run --output through the CLI ------------------------------------------------


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_run_output_writes_the_file_and_nothing_to_stdout(tmp_path: Path, scenario: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = invoke(["run", str(scenario), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").strip()
    if fmt == "json":
        assert json.loads(out.read_text(encoding="utf-8"))["scenario"] == "Files"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_run_output_refuses_an_existing_file_without_force(tmp_path: Path, scenario: Path, fmt: str) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep me", encoding="utf-8")
    result = invoke(["run", str(scenario), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{out}: file exists; use --force to replace it" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _leftovers(tmp_path) == []


def test_run_output_replaces_with_force(tmp_path: Path, scenario: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    result = invoke(["run", str(scenario), "--format", "json", "--output", str(out), "--force"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["scenario"] == "Files"
    assert _leftovers(tmp_path) == []


def test_run_output_into_a_missing_folder_exits_2(tmp_path: Path, scenario: Path) -> None:
    result = invoke(["run", str(scenario), "--format", "json", "--output", str(tmp_path / "no" / "o.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_nothing_in_the_package_writes_files_around_files_py() -> None:
    # Every writer of the package goes through aigc_roi/cli/files.py (or hands it a callback).
    package = Path(__file__).resolve().parents[2] / "aigc_roi"
    offenders = []
    for source in package.rglob("*.py"):
        if source.name == "files.py":
            continue
        # os.open is allowed only to read (the loader) or to point a dead stdout at /dev/null; a member of a zip
        # archive held in memory (an xlsx export's sheet XML, also through the workbook openpyxl read it into) is opened
        # to be read, and writes nothing; the help reads
        # the terminal's width through shutil, as click does.
        lines = [line.replace("shutil.get_terminal_size(", "") for line in source.read_text(encoding="utf-8").splitlines()
                 if not ("os.open(" in line and ("O_RDONLY" in line or "os.devnull" in line))
                 and "zipfile.ZipFile(io.BytesIO(" not in line and "book._archive.open(" not in line]
        text = "\n".join(lines)
        for needle in (".write_text(", ".write_bytes(", "open(", "os.replace(", "shutil."):
            if needle in text:
                offenders.append(f"{source.relative_to(package)}: {needle}")
    assert offenders == []
