"""The organic users' row beside a channel named like it (docs/formulas.md §6).

A channel called ``organic`` beside ``organic_users: 500`` made two rows that read "Organic" and "organic", told
apart only by the Type column, which a narrow terminal drops. A 1.1 file may name a channel so: the organic row is
labelled "Organic users" (自然流量用户) there, in every format a person reads; JSON keeps its key, ``"type":
"organic"``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.present.channel_labels import channel_row_names
from aigc_roi.present.run_data import ChannelRun

PLAN = """\
name: Organic clash
horizon_months: 6
acquisition:
  - {{name: Feed, type: cpa, bid: 10, budget: 10000}}
  - {{name: "{name}", type: cpa, bid: 12, budget: 5000}}
organic_users: 500
retention: {{monthly_churn: 0.3}}
monetization:
  plans: [{{name: M, price: 30, period: month, conversion: 5%, renewal: 0.7}}]
"""


def _row(name: str, kind: str, path: str = "acquisition[0]") -> ChannelRun:
    return ChannelRun(name, path, kind, *([None] * 11), False)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "lang", "organic"), [
    ("Search", "en", "Organic"),
    ("organic", "en", "Organic users"),
    ("Ｏｒｇａｎｉｃ", "en", "Organic users"),
    ("Or ganic\u200b", "en", "Organic users"),
    ("Organic search", "en", "Organic"),
    ("organic", "zh", "自然流量"),
    ("自然\u3000流量", "zh", "自然流量用户"),
])
def test_the_organic_row_reads_apart_from_every_channel(name: str, lang: str, organic: str) -> None:
    rows = [_row("Feed", "cpa"), _row(name, "cpa", "acquisition[1]"), _row("Organic", "organic", "organic_users")]
    assert channel_row_names(rows, lang) == ["Feed", name, organic]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_channels_of_one_name_read_apart_by_their_paths(lang: str) -> None:
    """Where the name alone labels the row; a table with a path column beside it keeps the name as written."""
    rows = [_row("Feed", "cpa"), _row("Feed", "cpa", "acquisition[1]"), _row("Organic", "organic", "organic_users")]
    assert channel_row_names(rows, lang)[:2] == ["Feed (acquisition[0])", "Feed (acquisition[1])"]
    assert channel_row_names(rows, lang, path_column=True)[:2] == ["Feed", "Feed"]


def test_no_format_a_person_reads_shows_two_organic_rows(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(name="organic"), encoding="utf-8")
    table = invoke(["run", str(plan)], env={"COLUMNS": "60"})
    assert table.exit_code == 0, table.stderr
    assert "Organic" in table.stdout and "users" in table.stdout
    markdown = invoke(["run", str(plan), "-f", "markdown"]).stdout
    assert "| Organic users | organic |" in markdown and "| organic | cpa |" in markdown
    rows = list(csv.reader(io.StringIO(invoke(["run", str(plan), "-f", "csv", "--table", "channels"]).stdout)))
    assert [[row[0], row[2]] for row in rows[1:]] == [["Feed", "cpa"], ["organic", "cpa"], ["Organic users", "organic"]]
    workbook = tmp_path / "plan.xlsx"
    assert invoke(["run", str(plan), "-f", "xlsx", "-o", str(workbook)]).exit_code == 0
    names = [row[0] for row in openpyxl.load_workbook(workbook, read_only=True).worksheets[1].iter_rows(values_only=True)]
    assert names[1:] == ["Feed", "organic", "Organic users"]
    channels = json.loads(invoke(["run", str(plan), "-f", "json"]).stdout)["channels"]
    assert [(row["name"], row["type"]) for row in channels] == [("Feed", "cpa"), ("organic", "cpa"), ("Organic", "organic")]
