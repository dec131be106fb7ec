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


def _refusals(stderr: str) -> list[str]:
    """The lines of stderr but the file's warning of its shared name (tests/reader/test_shared_names.py)."""
    return [line for line in stderr.splitlines() if not line.endswith("naming 'A' cannot tell them apart")
            and not line.endswith("用 'A' 指代时无法区分它们")]


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


def test_actuals_markdown_tells_the_two_apart_by_their_path(tmp_path: Path) -> None:
    """Markdown is read by people, as run's is: the names alone, but where two rows would read alike (QA: two
    '| A | 1 | 2025-01 |' rows), which carry their paths."""
    plan, export, args = _actuals(tmp_path)
    markdown = invoke(["actuals", str(plan), str(export), *args, "-f", "markdown"]).stdout
    assert "| Channel | Month | Label |" in markdown
    assert "| A (acquisition[0]) | 1 | 2025-01 |" in markdown and "| A (acquisition[1]) | 1 | 2025-01 |" in markdown


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
    assert _refusals(refused.stderr)[0] == (f"{export}:2:2: campaign: expected a campaign of one channel, found 'a0_x' "
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
    assert refusal in _refusals(refused.stderr)[0]
    result = invoke(["actuals", str(plan), str(export), *args, "--map", "acquisition[1]=a1_*", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["path"], row["actual_spend"], row["actual_users"]) for row in rows] == [
        ("acquisition[0]", "", ""), ("acquisition[1]", "6000", "400")]


def test_allocate_gives_each_channel_its_path(tmp_path: Path) -> None:
    """Channels of their own names, told apart by name already: the path is there all the same, as in run and
    actuals (two of one name: tests/cli/test_names_that_read_as_numbers.py)."""
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
        assert _refusals(refused.stderr) == [f"aigc-roi: {said}"]


USERS = "date,campaign,spend,new_users\n"
REFORECAST_REFUSALS = [
    # The second A spent 6,000 in January for no user: no bid buys that.
    (f"{USERS}2025-01-03,a0_x,18000,900\n2025-01-05,a1_y,6000,0\n", "",
     "aigc-roi: acquisition[1] 2025-01: it spent 6,000.00 for no new users; the re-forecast cannot express that month"),
    # The first A's row reports no users (N/A): that cell is named. (A column blank in every row is a missing
    # column, the case below: no cell to name.)
    (f"{USERS}2025-01-03,a0_x,18000,N/A\n", "",
     "aigc-roi: acquisition[0] 2025-01: the exports report no new users (activations) at {export}:2:4 in column 'new_users', so "
     "the re-forecast cannot set that month's users"),
    # No new_users column at all: the first A's users cannot be set.
    ("date,campaign,spend\n2025-01-03,a0_x,18000\n", "",
     "aigc-roi: acquisition[0]: the exports report no new users (activations), so the re-forecast cannot set its users"),
    # The second A's bid blends two ranges in February, which no one range writes: refused where the plan writes it
    # (its by_month opens at column 42 of line 6, the line of the second A once start: is added), by path as every
    # located error is.
    (f"{USERS}2025-01-05,a1_y,6000,400\n", 'bid: {by_month: {1: "8..12", 3: "10..14"}}',
     "{plan}:6:42: acquisition[1].bid.by_month: expected a value for month 2 (2025-02) that one number or range writes, "
     "found a blend of the ranges at months 1 and 3; give month 2 a point of its own"),
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
    assert result.stderr.splitlines()[-1] == said.format(export=export, plan=plan)
    assert not (tmp_path / "re.yaml").exists()


WARNING = ("{path}:5:12: acquisition[1].name: 'A' is also acquisition[0]'s name (line 4); a gate, --set, actuals --map "
           "or allocate --lock naming 'A' cannot tell them apart")
WARNING_ZH = ("{path}:5:12: acquisition[1].name: 'A' 也是 acquisition[0] 的名称（第 4 行）；闸门、--set、actuals --map 或 "
              "allocate --lock 用 'A' 指代时无法区分它们")


def test_validate_keeps_the_file_valid_with_a_warning(tmp_path: Path) -> None:
    """Spec 1.1 allows the shared name, and a 1.1 file keeps its meaning: exit 0, warned at the second A."""
    path = _plan(tmp_path)
    for lang, said in (("en", WARNING), ("zh", WARNING_ZH)):
        result = invoke(["validate", str(path), "--lang", lang])
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines()[0] == said.format(path=path)
    document = json.loads(invoke(["validate", str(path), "-f", "json"]).stdout)
    assert document["passed"] is True
    assert [(w["line"], w["column"], w["path"], w["rule"]) for w in document["files"][0]["warnings"]] == [
        (5, 12, "acquisition[1].name", "shared-name")]
    github = invoke(["validate", str(path), "-f", "github"]).stdout
    assert f"::warning file={path},line=5,endLine=5,col=12,endColumn=12,title=aigc-roi%3A shared-name::" in github


def test_run_has_the_figures_of_two_channels_of_their_own_names(tmp_path: Path) -> None:
    """By hand: 1,500 users in month 1 (1,000 at 20, 500 at 10: spend 25,000), each paying 10 a month while active at
    churn 0.5 (1,500, 750, 375 active: revenue 26,250, serving 2,625), net cash 23,625 - 25,000 = -1,375, ROI
    -1,375 / 25,000 = -5.5%; the same as with the second channel named B."""
    figures = [json.loads(invoke(["run", str(_plan(tmp_path, text)), "-f", "json"]).stdout)["figures"]
               for text in (TWO_A, TWO_A.replace("{name: A, type: cpa, bid: 10", "{name: B, type: cpa, bid: 10"))]
    assert figures[0]["net_cash"] == pytest.approx(-1_375) and figures[0]["roi"] == pytest.approx(-0.055)
    assert figures[0] == figures[1]


@pytest.mark.parametrize(("command", "lang", "fields"), [
    ("breakeven", "en", ("bid", "users per month")), ("breakeven", "zh", ("出价", "每月用户数")),
    ("sensitivity", "en", ("bid", "users per month")), ("sensitivity", "zh", ("出价", "每月用户数")),
])
def test_what_if_rows_tell_the_two_apart_in_every_format(tmp_path: Path, command: str, lang: str,
                                                         fields: tuple[str, str]) -> None:
    """QA: break-even printed two identical 'A bid' rows. Each A's rows carry its path, in the table, markdown, CSV
    and JSON alike; a path column gives the indexed path, which --set takes, not acquisition[A].bid, which it refuses."""
    path = _plan(tmp_path)
    labels = [f"A (acquisition[{i}]) {field}" for field in fields for i in (0, 1)]
    table = invoke([command, str(path), "--lang", lang])
    assert table.exit_code == 0, table.stderr
    assert all(label in table.stdout for label in labels), table.stdout
    markdown = invoke([command, str(path), "--lang", lang, "-f", "markdown"]).stdout
    assert all(f"| {label} |" in markdown for label in labels) and "acquisition[A]" not in markdown
    rows = list(csv.DictReader(io.StringIO(invoke([command, str(path), "--lang", lang, "-f", "csv"]).stdout)))
    assert {(row["path"], row["label"]) for row in rows if row["path"].startswith("acquisition")} == {
        (f"acquisition[{i}].{key}", f"A (acquisition[{i}]) {field}")
        for i in (0, 1) for key, field in zip(("bid", "users"), fields, strict=True)}


def test_json_rows_are_labelled_apart(tmp_path: Path) -> None:
    document = json.loads(invoke(["breakeven", str(_plan(tmp_path)), "-f", "json"]).stdout)
    assert [row["label"] for row in document["drivers"] if row["path"].startswith("acquisition")] == [
        "A (acquisition[0]) bid", "A (acquisition[0]) users per month", "A (acquisition[1]) bid",
        "A (acquisition[1]) users per month"]


def test_runs_table_and_markdown_tell_the_two_apart(tmp_path: Path) -> None:
    """Where the name alone labels a row (no path column beside it)."""
    path = _plan(tmp_path)
    table = invoke(["run", str(path)]).stdout
    assert "│ A (acquisition[0]) │" in table and "│ A (acquisition[1]) │" in table
    markdown = invoke(["run", str(path), "-f", "markdown", "--lang", "zh"]).stdout
    assert "| A (acquisition[0]) | 按转化付费 |" in markdown and "| A (acquisition[1]) | 按转化付费 |" in markdown
