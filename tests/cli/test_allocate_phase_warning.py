"""`allocate` on channels that run in different months: the warning says what the money asked for does across the
phases. B (--budget) is spent in every month; a total T (--total) is split across the phases too, so their monthly
budgets differ; --target-roas fills each phase's channels on their own and T is what they spend together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from phase_plans import APART

# A runs in month 1, B in month 2: two phases of one channel each.
TWO_PHASES = """\
name: Two phases
horizon_months: 2
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 1}
  - {name: B, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 2}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
"""

MONTHLY = ("The channels run in different months: B is spent in every month in which one runs, split among the "
           "channels running then (one split per phase above).")
TOTAL = ("The channels run in different months: T is split across the phases as well as among each phase's channels, "
         "so one phase may get more a month than another (one split per phase above).")
FILLED = ("The channels run in different months: each phase's channels are filled to the target ROAS on their own, "
          "and T is what the phases spend together (one split per phase above).")


def _messages(tmp_path: Path, *args: str) -> list[str]:
    path = tmp_path / "phases.yaml"
    path.write_text(TWO_PHASES, encoding="utf-8")
    result = invoke(["allocate", str(path), "--objective", "net_cash", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    return [warning["message"] for warning in json.loads(result.stdout)["warnings"]]


@pytest.mark.parametrize(("args", "sentence"), [
    (("--budget", "20k"), MONTHLY),
    (("--total", "40k"), TOTAL),
    (("--target-roas", "2"), FILLED),
])
def test_the_different_months_warning_names_the_money_asked_for(tmp_path: Path, args: tuple[str, ...],
                                                                sentence: str) -> None:
    messages = _messages(tmp_path, *args)
    assert sentence in messages
    others = {MONTHLY, TOTAL, FILLED} - {sentence}
    assert not others & set(messages)


def test_a_total_never_says_b_is_spent_every_month_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "phases.yaml"
    path.write_text(TWO_PHASES, encoding="utf-8")
    shown = " ".join(invoke(["allocate", str(path), "--total", "40k", "--lang", "zh"],
                            env={"COLUMNS": "200"}).stdout.split())
    assert "T 既在各阶段之间分配，也在每个阶段的渠道之间分配，一个阶段每月可以比另一个阶段多" in shown
    assert "B 在每个有渠道投放的月份都花出" not in shown
    filled = " ".join(invoke(["allocate", str(path), "--target-roas", "2", "--lang", "zh"],
                             env={"COLUMNS": "200"}).stdout.split())
    assert "每个阶段的渠道各自投到目标 ROAS，T 是各阶段广告支出之和" in filled


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Today the moved channels do not spend B = 1,000 a month in every phase: 1,100 in months 1-2 "
           "(2025-11..2025-12), 800 in month 3 (2026-01); the gain includes the change in spend."),
    ("zh", "当前参与分配的渠道并非每个阶段每月都花 B = 1,000：第 1-2 月（2025-11..2025-12）每月 1,100、"
           "第 3 月（2026-01）每月 800；提升中包含广告支出的变化。"),
])
def test_today_s_spend_is_told_phase_by_phase_where_the_horizon_s_total_is_b_s(tmp_path: Path, lang: str,
                                                                                sentence: str) -> None:
    """The warning once read "spend 3,000 over the horizon, not 3,000": it was raised phase by phase and worded over
    the horizon. It names the phases whose monthly spend is not B, with that spend."""
    path = tmp_path / "apart.yaml"
    path.write_text(APART, encoding="utf-8")
    shown = " ".join(invoke(["allocate", str(path), "--budget", "1000", "--lang", lang],
                            env={"COLUMNS": "400"}).stdout.split())
    assert sentence in shown
    data = json.loads(invoke(["allocate", str(path), "--budget", "1000", "--format", "json"]).stdout)
    warning = next(warning for warning in data["warnings"] if warning["code"] == "current_total_differs")
    assert warning["phases"] == [{"months": [1, 2], "month_labels": ["2025-11", "2025-12"], "spend": 1100.0},
                                 {"months": [3], "month_labels": ["2026-01"], "spend": 800.0}]


def test_a_phase_that_spends_b_today_is_not_named(tmp_path: Path) -> None:
    # Search at 200: months 1-2 spend 200 + 800 = 1,000 = B; month 3 spends 800.
    path = tmp_path / "apart.yaml"
    path.write_text(APART.replace("budget: 300", "budget: 200"), encoding="utf-8")
    data = json.loads(invoke(["allocate", str(path), "--budget", "1000", "--format", "json"]).stdout)
    warning = next(warning for warning in data["warnings"] if warning["code"] == "current_total_differs")
    assert [phase["months"] for phase in warning["phases"]] == [[3]]
    assert warning["message"] == ("Today the moved channels do not spend B = 1,000 a month in every phase: 800 in "
                                  "month 3 (2026-01); the gain includes the change in spend.")


@pytest.mark.parametrize(("args", "lang", "sentence"), [
    # Today A and B spend 10,000 each, 20,000 over the two months; --total asks for 40,000.
    (("--total", "40k"), "en", "At the current split the moved channels spend 20,000 over the horizon, not the --total "
                               "T = 40,000: the gain includes the change in total spend."),
    (("--total", "40k"), "zh", "当前分配下，参与分配的渠道在整个周期广告支出 2.0万，而非 --total 给出的 T = 4.0万："
                               "提升中包含总广告支出的变化。"),
    # Filled to a marginal ROAS of 2: 100/20 (h/(b+h))^2 = 2 at b = 50,000 (sqrt(2.5) - 1) = 29,056.94 a channel.
    (("--target-roas", "2"), "en", "At the current split the moved channels spend 20,000 over the horizon, not the "
                                   "T = 58,114 the filled split spends: the gain includes the change in total spend."),
    (("--target-roas", "2"), "zh", "当前分配下，参与分配的渠道在整个周期广告支出 2.0万，而非投满分配花出的 T = 5.8万："
                                   "提升中包含总广告支出的变化。"),
])
def test_today_s_spend_over_the_horizon_is_set_against_t_named(tmp_path: Path, args: tuple[str, ...], lang: str,
                                                                sentence: str) -> None:
    """The warning read "spend 2,520,000 over the horizon, not 5,400,000": which number the second was, the reader had
    to work out. It names T and where T comes from: --total, or what the filled split spends."""
    path = tmp_path / "phases.yaml"
    path.write_text(TWO_PHASES, encoding="utf-8")
    shown = " ".join(invoke(["allocate", str(path), "--objective", "net_cash", *args, "--lang", lang],
                            env={"COLUMNS": "400"}).stdout.split())
    assert sentence in shown, shown
    if lang == "en":
        assert sentence in _messages(tmp_path, *args)
