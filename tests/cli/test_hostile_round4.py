"""QA round 4 (hostile inputs): an export overwritten by its own command, a start month no calendar holds,
an xlsx that decompresses hugely or holds a flood of parts, and a few messages that misplaced or misnamed what
they reported."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

EXPORT = "date,campaign,spend,new_users\n2025-03-01,dy_1,100,5\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- F4: an export of actuals is an input, never an output ----------------------------------


@pytest.mark.parametrize("option", ["-o", "--reforecast"])
@pytest.mark.parametrize("naming", ["same", "symlink", "dotdot"])
def test_actuals_never_writes_over_an_export_it_reads(tmp_path: Path, option: str, naming: str) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    # The re-forecast refuses a .csv by its extension first (test_reforecast_extension.py); an export is read by
    # its bytes, whatever its name, so one saved as .txt is still an input a re-forecast could overwrite.
    suffix = ".txt" if option == "--reforecast" else ".csv"
    export = _write(tmp_path, f"ok{suffix}", EXPORT)
    other = _write(tmp_path, "other.csv", EXPORT.replace("2025-03-01", "2025-03-02"))
    named = {"same": export, "symlink": tmp_path / f"link{suffix}",
             "dotdot": tmp_path / "sub" / ".." / f"ok{suffix}"}[naming]
    if naming == "symlink":
        named.symlink_to(export.name)
    (tmp_path / "sub").mkdir()
    result = invoke(["actuals", str(plan), str(other), str(export), option, str(named), "--force"])
    assert result.exit_code == 2, result.stderr
    assert f"{named}: is an input of this command" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert export.read_text(encoding="utf-8") == EXPORT


def test_actuals_refuses_the_plan_as_output_before_reading_the_exports(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "-o", str(plan), "--force"])
    assert result.exit_code == 2
    # One line: no summary of the exports read before the refusal.
    assert result.stderr.strip() == f"aigc-roi: {plan}: is an input of this command; write the result to another file"


def test_actuals_refusal_of_an_export_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.txt", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(export), "--force", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"aigc-roi: {export}: 这是本命令的输入文件；请把结果写到另一个文件"


# --- F13: start lies in the months a date (and a spreadsheet) can hold ------------------------

BASE = "name: H\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"


@pytest.mark.parametrize(("start", "horizon", "last_start"), [
    ("0000-01", 12, "9999-01"), ("0001-01", 12, "9999-01"), ("1899-12", 12, "9999-01"),
    ("9990-02", 120, "9990-01"), ("9999-02", 12, "9999-01")])
def test_a_start_outside_1900_01_and_the_last_start_is_refused_at_the_field(
        tmp_path: Path, start: str, horizon: int, last_start: str) -> None:
    path = _write(tmp_path, "s.yaml", BASE.replace("12", str(horizon)) + f"start: {start}\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{path}:4:8: start: expected a month from 1900-01 to {last_start} "
                             f"(all {horizon} months by 9999-12), found {start}\n")


def test_the_first_and_last_starts_run_and_date_their_months(tmp_path: Path) -> None:
    for start, horizon, last in (("1900-01", 12, "1900-12"), ("9990-01", 120, "9999-12")):
        path = _write(tmp_path, "s.yaml", BASE.replace("12", str(horizon)) + f"start: {start}\n")
        result = invoke(["run", str(path), "-f", "xlsx", "-o", str(tmp_path / "out.xlsx"), "--force"])
        assert result.exit_code == 0, result.stderr
        months = invoke(["run", str(path), "-f", "json"])
        assert months.stdout.count('"label"') >= horizon
        assert f'"label": "{last}"' in months.stdout


def test_year_0_no_longer_reaches_actuals_as_an_internal_error(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P").replace("2025-03", "0000-01"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export)])
    assert result.exit_code == 2
    assert result.stderr == (f"{plan}:2:8: start: expected a month from 1900-01 to 9999-01 (all 12 months by "
                             "9999-12), found 0000-01\n")


def test_a_start_out_of_range_in_chinese(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.yaml", BASE + "start: 0000-01\n")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert "1900-01 至 9999-01 之间的月份（全部 12 个月都不晚于 9999-12）" in result.stdout
    assert "expected" not in result.stdout


# --- F12: an xlsx that unpacks hugely is refused from its zip directory ------------------------


def _bomb(path: Path, unpacked: int) -> Path:
    """A workbook of the export's header and one row, plus a third row whose A3 is ``unpacked`` bytes of x,
    written in chunks so the test never holds it: a few hundred KB on disk."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (EXPORT.splitlines()[0].split(","), ["2025-03-01", "dy_1", 100, 5]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with target.open(item.filename, "w", force_zip64=True) as part:
                part.write(head + b'<row r="3"><c r="A3" t="inlineStr"><is><t>')
                chunk = b"x" * (1 << 24)
                for start in range(0, unpacked, len(chunk)):
                    part.write(chunk[:unpacked - start])
                part.write(b"</t></is></c></row></sheetData>" + tail)
    return path


@pytest.mark.slow
def test_an_xlsx_unpacking_past_512_mib_is_refused_before_it_is_read(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    bomb = _bomb(tmp_path / "bomb.xlsx", 512 * 2**20)
    assert bomb.stat().st_size < 2**20
    result = invoke(["actuals", str(plan), str(bomb)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bomb}:1:1: workbook unpacks to 5")
    assert result.stderr.endswith("; the limit for an xlsx export is 536,870,912 (512 MiB) unpacked\n")
    assert len(result.stderr.splitlines()) == 1


def test_the_unpacked_size_counts_every_part_and_names_the_largest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aigc_roi.reader.exports import tables

    monkeypatch.setattr(tables, "MAX_EXPORT_UNPACKED_BYTES", 2**20)
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    small = _bomb(tmp_path / "small.xlsx", 1_000)
    read = invoke(["actuals", str(plan), str(small), "-q"])
    assert "unpacks" not in read.stderr and "small.xlsx:3:2: campaign" in read.stderr  # read: its x row has no campaign
    bomb = _bomb(tmp_path / "bomb.xlsx", 2**20)
    with zipfile.ZipFile(bomb) as archive:
        sizes = {item.filename: item.file_size for item in archive.infolist()}
    total, sheet = sum(sizes.values()), sizes["xl/worksheets/sheet1.xml"]
    result = invoke(["actuals", str(plan), str(bomb)])
    assert result.exit_code == 2
    assert result.stderr == (f"{bomb}:1:1: workbook unpacks to {total:,} bytes (xl/worksheets/sheet1.xml: {sheet:,}); "
                             "the limit for an xlsx export is 1,048,576 (1 MiB) unpacked\n")
    zh = invoke(["actuals", str(plan), str(bomb), "--lang", "zh"])
    assert zh.stderr == (f"{bomb}:1:1: 工作簿解压后有 {total:,} 字节（xl/worksheets/sheet1.xml：{sheet:,}），"
                         "xlsx 报表解压后的上限为 1,048,576 (1 MiB)\n")


def _many_parts(path: Path, parts: int) -> Path:
    """The export as a workbook padded with empty entries to ``parts`` in its zip archive."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (EXPORT.splitlines()[0].split(","), ["2025-03-01", "dy_1", 100, 5]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        for number in range(parts - len(source.infolist())):
            target.writestr(f"padding/{number}", b"")
    return path


def test_an_xlsx_of_more_than_10000_parts_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    from aigc_roi.model.limits import MAX_EXPORT_PARTS

    assert MAX_EXPORT_PARTS == 10_000  # docs/limits.md
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    at_limit = invoke(["actuals", str(plan), str(_many_parts(tmp_path / "full.xlsx", 10_000)), "-f", "json"])
    assert at_limit.exit_code == 0, at_limit.stderr
    over = _many_parts(tmp_path / "over.xlsx", 10_001)
    result = invoke(["actuals", str(plan), str(over)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"{over}:1:1: expected a workbook of at most 10,000 parts (the files in its zip archive), "
                             "found more\n")
    zh = invoke(["actuals", str(plan), str(over), "--lang", "zh"])
    assert zh.exit_code == 2
    assert zh.stderr == f"{over}:1:1: 应为最多 10,000 个部件（zip 压缩包中的文件）的工作簿，实际为更多\n"


# --- F14: messages that misnamed or misplaced what they reported --------------------------------


@pytest.mark.parametrize("command", [["run", "-"], ["validate", "-"], ["actuals", "{plan}", "-"]])
def test_a_dash_says_standard_input_is_not_read(tmp_path: Path, command: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    args = [part.format(plan=plan) for part in command]
    result = invoke(args)
    assert result.exit_code == 2
    line = "-:1:1: cannot read file: reading from standard input (-) is not supported; give a file name"
    assert line in result.stdout + result.stderr
    zh = invoke([*args, "--lang", "zh"])
    assert "-:1:1: 无法读取文件：不支持从标准输入（-）读取；请给出文件名" in zh.stdout + zh.stderr


def test_a_file_named_dash_is_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "-", BASE)
    assert invoke(["validate", "-"]).exit_code == 0


def _locked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``locked`` beside a valid ``ok.yaml`` that may not be opened. Tests may run as root, which opens any
    folder: the refusal an ordinary user gets is simulated."""
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    _write(tmp_path, "ok.yaml", BASE)
    scandir, open_ = os.scandir, os.open

    def refuse(path: object, *args: object, **kwargs: object) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return (open_ if args else scandir)(path, *args, **kwargs)  # type: ignore[operator]

    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.setattr(os, "open", refuse)
    return locked


def test_a_folder_validate_may_not_open_is_called_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _locked_folder(tmp_path, monkeypatch)
    result = invoke(["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{locked}:1:1: cannot read folder: Permission denied" in result.stdout
    assert "title=aigc-roi%3A unreadable-file::cannot read folder" in invoke(["validate", str(tmp_path), "-f", "github"]).stdout
    zh = invoke(["validate", str(tmp_path), "--lang", "zh"])
    assert f"{locked}:1:1: 无法读取文件夹：没有权限" in zh.stdout


def test_a_folder_that_may_not_be_opened_is_a_folder_in_json_and_markdown(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _locked_folder(tmp_path, monkeypatch)
    validated = json.loads(invoke(["validate", str(tmp_path), "-f", "json"]).stdout)
    assert [(entry["path"], entry["kind"], entry["valid"]) for entry in validated["files"]] == [
        (str(locked), "folder", False), (str(tmp_path / "ok.yaml"), "file", True)]
    checked = invoke(["check", str(tmp_path), "-f", "json"])
    assert checked.exit_code == 2
    assert [(entry["file"], entry["kind"], entry["rule"]) for entry in json.loads(checked.stdout)["invalid"]] == [
        (str(locked), "folder", "unreadable-file")]
    report = invoke(["check", str(tmp_path), "-f", "markdown"]).stdout
    assert "### Invalid files" not in report
    assert f"### Unreadable folders\n\n```text\n{locked}:1:1: cannot read folder: Permission denied\n```\n" in report
    assert "### 无法打开的文件夹\n" in invoke(["check", str(tmp_path), "-f", "markdown", "--lang", "zh"]).stdout


def test_an_invalid_file_is_a_file_in_check_json(tmp_path: Path) -> None:
    broken = _write(tmp_path, "broken.yaml", "name: [x\n")
    invalid = json.loads(invoke(["check", str(broken), "-f", "json"]).stdout)["invalid"]
    assert [(entry["file"], entry["kind"]) for entry in invalid] == [(str(broken), "file")]


@pytest.mark.parametrize(("rows", "through", "said"), [
    ("2025-03-01,dy_1,100,5\n", "2025-03-01", "no whole month yet"),
    ("2025-03-01,dy_1,100,5\n2025-04-30,dy_1,100,5\n", "2025-04-30", "months 1-2")])
def test_the_reforecast_header_names_its_past_months_or_none(tmp_path: Path, rows: str, through: str, said: str) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT.splitlines()[0] + "\n" + rows)
    out = tmp_path / "re.yaml"
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        f"# Re-forecast of plan.yaml by aigc-roi actuals: {said} as exported through {through}.")


@pytest.mark.parametrize("amount", ["1e400", "1e30", "9" * 400])
def test_an_amount_past_a_float_is_too_large_as_docs_limits_says(tmp_path: Path, amount: str) -> None:
    path = _write(tmp_path, "s.yaml", BASE + "acquisition: [{name: A, type: cpa, bid: 10, budget: 1000}]\n")
    result = invoke(["allocate", str(path), "--budget", amount])
    assert result.exit_code == 2
    assert result.stderr == (f"aigc-roi: --budget: expected a number no larger than 1,000,000,000,000,000 (1e15), "
                             f"found '{amount}'\n")


@pytest.mark.parametrize("ending", ["", "\n"])
def test_an_error_at_the_end_of_the_file_is_on_its_last_line(tmp_path: Path, ending: str) -> None:
    path = _write(tmp_path, "eof.yaml", "version: 1\nname: X\nretention: [" + ending)
    result = invoke(["validate", str(path), "-f", "github"])
    assert result.exit_code == 2
    # Line 3 ends after its 12 characters: the file stops at column 13, where a value is missing.
    assert "line=3,col=13," in result.stdout and "line=4" not in result.stdout, result.stdout
    assert "(while" not in result.stdout


def test_a_folder_validate_may_not_open_is_counted_as_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    # One readable file and one folder refused: one file, valid, and one folder, not two files.
    _locked_folder(tmp_path, monkeypatch)
    for command in ("validate", "check"):
        result = invoke([command, str(tmp_path)])
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1].startswith("1 file, 0 invalid, ")
        assert result.stderr.endswith(", 1 unreadable folder\n")
    assert invoke(["validate", str(tmp_path), "--lang", "zh"]).stderr.endswith(
        "1 个文件，0 个无效，0 个错误，1 个无法打开的文件夹\n")
    data = json.loads(invoke(["validate", str(tmp_path), "-f", "json"]).stdout)
    assert (data["summary"], data["passed"]) == ({"files": 1, "invalid": 0, "errors": 0, "unreadable_folders": 1}, False)
    summary = json.loads(invoke(["check", str(tmp_path), "-f", "json"]).stdout)["summary"]
    assert (summary["files"], summary["invalid"], summary["unreadable_folders"]) == (1, 0, 1)
