"""A spreadsheet's extension of a format the tool does not write is refused, in one line, exit 2, naming the file to
write instead: `run plan.yaml -o plan.xls` exited 0 with the terminal's box-drawn table in a file Excel opens as
garbage (and .xlsm, .ods, .numbers, .tsv alike), for every option that writes a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
CHAT = str(SCENARIOS / "chat-assistant-cpa.yaml")
EXPORT = Path(__file__).resolve().parents[2] / "examples" / "actuals" / "douyin-ocean-engine.csv"


def _refused(args: list[str], written: Path) -> str:
    result = invoke(args)
    assert result.exit_code == 2, result.stdout
    assert not written.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(("name", "instead"), [("plan.xls", "plan.xlsx (-f xlsx)"), ("plan.XLSM", "plan.xlsx (-f xlsx)"),
                                               ("plan.ods", "plan.xlsx (-f xlsx)"), ("plan.numbers", "plan.xlsx (-f xlsx)"),
                                               ("plan.xlsb", "plan.xlsx (-f xlsx)"), ("plan.tsv", "plan.csv (-f csv)"),
                                               ("plan.xls.", "plan.xlsx (-f xlsx)")])
def test_run_refuses_a_spreadsheet_it_does_not_write_and_names_the_file_to_write(tmp_path: Path, name: str,
                                                                                 instead: str) -> None:
    out = tmp_path / name
    line = _refused(["run", CHAT, "-o", str(out)], out)
    suffix = Path(name.rstrip(".")).suffix.lower()  # as the extension reads, in any case
    assert line == (f"aigc-roi: {out}: run does not write {suffix} files, which a spreadsheet would open as garbage; "
                    f"write {tmp_path / instead} instead")


@pytest.mark.parametrize("chosen", ["csv", "xlsx", "table"])
def test_a_format_given_does_not_let_it_through(tmp_path: Path, chosen: str) -> None:
    out = tmp_path / "plan.tsv"
    assert "write " in _refused(["run", CHAT, "-f", chosen, "-o", str(out)], out)


def test_chinese(tmp_path: Path) -> None:
    out = tmp_path / "plan.xls"
    line = _refused(["run", CHAT, "-o", str(out), "--lang", "zh"], out)
    assert line == f"aigc-roi: {out}: run 不能写出 .xls 文件，电子表格会把它读成乱码；请改为写出 {tmp_path / 'plan.xlsx'}（-f xlsx）"


def test_a_command_without_a_workbook_is_pointed_to_its_csv(tmp_path: Path) -> None:
    out = tmp_path / "b.xls"
    assert _refused(["breakeven", CHAT, "-o", str(out)], out).endswith(f"write {tmp_path / 'b.csv'} (-f csv) instead")


@pytest.mark.parametrize(("args", "name", "formats"), [
    (["init"], "p.ods", "yaml"), (["schema", "-o"], "s.xls", "json"), (["report", CHAT, "-o"], "r.numbers", "html"),
    (["actuals", CHAT, str(EXPORT), "--map", "Douyin activation CPA=dy_*", "--reforecast"], "re.xls", "yaml"),
])
def test_a_command_of_one_format_names_it(tmp_path: Path, args: list[str], name: str, formats: str) -> None:
    out = tmp_path / name
    assert _refused([*args, str(out)], out).endswith(f"which a spreadsheet would open as garbage; its formats: {formats}")


def test_a_workbook_and_a_csv_are_still_written(tmp_path: Path) -> None:
    for name in ("plan.xlsx", "plan.csv"):
        assert invoke(["run", CHAT, "-o", str(tmp_path / name), "-q"]).exit_code == 0
        assert (tmp_path / name).stat().st_size > 0


# Each spreadsheet's own save-as formats the tool does not write (QA: .xlt, WPS Spreadsheets' .et and .ett, common in
# China, LibreOffice's .fods and .ots, and the .dif and .slk every one of them offers were written as the terminal's
# table, exit 0), with the file a spreadsheet opens to write instead: a workbook, or a CSV for a text format.
MORE = {".xlt": "xlsx", ".xla": "xlsx", ".xlam": "xlsx", ".xlw": "xlsx", ".et": "xlsx", ".ett": "xlsx",
        ".fods": "xlsx", ".ots": "xlsx", ".uos": "xlsx", ".sxc": "xlsx", ".wk1": "xlsx", ".dif": "csv", ".slk": "csv",
        ".prn": "csv", ".dbf": "csv"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("suffix", list(MORE))
def test_every_spreadsheet_s_save_format_is_refused(tmp_path: Path, suffix: str, lang: str) -> None:
    out = tmp_path / f"plan{suffix}"
    line = _refused(["run", CHAT, "-o", str(out), "--lang", lang], out)
    instead = tmp_path / f"plan.{MORE[suffix]}"
    assert line == {
        "en": f"aigc-roi: {out}: run does not write {suffix} files, which a spreadsheet would open as garbage; "
              f"write {instead} (-f {MORE[suffix]}) instead",
        "zh": f"aigc-roi: {out}: run 不能写出 {suffix} 文件，电子表格会把它读成乱码；请改为写出 {instead}（-f {MORE[suffix]}）",
    }[lang]


def test_a_text_file_is_still_written(tmp_path: Path) -> None:
    # .txt, on every spreadsheet's save-as list too, names no spreadsheet: the table's text is what it holds.
    assert invoke(["run", CHAT, "-o", str(tmp_path / "plan.txt"), "-q"]).exit_code == 0
    assert "ROAS" in (tmp_path / "plan.txt").read_text(encoding="utf-8")
