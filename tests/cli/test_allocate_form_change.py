"""How much of allocate's gain is the change of form, not the re-split (docs/allocate.md, channels given by volume;
QA finding: ``allocate koc-seeding.yaml --budget 25455 --objective p10_npv --samples 1000 --seed 11`` gained +21,240
on today's 52,020 where at today's exact spend the gain was 0: nearly all of it was moving the kol from fixed posts to
a fixed budget, and the output said only that the gain includes the change in total spend).

The plan, by hand: Search is a cpa written by 250 users a month at a bid of "10..40", a range whose median is
sqrt(10 x 40) = 20, so today it spends 250 x 20 = 5,000 a month at the median; Feed a cpa with a budget of 5,000 at a
bid of 20. A split moving Search fixes its budget and buys budget / bid users in each draw. Today's split in that form
is Search written as ``budget: 5000`` at the same drawn bid, which the file can say: ``simulate`` of that file, on the
same seed and samples (the ranges, and so the draws, are the same), is the independent value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drawn_bid_plans import DRAWS, PLAN, run_on

BUDGET_FORM = PLAN.replace("users: 250", "budget: 5000")




def _json(tmp_path: Path, plan: str, *args: str) -> dict:
    return json.loads(run_on(tmp_path, plan, *args))


ALLOCATE = ("allocate", "--budget", "20000", "--objective", "p10_npv", *DRAWS)


def test_todays_split_in_budget_form_is_simulate_of_the_file_written_by_budget(tmp_path: Path) -> None:
    written = _json(tmp_path, PLAN, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    by_budget = _json(tmp_path, BUDGET_FORM, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    allocated = _json(tmp_path, PLAN, *ALLOCATE)
    # Today's budgets: 250 x 20 and 5,000; the best split moves Search.
    assert allocated["current"]["split"] == pytest.approx({"Search": 5000, "Feed": 5000}, rel=1e-12)
    assert allocated["best"]["split"]["Search"] != pytest.approx(5000, rel=1e-6)
    assert allocated["current"]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["current_in_budget_form"] == pytest.approx(by_budget, rel=1e-12)
    # The two forms differ on these draws: the value says something.
    assert abs(by_budget - written) > 1.0
    assert next(w for w in allocated["warnings"] if w["code"] == "volume_at_drawn_cost")["message"].endswith(
        "of the gain is that change of form, the rest the re-split.")


def test_no_value_where_the_best_split_moves_no_such_channel(tmp_path: Path) -> None:
    # Search locked: no channel written by volume is moved, the two forms are one.
    locked = _json(tmp_path, PLAN, *ALLOCATE, "--lock", "Search")
    assert locked["current_in_budget_form"] is None
    # The forms read the same chance of payback (100% within 3 months): the value is given, no sentence says it.
    same = _json(tmp_path, PLAN, "allocate", "--budget", "20000", "--objective", "payback_probability", *DRAWS)
    assert same["current_in_budget_form"] == same["current"]["value"] == 1.0
    assert "change of form" not in next(w for w in same["warnings"] if w["code"] == "volume_at_drawn_cost")["message"]
    # The median values (npv): no bid is drawn.
    assert _json(tmp_path, PLAN, "allocate", "--budget", "10000")["current_in_budget_form"] is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_warning_says_how_much_of_the_gain_is_the_change_of_form(tmp_path: Path, lang: str) -> None:
    written = _json(tmp_path, PLAN, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    by_budget = _json(tmp_path, BUDGET_FORM, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    shown = " ".join(run_on(tmp_path, PLAN, *ALLOCATE, "--lang", lang, fmt="text").split())
    if lang == "en":
        sentence = (f"Today's split in budget form reads P10 NPV {by_budget:,.0f} (today as written {written:,.0f}): "
                    f"{by_budget - written:,.0f} of the gain is that change of form, the rest the re-split.")
        assert sentence in shown
    else:
        # zh writes money by 万 under 100,000 too where it reads so: the sentence's words, in order.
        joined = shown.replace(" ", "")
        assert "当前分配按预算形式计算时，P10净现值为" in joined
        assert "（按文件所写为" in joined and "来自这一形式变化，其余来自重新分配。" in joined


def test_a_chance_of_payback_reads_percentage_points(tmp_path: Path) -> None:
    # Payback within a month: the file pays back in fewer draws than its budget form.
    plan, budget_form = (text.replace("max_payback_months: 3", "max_payback_months: 1") for text in (PLAN, BUDGET_FORM))
    written = _json(tmp_path, plan, "simulate", *DRAWS)["probabilities"]["payback_within_target"]
    by_budget = _json(tmp_path, budget_form, "simulate", *DRAWS)["probabilities"]["payback_within_target"]
    assert by_budget != written
    allocated = _json(tmp_path, plan, "allocate", "--budget", "20000", "--objective", "payback_probability", *DRAWS)
    assert allocated["current_in_budget_form"] == pytest.approx(by_budget, abs=1e-12)
    message = next(w for w in allocated["warnings"] if w["code"] == "volume_at_drawn_cost")["message"]
    assert (f"reads chance of payback {100 * by_budget:.2f}% (today as written {100 * written:.2f}%): "
            f"{100 * (by_budget - written):.2f} pp of the gain") in message


def test_two_channels_in_budget_form_are_named(tmp_path: Path) -> None:
    # Feed written by 250 users at a bid of "10..40" too: both moved, both in budget form (5,000 each).
    plan = PLAN.replace("{name: Feed, type: cpa, bid: 20, budget: 5000, saturation_budget: 4000}",
                        '{name: Feed, type: cpa, bid: "10..40", users: 250}')
    both = plan.replace("users: 250", "budget: 5000")
    written = _json(tmp_path, plan, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    by_budget = _json(tmp_path, both, "simulate", *DRAWS, "--percentiles", "10")["figures"]["npv"]["p10"]
    allocated = _json(tmp_path, plan, *ALLOCATE)
    assert allocated["current_in_budget_form"] == pytest.approx(by_budget, rel=1e-12)
    messages = [w["message"] for w in allocated["warnings"] if w["code"] == "volume_at_drawn_cost"]
    # Said once, after the last of the two.
    assert [("change of form" in message) for message in messages] == [False, True]
    assert (f"Today's split with Search, Feed in budget form reads P10 NPV {by_budget:,.0f} (today as written "
            f"{written:,.0f})") in messages[-1]
