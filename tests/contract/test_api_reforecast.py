"""api.reforecast takes the actuals of its own plan only, carries the plan's sets into the text it writes, and
rewrites the text the plan was read from, not its file again; a plan that no file holds has no commit.

QA: the actuals of another plan rewrote it by channel index (a CPA channel's spend as a KOL fee) or raised a bare
IndexError; a plan loaded with sets lost them from the text (or raised ValueError for a set on a field the
re-forecast rewrites); a file edited after loading gave invalid YAML, and a re-forecast re-forecast again could not
read its own file; plan_facts of a re-forecast never written stated the repository's HEAD.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from test_actuals import PLAN
from test_check_zh import commit_all

from aigc_roi import api
from aigc_roi.model.scenario import ByMonth
from aigc_roi.present.messages_zh import translate

EXPORT = """\
date,campaign,spend,impressions,clicks,new_users
2025-01-01,dy_a,40000,,,1600
2025-01-31,dy_b,60000,,,2400
2025-01-10,feed_1,40000,1000000,10000,1000
2025-02-03,dy_a,3000,,,100
"""
"""January whole: Douyin CPA spent 100,000 for 4,000 users (a bid of 25), Feed 40,000 for 1,000,000 impressions,
10,000 clicks and 1,000 users (cpm 40, ctr 1%, cvr 10%); February 3 days in, so left as planned."""
MAPS = [("Feed", "feed_*")]
OWN = "compare this plan's own: api.actuals(plan.scenario, exports, maps)"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    return plan, export


def compared(plan: Path, export: Path) -> api.Actuals:
    return api.actuals(api.load(plan), export, MAPS, samples=100)


def other_plan(tmp_path: Path, text: str) -> api.LoadedScenario:
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    return api.load_plan(path)


@pytest.mark.parametrize(("other", "differs"), [
    # A KOL channel where the actuals have a CPA one: its fee was set from Douyin's spend.
    (PLAN.replace("type: cpa\n    bid: 20\n    budget: 100_000\n", "type: kol\n    posts: 2\n    fee: 5000\n"
                  "    views: 100000\n    view_to_user: 0.01\n").replace("Douyin CPA", "Creators"),
     "channels Douyin CPA (cpa), Feed (cpm) where this plan has Creators (kol), Feed (cpm)"),
    # One channel fewer: IndexError.
    (PLAN.split("  - name: Feed")[0] + PLAN.split("    months: 1\n")[1],
     "channels Douyin CPA (cpa), Feed (cpm) where this plan has Douyin CPA (cpa)"),
    # January's actuals would be written in as February's.
    (PLAN.replace("start: 2025-01", "start: 2024-12"), "start 2025-01 where this plan's is 2024-12"),
], ids=["types", "fewer", "start"])
def test_the_actuals_of_another_plan_are_refused_saying_what_differs(files: tuple[Path, Path], tmp_path: Path,
                                                                     other: str, differs: str) -> None:
    with pytest.raises(api.ArgumentError) as refused:
        api.reforecast(other_plan(tmp_path, other), compared(*files), "# h", samples=100)
    assert refused.value.argument == "compared"
    assert str(refused.value) == f"compared: expected the actuals of this plan, found another's: {differs}; {OWN}"
    assert translate(str(refused.value)).startswith("compared：应为本方案的实际对比结果，实际为另一方案的：")


def test_months_past_the_plans_horizon_are_refused(files: tuple[Path, Path]) -> None:
    # The export runs into February, month 2 of a plan cut to one month.
    with pytest.raises(api.ArgumentError) as refused:
        api.reforecast(api.load_plan(files[0], sets=["horizon_months=1"]), compared(*files), "# h", samples=100)
    assert str(refused.value) == (f"compared: expected the actuals of this plan, found another's: months through 2 "
                                  f"where this plan has 1; {OWN}")
    assert "对比到第 2 月，本方案只有 1 个月" in translate(str(refused.value))


def test_the_plan_loaded_again_takes_its_actuals(files: tuple[Path, Path]) -> None:
    text, loaded, _ = api.reforecast(api.load_plan(files[0]), compared(*files), "# h", samples=100)
    assert "    bid: {by_month: {1: 25, 2: 20}}\n" in text  # 100,000 / 4,000 users, then the plan's 20
    assert loaded.scenario.acquisition[0].bid == ByMonth(((1, 25.0), (2, 20.0)))


@pytest.mark.parametrize("sets", [
    ["acquisition[0].bid=22"],  # a field the re-forecast rewrites: ValueError before
    ["organic_users=300", "targets.max_payback_months=4"],  # fields it does not: dropped before
], ids=["rewritten", "kept"])
def test_the_plans_sets_are_in_the_re_forecast(files: tuple[Path, Path], sets: list[str]) -> None:
    plan, export = files
    actuals = compared(plan, export)
    text, loaded, (before, _) = api.reforecast(api.load_plan(plan, sets=sets), actuals, "# h", samples=100)
    # The re-forecast of the plan with the sets written into its file.
    changed = api.load_plan(plan, sets=sets)
    plan.write_text(PLAN.replace("bid: 20", "bid: 22") if "bid" in sets[0] else
                    PLAN + "organic_users: 300\ntargets: {max_payback_months: 4}\n", encoding="utf-8")
    assert api.load(plan) == changed.scenario
    written, read, _ = api.reforecast(api.load_plan(plan), actuals, "# h", samples=100)
    assert (text, loaded.scenario) == (written, read.scenario)
    assert before.npv == api.figures(changed.scenario)["npv"]


def test_the_rewritten_fields_set_value_returns_after_the_actual_months(files: tuple[Path, Path]) -> None:
    text, loaded, _ = api.reforecast(api.load_plan(files[0], sets=["acquisition[0].bid=22"]), compared(*files), "# h",
                                     samples=100)
    assert "    bid: {by_month: {1: 25, 2: 22}}\n" in text
    assert loaded.scenario.acquisition[0].bid == ByMonth(((1, 25.0), (2, 22.0)))


def test_sets_that_do_not_read_back_as_the_plan_are_refused(files: tuple[Path, Path]) -> None:
    # A block scalar's lines, which one flow line does not hold.
    plan = api.load_plan(files[0], sets=["organic_users=50", "name=|\n  first line\n  second line"])
    with pytest.raises(api.ArgumentError) as refused:
        api.reforecast(plan, compared(*files), "# h", samples=100)
    assert (refused.value.argument, str(refused.value)) == ("plan", (
        "plan: expected sets a re-forecast can write into the plan's text, found sets[0], sets[1], which written there "
        "read as another plan: write them into the file and load it without sets"))
    assert translate(str(refused.value)) == ("plan：应为重新预测能写入方案文本的 sets，实际为 sets[0]、sets[1]，"
                                             "写入后读出的是另一个方案：请把它们写进文件，并不带 sets 加载")


def test_the_text_read_is_rewritten_not_the_file_edited_since(files: tuple[Path, Path]) -> None:
    plan, export = files
    loaded = api.load_plan(plan)
    actuals = compared(plan, export)
    expected = api.reforecast(loaded, actuals, "# h", samples=100)[0]
    # A line added above the channels: the positions read before fell a line short, and the edit split a value.
    plan.write_text(PLAN.replace("horizon_months: 6\n", "horizon_months: 6\n# reviewed by finance\n"), encoding="utf-8")
    assert api.reforecast(loaded, actuals, "# h", samples=100)[0] == expected
    plan.unlink()
    assert api.reforecast(loaded, actuals, "# h", samples=100)[0] == expected


@pytest.mark.parametrize("filename", ["<re-forecast>", "other.yaml"], ids=["unwritten", "another file's name"])
def test_a_re_forecast_is_re_forecast_again(files: tuple[Path, Path], filename: str) -> None:
    plan, export = files
    (plan.parent / "other.yaml").write_text("name: other\nretention: {monthly_churn: 0.1}\n", encoding="utf-8")
    first, january, _ = api.reforecast(api.load_plan(plan), compared(plan, export), "# jan",
                                       str(plan.parent / filename), samples=100)
    second, again, _ = api.reforecast(january, api.actuals(january.scenario, export, MAPS, samples=100), "# jan again",
                                      samples=100)
    # January's actuals written over January's actuals change nothing but the header.
    assert second.startswith("# jan again\n# jan\nname: Actuals test\n")
    assert again.scenario == january.scenario


def test_a_plan_no_file_holds_has_no_commit(files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    plan, export = files
    commit_all(plan.parent, monkeypatch)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=True, capture_output=True).stdout.decode().strip()
    loaded = api.load_plan(plan)
    assert (api.plan_facts(loaded, samples=100).commit, api.plan_facts(loaded, samples=100).dirty) == (head, False)
    _, unwritten, _ = api.reforecast(loaded, compared(plan, export), "# h", samples=100)
    facts = api.plan_facts(unwritten, samples=100)
    assert (facts.commit, facts.dirty) == (None, False)
    # The file edited since the plan was read holds another plan.
    plan.write_text(PLAN.replace("bid: 20", "bid: 21"), encoding="utf-8")
    assert api.plan_facts(loaded, samples=100).commit is None


@pytest.mark.parametrize(("header", "found"), [
    ("# x\nltv_months: 6", "'ltv_months: 6' at line 2"),
    ("# x\rltv_months: 6", "'ltv_months: 6' at line 2"),  # a CR alone is a YAML line break
    ("not a comment", "'not a comment' at line 1"),
    ("# a\u2028ltv_months: 6", "'# a\\u2028ltv_months: 6' at line 1"),
    ("# a\x00", "'# a\\x00' at line 1"),
    ("\t# tab-indented", "'\\t# tab-indented' at line 1"),
])
def test_a_header_that_is_not_comment_lines_is_refused(files: tuple[Path, Path], header: str, found: str) -> None:
    """QA: a second line of the header was a key of the re-forecast (``ltv_months: 6`` read as 6), and a header that
    was no comment a YAML error at ``<re-forecast>:44:1``, a line of the plan's."""
    plan, export = files
    with pytest.raises(api.ArgumentError) as refused:
        api.reforecast(api.load_plan(plan), compared(plan, export), header, samples=100)
    assert refused.value.argument == "header"
    assert str(refused.value) == f"header: expected comment lines (each empty, or '#' and a text on one line), found {found}"


@pytest.mark.parametrize("header", ["", "#", "  # indented\n\n# second\t", "# a\r\n# b\n"])
def test_comment_lines_are_the_re_forecasts_first_lines(files: tuple[Path, Path], header: str) -> None:
    plan, export = files
    text, loaded, _ = api.reforecast(api.load_plan(plan), compared(plan, export), header, samples=100)
    assert text.startswith(header + "\n")
    assert loaded.scenario.ltv_months is None


def test_the_commands_header_names_a_plan_on_its_one_line(files: tuple[Path, Path]) -> None:
    """A plan's file named with a line break broke the command's header into a line of YAML after it."""
    from aigc_roi.present.actuals import reforecast_header

    for lang in ("en", "zh"):
        header = reforecast_header("a\nltv_months: 6.yaml", compared(*files), lang)
        assert header.startswith("# ") and "\n" not in header and "a\\x0altv_months: 6.yaml" in header
