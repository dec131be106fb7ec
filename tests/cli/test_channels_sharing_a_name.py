"""Two channels may share a name (the spec allows it): every per-channel JSON entry says where the file sets it,
``"path": "acquisition[1]"``, so the two "A" entries of run, allocate and actuals tell apart (docs/formulas.md §6);
run's and actuals' CSV and xlsx rows carry the path too.

The plan is the spec's worked example with its channel twice, both named A: A at bid 20 buys 1,000 users, the
second A at bid 10 buys 500, each in month 1: spends 20,000 and 5,000.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

TWO_A = WORKED_EXAMPLE.replace("name: CPA, type: cpa, bid: 20, users: 1000, months: 1}",
                               "name: A, type: cpa, bid: 20, users: 1000, months: 1}\n"
                               "  - {name: A, type: cpa, bid: 10, users: 500, months: 1}")


def _plan(tmp_path: Path, text: str = TWO_A) -> Path:
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_run_tells_the_two_apart(tmp_path: Path) -> None:
    result = invoke(["run", str(_plan(tmp_path)), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    channels = json.loads(result.stdout)["channels"]
    assert [(c["name"], c["path"], c["spend"]) for c in channels] == [("A", "acquisition[0]", 20_000.0),
                                                                      ("A", "acquisition[1]", 5_000.0)]


def test_run_csv_tells_the_two_apart_by_their_path(tmp_path: Path) -> None:
    result = invoke(["run", str(_plan(tmp_path, TWO_A.replace("horizon_months: 3", "horizon_months: 3\norganic_users: 10"))),
                     "-f", "csv", "--table", "channels"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["name"], row["path"], row["spend"]) for row in rows] == [
        ("A", "acquisition[0]", "20000"), ("A", "acquisition[1]", "5000"), ("Organic", "organic_users", "0")]
    assert result.stdout.startswith("name,path,type,")  # the path beside the name, as JSON has it


def test_run_xlsx_tells_the_two_apart_by_their_path(tmp_path: Path) -> None:
    for lang, header in (("en", ("Channel", "Path", "Type")), ("zh", ("渠道", "路径", "类型"))):
        target = tmp_path / f"run-{lang}.xlsx"
        result = invoke(["run", str(_plan(tmp_path)), "-f", "xlsx", "-o", str(target), "--lang", lang])
        assert result.exit_code == 0, result.stderr
        rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[1].iter_rows(values_only=True))
        assert rows[0][:3] == header
        assert [(row[0], row[1], row[3]) for row in rows[1:]] == [("A", "acquisition[0]", 20_000), ("A", "acquisition[1]", 5_000)]


def test_runs_organic_row_is_its_field(tmp_path: Path) -> None:
    path = _plan(tmp_path, WORKED_EXAMPLE.replace("horizon_months: 3", "horizon_months: 3\norganic_users: 10"))
    channels = json.loads(invoke(["run", str(path), "-f", "json"]).stdout)["channels"]
    assert [(c["type"], c["path"]) for c in channels] == [("cpa", "acquisition[0]"), ("organic", "organic_users")]


def test_actuals_tells_the_two_apart(tmp_path: Path) -> None:
    plan = _plan(tmp_path, TWO_A.replace("horizon_months: 3", "horizon_months: 3\nstart: 2025-01"))
    export = tmp_path / "export.csv"
    export.write_text("date,campaign,spend\n2025-01-03,other,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert [(c["name"], c["path"]) for c in json.loads(result.stdout)["channels"]] == [("A", "acquisition[0]"),
                                                                                        ("A", "acquisition[1]")]


def _actuals(tmp_path: Path, *args: str) -> tuple[Path, Path, list[str]]:
    """The two As' January, a whole month (--from, --through) of an export whose one campaign neither matches: each
    A's plan is its own spend, 20,000 and 5,000, its actual none (no row of it)."""
    plan = _plan(tmp_path, TWO_A.replace("horizon_months: 3", "horizon_months: 3\nstart: 2025-01"))
    export = tmp_path / "export.csv"
    export.write_text("date,campaign,spend\n2025-01-03,other,100\n", encoding="utf-8")
    return plan, export, ["--from", "2025-01-01", "--through", "2025-01-31", *args]


def test_actuals_csv_tells_the_two_apart_by_their_path(tmp_path: Path) -> None:
    plan, export, args = _actuals(tmp_path)
    result = invoke(["actuals", str(plan), str(export), *args, "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("channel,path,month,")  # the path beside the name, as run's CSV has it
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["channel"], row["path"], row["month"], row["plan_spend"]) for row in rows] == [
        ("A", "acquisition[0]", "1", "20000"), ("A", "acquisition[1]", "1", "5000")]


def test_actuals_xlsx_tells_the_two_apart_by_their_path(tmp_path: Path) -> None:
    for lang, header in (("en", ("Channel", "Path", "Month")), ("zh", ("渠道", "路径", "月份"))):
        plan, export, args = _actuals(tmp_path)
        target = tmp_path / f"actuals-{lang}.xlsx"
        result = invoke(["actuals", str(plan), str(export), *args, "-f", "xlsx", "-o", str(target), "--lang", lang])
        assert result.exit_code == 0, result.stderr
        rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
        assert rows[0][:3] == header
        assert [(row[0], row[1], row[2], row[5]) for row in rows[1:]] == [("A", "acquisition[0]", 1, 20_000),
                                                                           ("A", "acquisition[1]", 1, 5_000)]


def test_actuals_markdown_keeps_the_names_alone(tmp_path: Path) -> None:
    """Markdown is read by people, as run's is: the names alone."""
    plan, export, args = _actuals(tmp_path)
    markdown = invoke(["actuals", str(plan), str(export), *args, "-f", "markdown"]).stdout
    assert "| Channel | Month | Label |" in markdown and markdown.count("| A | 1 | 2025-01 |") == 2


def test_actuals_matches_each_of_the_two_by_its_own_globs(tmp_path: Path) -> None:
    """Each A's own ``match``: a0_x's 18,000 for 900 users is the first A's (CAC 20), a1_y's 6,000 for 400 the
    second's (CAC 15), not a campaign both match."""
    plan, export, args = _actuals(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8").replace("users: 1000, months: 1}", 'users: 1000, months: 1, match: ["a0_*"]}')
                    .replace("users: 500, months: 1}", 'users: 500, months: 1, match: ["a1_*"]}'), encoding="utf-8")
    export.write_text("date,campaign,spend,new_users\n2025-01-03,a0_x,18000,900\n2025-01-05,a1_y,6000,400\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), *args, "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["path"], row["actual_spend"], row["actual_users"], row["actual_cac"]) for row in rows] == [
        ("acquisition[0]", "18000", "900", "20"), ("acquisition[1]", "6000", "400", "15")]
    # A campaign both match is refused naming each by its path: 'A' and 'A' would not say which two.
    plan.write_text(plan.read_text(encoding="utf-8").replace('"a1_*"', '"a*"'), encoding="utf-8")
    refused = invoke(["actuals", str(plan), str(export), *args])
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == (f"{export}:2:2: campaign: expected a campaign of one channel, found 'a0_x' "
                                              "matching both 'acquisition[0]' ('a0_*') and 'acquisition[1]' ('a*')")


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "--map A=a*: 'A' names 2 items: write the one meant, acquisition[0] or acquisition[1]"),
    ("zh", "--map A=a*：'A' 是 2 项的名称：请写明是哪一项，acquisition[0] 或 acquisition[1]"),
])
def test_actuals_maps_to_one_of_the_two_by_its_path(tmp_path: Path, lang: str, refusal: str) -> None:
    """--map A=GLOB would be a guess between the two; --map acquisition[1]=GLOB says which, as --set's refusal asks."""
    plan, export, args = _actuals(tmp_path, "--lang", lang)
    export.write_text("date,campaign,spend,new_users\n2025-01-05,a1_y,6000,400\n", encoding="utf-8")
    refused = invoke(["actuals", str(plan), str(export), *args, "--map", "A=a*"])
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refusal in refused.stderr.splitlines()[0]
    result = invoke(["actuals", str(plan), str(export), *args, "--map", "acquisition[1]=a1_*", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["path"], row["actual_spend"], row["actual_users"]) for row in rows] == [
        ("acquisition[0]", "", ""), ("acquisition[1]", "6000", "400")]


def test_allocate_gives_each_channel_its_path(tmp_path: Path) -> None:
    """allocate refuses a name twice, so its entries are told apart by name already; the path is there all the same,
    as in run and actuals."""
    plan = _plan(tmp_path, TWO_A.replace("{name: A, type: cpa, bid: 10", "{name: B, type: cpa, bid: 10"))
    result = invoke(["allocate", str(plan), "--budget", "30000", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert [(c["name"], c["path"]) for c in json.loads(result.stdout)["channels"]] == [("A", "acquisition[0]"),
                                                                                        ("B", "acquisition[1]")]


@pytest.mark.parametrize(("plan_text", "listed"), [
    (TWO_A, "acquisition[0], acquisition[1]"),
    (TWO_A.replace("months: 1}\nretention", "months: 1}\n  - {name: B, type: cpa, bid: 5, users: 10, months: 1}\nretention"),
     "acquisition[0], acquisition[1], B"),
])
def test_a_map_to_no_channel_lists_what_may_be_written_once_each(tmp_path: Path, plan_text: str, listed: str) -> None:
    """QA: the list read (A, A); a shared name is written by its path, as --map takes it."""
    plan, export, args = _actuals(tmp_path)
    plan.write_text(plan_text.replace("horizon_months: 3", "horizon_months: 3\nstart: 2025-01"), encoding="utf-8")
    for lang, said in (("en", f"--map Z=a*: expected a channel of the plan ({listed}), found 'Z'"),
                       ("zh", f"--map Z=a*：应为方案中的渠道（{listed.replace(', ', '、')}），实际为 'Z'")):
        refused = invoke(["actuals", str(plan), str(export), *args, "--map", "Z=a*", "--lang", lang])
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr == f"aigc-roi: {said}\n"


USERS = "date,campaign,spend,new_users\n"
REFORECAST_REFUSALS = [
    # The second A spent 6,000 in January for no user: no bid buys that.
    (f"{USERS}2025-01-03,a0_x,18000,900\n2025-01-05,a1_y,6000,0\n", "",
     "acquisition[1] 2025-01: it spent 6,000.00 for no new users; the re-forecast cannot express that month"),
    # The first A's row leaves its users blank: that cell is named.
    (f"{USERS}2025-01-03,a0_x,18000,\n", "",
     "acquisition[0] 2025-01: the exports report no new users (activations) at {export}:2:4 in column 'new_users', so "
     "the re-forecast cannot set that month's users"),
    # No new_users column at all: the first A's users cannot be set.
    ("date,campaign,spend\n2025-01-03,a0_x,18000\n", "",
     "acquisition[0]: the exports report no new users (activations), so the re-forecast cannot set its users"),
    # The second A's bid is a schedule, which a re-forecast does not rewrite.
    (f"{USERS}2025-01-05,a1_y,6000,400\n", "bid: {by_month: {1: 10}}",
     "acquisition[1]: bid is not one number or range; a re-forecast rewrites only those"),
]


@pytest.mark.parametrize(("rows", "second_bid", "said"), REFORECAST_REFUSALS,
                         ids=["spent-for-no-users", "blank-users", "no-users-column", "bid"])
def test_a_reforecast_refusal_names_a_shared_name_by_its_path(tmp_path: Path, rows: str, second_bid: str, said: str) -> None:
    """QA: 'A 2025-01: it spent ...' did not say which A."""
    plan, export, args = _actuals(tmp_path)
    text = (plan.read_text(encoding="utf-8").replace("users: 1000, months: 1}", 'users: 1000, months: 1, match: ["a0_*"]}')
            .replace("users: 500, months: 1}", 'users: 500, months: 1, match: ["a1_*"]}'))
    plan.write_text(text.replace("bid: 10,", second_bid + ",") if second_bid else text, encoding="utf-8")
    export.write_text(rows, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), *args, "--reforecast", str(tmp_path / "re.yaml"),
                     "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines()[-1] == said.format(export=export)
    assert not (tmp_path / "re.yaml").exists()
