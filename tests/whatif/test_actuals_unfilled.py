"""`actuals`: a column empty or dashed in every row (a KOL sheet's impressions, the README's Bilibili export) is not
reported as a missing column is, the same in every format: no `‡`, no row named; before, it was marked `‡` as
though a row's cell had said N/A (QA, act-display finding 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

HEADER = "date,campaign,spend,new_users"
ROWS = [("2025-03-01", "dy_a", "1200", "100"), ("2025-03-31", "dy_a", "1200", "100"), ("2025-04-01", "dy_a", "900", "75")]
EMPTY = "".join(f"{day},{name},{spend},{blank},{dash},{users}\n"
                for (day, name, spend, users), blank, dash in zip(ROWS, ["", "—", ""], ["-", "", "--"], strict=True))
"""impressions and clicks present, every cell of them empty or a dash."""
WITH_EMPTY = "date,campaign,spend,impressions,clicks,new_users\n" + EMPTY
WITHOUT = HEADER + "\n" + "".join(",".join(row) + "\n" for row in ROWS)
"""The same rows with no impressions or clicks column."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(two_channel_plan("Unfilled test"), encoding="utf-8")
    return path


def _outputs(plan: Path, export: Path, text: str, fmt: str, lang: str) -> str:
    export.write_text(text, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "-f", fmt, "--lang", lang], env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _not_source(lines: str) -> list[str]:
    """The lines but the summary's of the export's columns, which name the columns read (and those left empty)."""
    return [line for line in lines.splitlines()
            if "columns date=" not in line and "使用列 date=" not in line and "empty in every row" not in line
            and "每行皆为空" not in line]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_empty_column_reads_as_a_missing_one_in_every_format(tmp_path: Path, plan: Path, lang: str) -> None:
    export = tmp_path / "kol.csv"
    for fmt in ("table", "markdown"):
        empty, missing = (_outputs(plan, export, text, fmt, lang) for text in (WITH_EMPTY, WITHOUT))
        assert "‡" not in empty
        assert _not_source(empty) == _not_source(missing)
    assert _outputs(plan, export, WITH_EMPTY, "csv", lang) == _outputs(plan, export, WITHOUT, "csv", lang)
    empty_json, missing_json = (json.loads(_outputs(plan, export, text, "json", lang)) for text in (WITH_EMPTY, WITHOUT))
    assert empty_json["channels"] == missing_json["channels"]
    # Douyin: March 1,200 + 1,200 = 2,400 for 100 + 100 users, a CAC of 12; April 900 for 75, 12; no CTR or CVR.
    months = empty_json["channels"][0]["months"]
    assert [(m["actual"]["spend"], m["actual"]["users"], m["actual"]["cac"], m["actual"]["ctr"], m["actual"]["cvr"],
             m["not_reported"]) for m in months[:2]] == [(2_400, 200, 12, None, None, []), (900, 75, 12, None, None, [])]
    assert empty_json["sources"][0]["unfilled"] == ["impressions", "clicks"]
    assert missing_json["sources"][0]["unfilled"] == []


def test_the_summary_names_the_columns_left_empty(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "kol.csv"
    assert "  empty in every row, so not reported, as a missing column: impressions=impressions, clicks=clicks" in _outputs(
        plan, export, WITH_EMPTY, "table", "en").splitlines()
    assert "  每行皆为空，按未报告计（同缺少该列）：impressions=impressions、clicks=clicks" in _outputs(
        plan, export, WITH_EMPTY, "table", "zh").splitlines()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_marks_an_empty_column_as_a_missing_one(tmp_path: Path, plan: Path, lang: str) -> None:
    import openpyxl

    export = tmp_path / "kol.csv"
    sheets = []
    for number, text in enumerate((WITH_EMPTY, WITHOUT)):
        export.write_text(text, encoding="utf-8")
        target = tmp_path / f"{number}.xlsx"
        result = invoke(["actuals", str(plan), str(export), "-o", str(target), "--lang", lang])
        assert result.exit_code == 0, result.stderr
        sheet = openpyxl.load_workbook(target).worksheets[0]
        sheets.append([[cell.value for cell in row] for row in sheet.iter_rows()])
    assert sheets[0] == sheets[1]
    header = sheets[0][0]
    column = header.index("未报告" if lang == "zh" else "Not reported")
    assert all(row[column] is None for row in sheets[0][1:])


def test_a_column_of_n_a_in_every_row_still_names_its_first_row(tmp_path: Path, plan: Path) -> None:
    """N/A says "not reported" in each row's cell (the first round's Kuaishou export): `‡`, its first row named."""
    export = tmp_path / "na.csv"
    text = "date,campaign,spend,new_users\n" + "".join(f"{day},{name},{spend},N/A\n" for day, name, spend, _ in ROWS)
    data = json.loads(_outputs(plan, export, text, "json", "en"))
    assert [m["not_reported"] for m in data["channels"][0]["months"][:2]] == [
        [{"metric": "users", "file": str(export), "line": 2, "column": 4, "header": "new_users"}],
        [{"metric": "users", "file": str(export), "line": 4, "column": 4, "header": "new_users"}]]
    assert data["sources"][0]["unfilled"] == []
