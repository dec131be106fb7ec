"""A name that is one word wider than its column folds inside it, and the table stays a table (QA: at 80 columns
compare of two scenarios named SuperLongScenarioNameWithoutAnySpacesAtAll2026 and a 26-character Chinese name
without punctuation, and run's, breakeven's and sensitivity's tables of a channel and a plan named so, turned into
one block per row, as no layout kept the word whole).

Each table is checked at 80 columns, in English and Chinese: every line at most 80 cells; every line of a table as
wide as its top border, its column rules where the border's are (the figures' columns aligned); and the name shown
whole and in order: the lines of its column (compare: of its header) joined without spaces hold it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from rich.text import Text
from test_check_zh import in_terminal

LATIN = {"scenario": "SuperLongScenarioNameWithoutAnySpacesAtAll2026", "channel": "SuperLongChannelNameWithoutAnySpaces2026",
         "plan": "SuperLongPlanNameWithoutAnySpacesMonthly2026"}
CHINESE = {"scenario": "另一个超长情景名称没有任何标点符号的测试情景二零二六",
           "channel": "超长渠道名称没有任何标点符号的抖音激活获客渠道测试", "plan": "超长会员计划名称没有任何标点符号的年度会员"}
PLAN = """version: 1
name: {scenario}
currency: CNY
horizon_months: 24
acquisition:
  - {{name: {channel}, type: cpa, bid: {bid}, budget: 250000, months: 1-12}}
  - {{name: {other_channel}, type: cpa, bid: 30, budget: 90000, months: 1-3}}
retention:
  points: {{1: 0.30, 3: 0.18, 6: 0.12, 12: 0.08, 24: 0.06}}
monetization:
  plans:
    - {{name: {plan}, price: 29, period: month, conversion: "2%", renewal: 0.8}}
    - {{name: {other_plan}, price: 99, period: year, conversion: "4%", renewal: 0.5}}
costs:
  serving_per_active_user: 0.5
"""
WIDTH = 80
SEPARATORS = {"┏": "┳", "┃": "┃", "┡": "╇", "│": "│", "└": "┴"}
"""Each kind of a table's line, by its first character, and the character it parts its columns with."""


def _plan(folder: Path, first: dict[str, str], second: dict[str, str], bid: int, file: str) -> Path:
    path = folder / file
    path.write_text(PLAN.format(scenario=first["scenario"], channel=first["channel"], plan=first["plan"], bid=bid,
                                other_channel=second["channel"], other_plan=second["plan"]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("one_word_names")
    return _plan(folder, LATIN, CHINESE, 12, "latin.yaml"), _plan(folder, CHINESE, LATIN, 14, "chinese.yaml")


def _out(args: list[str], lang: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What a terminal of ``WIDTH`` columns shows (a log writes a title whole, for grep)."""
    in_terminal(monkeypatch, WIDTH)
    result = invoke([*args, "--lang", lang])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout.splitlines()


def _tables(lines: list[str]) -> list[list[str]]:
    """Each boxed table's lines, its top border to its bottom one."""
    tables: list[list[str]] = []
    for i, line in enumerate(lines):
        if line.startswith("┏"):
            end = next(j for j in range(i, len(lines)) if lines[j].startswith("└"))
            tables.append(lines[i:end + 1])
    return tables


def _aligned(table: list[str]) -> None:
    """Every line as wide as the top border, its columns parted where the border parts them."""
    top = table[0].rstrip()
    for line in table:
        line = line.rstrip()
        # A rule between cells has their padding either side: sensitivity's tornado draws its axis with │ too.
        parts = [cell_len(line[:i]) for i, char in enumerate(line) if char == SEPARATORS[line[0]] and 0 < i < len(line) - 1
                 and (line[0] not in "│┃" or line[i - 1] == line[i + 1] == " ")]
        assert cell_len(line) == cell_len(top), "\n".join(table)
        assert parts == [cell_len(top[:i]) for i, char in enumerate(top) if char == "┳"], "\n".join(table)


def _column(table: list[str], index: int, mark: str) -> str:
    """Column ``index`` of the lines starting with ``mark`` (┃ the header, │ the body), joined without spaces."""
    return "".join(line.split(mark)[index + 1].replace(" ", "") for line in table if line.startswith(mark))


def _checked(lines: list[str]) -> list[list[str]]:
    assert max(cell_len(line) for line in lines) <= WIDTH, "\n".join(lines)
    tables = _tables(lines)
    for table in tables:
        _aligned(table)
    return tables


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_compare_folds_a_scenario_named_in_one_long_word(plans: tuple[Path, Path], lang: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    latin, chinese = plans
    table, *_ = _checked(_out(["compare", str(latin), str(chinese)], lang, monkeypatch))
    assert _column(table, 1, "┃").startswith(LATIN["scenario"]), "\n".join(table)
    assert _column(table, 2, "┃").startswith(CHINESE["scenario"]), "\n".join(table)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_compare_folds_a_variant_named_in_one_long_word(plans: tuple[Path, Path], lang: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    latin, _ = plans
    table, *_ = _checked(_out(["compare", str(latin), "--variant", f"{CHINESE['scenario']}: acquisition[0].bid=14",
                               "--variant", f"{LATIN['plan']}: acquisition[1].bid=20"], lang, monkeypatch))
    headers = [_column(table, i, "┃") for i in range(1, 4)]
    assert headers[0].startswith(LATIN["scenario"]) and CHINESE["scenario"] in headers[1] and LATIN["plan"] in headers[2]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["run", "breakeven", "sensitivity"])
def test_a_channel_and_a_plan_named_in_one_long_word_keep_the_table(plans: tuple[Path, Path], command: str, lang: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    latin, _ = plans
    tables = _checked(_out([command, str(latin)], lang, monkeypatch))
    labels = "".join(_column(table, 0, "│") for table in tables)
    # run shows channels only; breakeven and sensitivity each of the four names as a driver's item.
    names = [LATIN["channel"], CHINESE["channel"]] + ([] if command == "run" else [LATIN["plan"], CHINESE["plan"]])
    for name in names:
        assert name in labels, f"{name}\n{labels}"


def test_a_word_folds_into_the_fewest_lines_of_even_width() -> None:
    from aigc_roi.present.layout import folded

    # 46 letters in 15 cells: ceil(46 / 15) = 4 lines, of ceil(46 / 4) = 12 letters, the last 46 - 36 = 10.
    word = LATIN["scenario"]
    assert folded(Text(word), 15).plain.split("\n") == [word[:12], word[12:24], word[24:36], word[36:]]
    # 26 Chinese characters (52 cells) in 14: 4 lines of at most 7 characters (14 cells) hold them, and no fewer do.
    lines = folded(Text(CHINESE["scenario"]), 14).plain.split("\n")
    assert "".join(lines) == CHINESE["scenario"] and len(lines) == 4 and all(cell_len(line) <= 14 for line in lines)
