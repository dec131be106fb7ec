"""`allocate --target-roas`: the split shown is the fill, each channel to the target's marginal ROAS, called so; the
budget curve's point at T is the best split of T, `--total T`'s answer (docs/allocate.md, limits and target ROAS).

The plan, worked by hand: one month, no discounting, a user buys one item of 10 (rate 1) and costs 5 to serve. A and B
are cpa channels at a bid of 1 with h = 1,000: b buys b h / (b + h) = h - h^2 / (b + h) users, whose next yuan buys
(h / (b + h))^2 users. B's users have a conversion index of 2.25 (docs/formulas.md §15): each pays 22.5 and, served
at 5 as A's, brings 17.5 where A's bring 5. So revenue and contribution rank the channels differently.

- Fill at a marginal ROAS of 2.5: rev (h / (b + h))^2 = 2.5, b = h (sqrt(rev / 2.5) - 1): A 1,000 (sqrt 4 = 2),
  B 2,000 (sqrt 9 = 3); T = 3,000. Users 500 and 666.67: NPV = 500 x 5 + 666.67 x 17.5 - 3,000 = 11,166.67.
- Best split of T = 3,000: 5 / (b_A + h)^2 = 17.5 / (b_B + h)^2, so b_B + h = s (b_A + h) with s = sqrt 3.5, and
  (b_A + h)(1 + s) = 5,000: b_A = 5,000 / (1 + s) - 1,000 = 741.67, b_B = 2,258.33. NPV = 22,500 - 1e6 (5 / (b_A + h)
  + 17.5 / (b_B + h)) - 3,000 = 19,500 - 1,000 (1 + s)^2 = 15,000 - 2,000 s = 11,258.34, 91.67 more than the fill.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

PLAN = """\
name: Filled
horizon_months: 1
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 5}
acquisition:
  - {name: A, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000}
  - {name: B, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000, conversion_index: 2.25}
"""
S = math.sqrt(3.5)
FILLED_NPV = 500 * 5 + 2_000 / 3 * 17.5 - 3_000
BEST_A = 5_000 / (1 + S) - 1_000
BEST_NPV = 15_000 - 2_000 * S


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _json(*args: str) -> dict[str, Any]:
    result = invoke(["allocate", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _words(*args: str) -> str:
    result = invoke(["allocate", *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_the_curve_at_t_is_the_best_split_of_t_and_the_fill_is_shown_as_the_fill(tmp_path: Path) -> None:
    path = str(_plan(tmp_path))
    data = _json(path, "--target-roas", "2.5")
    assert data["budget"] == pytest.approx(3_000, rel=1e-6)
    assert data["best"]["split"] == pytest.approx({"A": 1_000, "B": 2_000}, rel=1e-6)
    assert data["best"]["value"] == pytest.approx(FILLED_NPV, rel=1e-6)
    # The fill is no search's answer: its basis says so (QA fin3 F7), where --total T's is searched.
    assert data["best"]["basis"] == "filled"
    at_t = next(point for point in data["curve"] if point["multiple"] == 1.0)
    assert at_t["value"] == pytest.approx(BEST_NPV, rel=1e-6)
    assert at_t["split"] == pytest.approx({"A": BEST_A, "B": 3_000 - BEST_A}, rel=1e-4)
    # --total T gives the same split and value; run of that split, the same NPV.
    total = _json(path, "--total", repr(data["budget"]))
    assert (total["best"]["value"], total["best"]["split"]) == (at_t["value"], at_t["split"])
    assert total["best"]["basis"] == "searched"
    ran = invoke(["run", path, "--format", "json", *(option for name, budget in at_t["split"].items()
                                                    for option in ("--set", f"acquisition[{name}].budget={budget!r}"))])
    assert json.loads(ran.stdout)["figures"]["npv"] == pytest.approx(at_t["value"], rel=1e-9)


@pytest.mark.parametrize(("lang", "shown", "absent"), [
    ("en", ["At the filled split 11,167", "│ Filled │", "until its next 1 CNY returns 2.50 CNY in revenue",
            "At T the best split gives 11,258, the filled split 11,167: filling evens out what each channel's next 1 "
            "CNY returns in revenue, not what it adds to NPV."],
     ["At the best split", "evens out what the next 1 CNY of T adds", "│ Best │"]),
    ("zh", ["投满分配下 1.1万", "│ 投满 │", "直到其下 1 元只带来 2.50 元收入",
            "在 T 处最优分配为 1.13万，投满分配为 1.12万：投满使各渠道下 1 元带来的收入相等，而不是它对净现值的贡献相等。"],
     ["最优分配下", "最优分配使 T 的下 1 元", "│ 最优 │"]),
])
def test_the_view_calls_the_fill_the_filled_split(tmp_path: Path, lang: str, shown: list[str], absent: list[str]) -> None:
    words = _words(str(_plan(tmp_path)), "--target-roas", "2.5", "--lang", lang)
    if lang == "zh":
        # A Chinese caption wraps between any two characters: compared without spaces.
        words, shown, absent = (words.replace(" ", ""), *([text.replace(" ", "") for text in texts] for texts in (shown, absent)))
    for text in shown:
        assert text in words
    for text in absent:
        assert text not in words


def test_markdown_says_why_the_curve_at_t_differs_from_the_fill(tmp_path: Path) -> None:
    text = invoke(["allocate", str(_plan(tmp_path)), "--target-roas", "2.5", "--format", "markdown"]).stdout
    assert "- At the filled split: 11,167" in text
    assert "At T the best split gives 11,258, the filled split 11,167" in text


def test_the_warnings_of_a_fill_give_the_fill_s_reasons(tmp_path: Path) -> None:
    # At a target of 12 A's first yuan returns 10 (10 x (h/h)^2), less: A gets nothing. B fills to
    # 1,000 (sqrt(22.5 / 12) - 1) = 369.3, above a --max of 300: it stops there, its next yuan returning
    # 22.5 (1,000 / 1,300)^2 = 13.31, still above 12.
    data = _json(str(_plan(tmp_path)), "--target-roas", "12", "--max", "B=300")
    messages = {warning["code"]: warning["message"] for warning in data["warnings"]}
    assert messages["on_minimum"] == ("A gets nothing at the filled split: its first 1 CNY returns 10.00 CNY in revenue, "
                                      "less than the target 12.00.")
    assert messages["on_maximum"] == ("B sits on its maximum (300): its next 1 CNY there still returns more than the "
                                      "target ROAS.")
    assert data["channels"][1]["best"]["marginal_roas"] == pytest.approx(22.5 * (1_000 / 1_300) ** 2, rel=1e-4)


def test_the_plot_marks_the_filled_split_on_a_curve_of_totals(tmp_path: Path) -> None:
    image = tmp_path / "curve.svg"
    result = invoke(["allocate", str(_plan(tmp_path)), "--target-roas", "2.5", "--plot", str(image), "--quiet"])
    assert result.exit_code == 0, result.stderr
    svg = image.read_text(encoding="utf-8")
    assert "At the filled split" in svg and "best NPV at each total over the horizon" in svg
    assert "at each monthly budget" not in svg
