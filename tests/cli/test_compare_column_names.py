"""`compare`'s column of a scenario never reads as another column of the table it sits in: a scenario named as a fixed
column (CSV's `figure`, `statistic`, `best`, `currency`; the terminal's, markdown's and the workbook's `Figure`,
`Statistic`, `Best`, `Key`, `Unit`, `Note`, `Δ vs first`, and their Chinese), as another scenario, or as another's
`Δ` column, in any case, is headed with its source as two scenarios of one name are (README, "compare heads each
column"). Every header list below is written by that rule, by hand: the fixed columns keep their names, since scripts
read them by name."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.present.compare import fixed_headers
from aigc_roi.present.labels import label
from aigc_roi.present.language import LANGUAGES


def _plan(tmp_path: Path, file: str, name: str) -> Path:
    path = tmp_path / file
    path.write_text(WORKED_EXAMPLE.replace("name: Spec worked example", f"name: {json.dumps(name, ensure_ascii=False)}"),
                    encoding="utf-8")
    return path


def _compare(*args: str | Path, env: dict[str, str] | None = None) -> str:
    result = invoke(["compare", *(str(arg) for arg in args)], env=env)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def _csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def test_csv_scenarios_named_as_fixed_columns_get_their_sources(tmp_path: Path) -> None:
    cur, best = _plan(tmp_path, "cur.yaml", "currency"), _plan(tmp_path, "best.yaml", "best")
    header = _csv_header(_compare(cur, best, "-f", "csv"))
    assert header == ["figure", f"currency ({cur})", f"best ({best})", f"Δ best ({best})", "best", "note", "currency"]


@pytest.mark.parametrize("name", ["Currency", "FIGURE", "Best", "ｃｕｒｒｅｎｃｙ", "Figure", "Key", "Unit", "Note", "Δ vs first",
                                  "指标", "说明", "Δ 与第一个相比"])
def test_csv_a_name_as_any_fixed_column_in_any_case_or_language(tmp_path: Path, name: str) -> None:
    # Excel's tables and SQL readers (DuckDB) take Currency for currency, and a reader ｃｕｒｒｅｎｃｙ (full-width IME
    # input); a column's title is one in every format and language, so the workbook's Note, the terminal's Δ vs first
    # and the Chinese 指标 are taken too.
    first, other = _plan(tmp_path, "first.yaml", name), _plan(tmp_path, "other.yaml", "Other")
    header = _csv_header(_compare(first, other, "-f", "csv"))
    assert header == ["figure", f"{name} ({first})", "Other", "Δ Other", "best", "note", "currency"]


def test_csv_on_risk_a_scenario_named_statistic_or_figure(tmp_path: Path) -> None:
    statistic, figure = _plan(tmp_path, "s.yaml", "statistic"), _plan(tmp_path, "f.yaml", "figure")
    header = _csv_header(_compare(statistic, figure, "--samples", "20", "-f", "csv"))
    assert header == ["figure", "statistic", f"statistic ({statistic})", f"figure ({figure})", "best", "currency"]


def test_csv_a_name_as_another_columns_change(tmp_path: Path) -> None:
    # The third scenario's name is the second's Δ column: it takes its source, and its own Δ column follows.
    first, second, third = _plan(tmp_path, "x.yaml", "X"), _plan(tmp_path, "a.yaml", "A"), _plan(tmp_path, "d.yaml", "Δ A")
    header = _csv_header(_compare(first, second, third, "-f", "csv"))
    assert header == ["figure", "X", "A", f"Δ A ({third})", "Δ A", f"Δ Δ A ({third})", "best", "note", "currency"]


def test_names_alike_but_for_case_are_told_apart(tmp_path: Path) -> None:
    upper, lower = _plan(tmp_path, "upper.yaml", "Plan"), _plan(tmp_path, "lower.yaml", "plan")
    header = _csv_header(_compare(upper, lower, "-f", "csv"))
    assert header == ["figure", f"Plan ({upper})", f"plan ({lower})", f"Δ plan ({lower})", "best", "note", "currency"]


def test_json_names_each_column_as_the_tables_head_it(tmp_path: Path) -> None:
    cur, best = _plan(tmp_path, "cur.yaml", "currency"), _plan(tmp_path, "best.yaml", "best")
    data = json.loads(_compare(cur, best, "-f", "json"))
    assert [scenario["name"] for scenario in data["scenarios"]] == [f"currency ({cur})", f"best ({best})"]
    assert data["currency"] == "CNY"


def test_a_variant_labelled_as_a_fixed_column(example: Path) -> None:
    data = json.loads(_compare(example, "--variant", "currency: acquisition[0].bid=15", "-f", "json"))
    assert [scenario["name"] for scenario in data["scenarios"]] == [
        "Spec worked example", f"currency ({example} --set acquisition[0].bid=15)"]


def test_markdown_header(tmp_path: Path) -> None:
    cur, best = _plan(tmp_path, "cur.yaml", "currency"), _plan(tmp_path, "best.yaml", "best")
    lines = _compare(cur, best, "-f", "markdown").splitlines()
    assert f"| Figure | currency ({cur}) | best ({best}) | Δ best ({best}) | Best |" in lines


@pytest.mark.parametrize("extra", [(), ("--samples", "20")])
def test_markdown_a_name_as_a_chinese_header(tmp_path: Path, extra: tuple[str, ...]) -> None:
    # 最优 and 统计量 head markdown's best and statistic columns under --lang zh: taken in every language and format.
    best, statistic = _plan(tmp_path, "best.yaml", "最优"), _plan(tmp_path, "statistic.yaml", "统计量")
    lines = _compare(best, statistic, "-f", "markdown", "--lang", "zh", *extra).splitlines()
    names = f"最优 ({best}) | 统计量 ({statistic})"
    assert (f"| 指标 | 统计量 | {names} | 最优 |" if extra else f"| 指标 | {names} | Δ 统计量 ({statistic}) | 最优 |") in lines
    header = _csv_header(_compare(best, statistic, "-f", "csv", *extra))
    assert header[1 + bool(extra):3 + bool(extra)] == [f"最优 ({best})", f"统计量 ({statistic})"]


def test_markdown_with_explain(tmp_path: Path) -> None:
    base, new = _plan(tmp_path, "base.yaml", "figure"), _plan(tmp_path, "new.yaml", "best")
    new.write_text(new.read_text(encoding="utf-8").replace("bid: 20", "bid: 15"), encoding="utf-8")
    lines = _compare(base, new, "--explain", "-f", "markdown").splitlines()
    assert f"| Figure | figure ({base}) | best ({new}) | Δ best ({new}) | Best |" in lines


@pytest.mark.parametrize("lang", LANGUAGES)
def test_xlsx_header(tmp_path: Path, lang: str) -> None:
    note, key = _plan(tmp_path, "note.yaml", "Note"), _plan(tmp_path, "key.yaml", "键名")
    target = tmp_path / "compare.xlsx"
    _compare(note, key, "-f", "xlsx", "-o", target, "--lang", lang)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    fixed = [label(key, lang) for key in ("figure", "key", "unit", "note")]
    assert header == [*fixed[:3], f"Note ({note})", f"键名 ({key})", fixed[3]]


def test_table_header(tmp_path: Path) -> None:
    figure, other = _plan(tmp_path, "f.yaml", "Figure"), _plan(tmp_path, "o.yaml", "Other")
    out = _compare(figure, other, env={"COLUMNS": "400", "NO_COLOR": "1"})
    head = next(line for line in out.splitlines() if "Other" in line)
    assert [cell.strip() for cell in head.strip("┃ ").split("┃")] == ["Figure", f"Figure ({figure})", "Other", "Δ vs first"]


def test_every_fixed_header_of_every_format_and_language_is_reserved(tmp_path: Path) -> None:
    # The rule's list of fixed columns is the tables' own: a header added to one of them and not to the list fails here.
    first, second = _plan(tmp_path, "a.yaml", "A"), _plan(tmp_path, "b.yaml", "B")
    scenarios = {"A", "B", "Δ B"}
    headers = {*_csv_header(_compare(first, second, "-f", "csv")),
               *_csv_header(_compare(first, second, "--samples", "20", "-f", "csv"))}
    for lang in LANGUAGES:
        for extra in ((), ("--samples", "20")):
            markdown = _compare(first, second, "-f", "markdown", "--lang", lang, *extra).splitlines()
            headers |= {cell.strip() for cell in next(line for line in markdown if line.startswith("| ")).split("|")[1:-1]}
        target = tmp_path / f"{lang}.xlsx"
        _compare(first, second, "-f", "xlsx", "-o", target, "--lang", lang)
        headers |= {cell.value for cell in next(openpyxl.load_workbook(target).worksheets[0].iter_rows(max_row=1))}
        out = _compare(first, second, "--lang", lang, env={"COLUMNS": "400", "NO_COLOR": "1"})
        head = next(line for line in out.splitlines() if line.startswith("┃"))
        headers |= {cell.strip() for cell in head.strip("┃").split("┃")}
    assert headers - scenarios <= fixed_headers()


def test_a_file_path_keeps_ascii_brackets_beside_a_chinese_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two plans of one Chinese name are told apart by their files: the path is code and keeps its ASCII brackets
    (README's Chinese typography), while the name keeps its own full-width ones."""
    _plan(tmp_path, "v1.yaml", "增长方案（测试）")
    _plan(tmp_path, "v2.yaml", "增长方案（测试）")
    monkeypatch.chdir(tmp_path)
    header = _compare("v1.yaml", "v2.yaml", "--explain", "--lang", "zh", "-f", "markdown").splitlines()[2]
    assert "| 增长方案（测试） (v1.yaml) | 增长方案（测试） (v2.yaml) |" in header
    assert "（v1.yaml）" not in header
