"""A channel allocate cannot move is refused saying how to lock it where the refusal is read (QA zh-cli 1): allocate
said 'lock it' (zh 请锁定它) without its option, and report --allocate said it too, though report has no --lock. Now
allocate names its option, the name bare where the shell takes it so and quoted where not, and report the allocate
command with it, which runs."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.messages_zh import translate
from aigc_roi.whatif.allocate_result import MustLock

PLAN = """version: 1
name: lock
horizon_months: 12
virality: 0.05
retention:
  points: {{1: 0.4, 12: 0.1}}
acquisition:
  - {{name: 激活, type: cpa, bid: 20, budget: 1万}}
  - {{name: "{name}", type: cpm, cpm: 35, ctr: 1.5%, cvr: 10%, budget: {{by_month: {{1: 10万, 6: 30万}}}}}}
monetization:
  plans:
    - {{name: M, price: 39, period: month, conversion: 10%, renewal: 0.6}}
"""
REASON = ("'{name}' has budget written by month (by_month): allocate gives a channel the same budget every month and "
          "reads its budget, users, impressions, posts, fee and saturation_budget as one number each, so its budget may "
          "not move by month (its bid, cpm, ctr, cvr, views and view_to_user may: docs/formulas.md §14); write the "
          "months as separate channels, or ")


def _plan(tmp_path: Path, name: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(name=name), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("name", "typed"), [("巨量千川", "巨量千川"), ("Feed ads", "'Feed ads'")])
def test_allocate_names_its_option(tmp_path: Path, name: str, typed: str) -> None:
    plan = _plan(tmp_path, name)
    result = invoke(["allocate", plan, "--budget", "30000"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == "aigc-roi: " + REASON.format(name=name) + f"lock it with --lock {typed}"
    # The advice, as the shell reads it, runs.
    assert invoke(["allocate", plan, "--budget", "30000", "--lock", *shlex.split(typed)]).exit_code == 0
    zh = invoke(["allocate", plan, "--budget", "30000", "--lang", "zh"])
    assert zh.stderr.strip().endswith(f"；请把各月写成单独的渠道，或用 --lock {typed} 锁定它")
    assert "请锁定它" not in zh.stderr


def test_report_gives_the_allocate_command(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "巨量千川")
    result = invoke(["report", plan, "--allocate", "3万", "--set", "M.price=29", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    command = f"aigc-roi allocate {plan} --budget 3万 --set M.price=29 --lock 巨量千川"
    assert result.stderr.strip() == ("aigc-roi: --allocate: " + REASON.format(name="巨量千川")
                                     + f"lock it with allocate, as report has no --lock: {command}")
    assert invoke(shlex.split(command)[1:]).exit_code == 0
    zh = invoke(["report", plan, "--allocate", "3万", "--set", "M.price=29", "-o", str(tmp_path / "r.html"),
                 "--lang", "zh"])
    assert zh.stderr.strip().endswith(f"；请把各月写成单独的渠道，或用 allocate 锁定它（report 没有 --lock）：{command}")


def test_a_unit_cost_of_0_says_how_to_lock() -> None:
    refused = MustLock("A", "'A' has a unit cost of 0, so no budget form")
    assert str(refused) == "'A' has a unit cost of 0, so no budget form; lock it (locks)"
    worded = refused.worded("lock it with --lock A")
    assert worded == "'A' has a unit cost of 0, so no budget form; lock it with --lock A"
    assert translate(worded) == "'A' 的单价为 0，无法按预算计算；请用 --lock A 锁定它"
