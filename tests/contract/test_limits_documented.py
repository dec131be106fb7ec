"""docs/limits.md says every limit is one constant of model/limits.py: each constant is named there, so a limit added
to the code cannot go undocumented (the caps of orders, gates, milestones and a channel's ``match`` patterns were), and
the messages it quotes for them are the tool's, at one item past the cap, with the cap itself accepted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model import limits

DOC = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
BASE = "name: x\nretention: {monthly_churn: 0.5}\n"


def test_every_constant_of_the_limits_module_is_named_in_the_doc() -> None:
    constants = [name for name in vars(limits) if re.fullmatch(r"[A-Z][A-Z0-9_]*", name)]
    assert len(constants) > 30  # the module's, not an empty list that passes anything
    assert [name for name in constants if f"`{name}`" not in DOC] == []


def _orders(count: int) -> str:
    return BASE + "monetization:\n  orders:\n" + "".join(f"    - {{name: O{i}, price: 1, count: 1}}\n" for i in range(count))


def _gates(count: int) -> str:
    return (BASE + "acquisition: [{name: A, type: cpa, bid: 1, budget: 10}]\ngates:\n"
            + "".join(f"  - {{name: G{i}, after_month: 1, channels: [A], min_roas: 1}}\n" for i in range(count)))


def _milestones(count: int) -> str:
    return BASE + "targets:\n  milestones:\n" + "".join(f"    - {{month: 1, subscribers: {i}}}\n" for i in range(count))


def _patterns(count: int) -> str:
    globs = ", ".join(f"c{i}" for i in range(count))
    return BASE + f"acquisition:\n  - {{name: A, type: cpa, bid: 1, budget: 10, match: [{globs}]}}\n"


# The caps as docs/limits.md gives them (50, 20, 50, 100), and the message one item past each.
CAPS = {
    "orders": (_orders, limits.MAX_ORDERS, 50, "monetization.orders: expected at most 50 items, found 51"),
    "gates": (_gates, limits.MAX_GATES, 20, "gates: expected at most 20 items, found 21"),
    "milestones": (_milestones, limits.MAX_MILESTONES, 50, "targets.milestones: expected at most 50 items, found 51"),
    "match": (_patterns, limits.MAX_MATCH_PATTERNS, 100, "acquisition[0].match: expected at most 100 items, found 101"),
}


@pytest.mark.parametrize("name", CAPS)
def test_a_list_cap_is_the_doc_s_with_its_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    write, constant, cap, message = CAPS[name]
    assert constant == cap
    assert f"`FILE:L:C: {message}`" in DOC
    monkeypatch.chdir(tmp_path)
    Path("at.yaml").write_text(write(cap), encoding="utf-8")
    Path("over.yaml").write_text(write(cap + 1), encoding="utf-8")
    assert invoke(["validate", "at.yaml"]).exit_code == 0
    over = invoke(["validate", "over.yaml"])
    assert over.exit_code == 2
    assert [line.split(": ", 1)[1] for line in over.stdout.splitlines()] == [message]


def test_the_duplicate_age_quoted_is_the_tool_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Age 1 written as ``1`` on line 4 and as ``01`` on line 6: refused at the second, its path naming the age 1."""
    monkeypatch.chdir(tmp_path)
    Path("dup.yaml").write_text("name: x\nretention:\n  points:\n    1: 0.5\n    3: 0.3\n    01: 0.4\n", encoding="utf-8")
    message = "retention.points[1]: duplicate age 1: '01' and '1' (line 4) name the same month"
    assert f"`FILE:L:C: {message}`" in DOC
    assert invoke(["validate", "dup.yaml"]).stdout == f"dup.yaml:6:5: {message}\n"
