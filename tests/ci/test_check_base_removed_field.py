"""`check --base REF` where the change deletes an input: the miss it causes is never located at 1:1 of the file.

A field NEW leaves out has no line in NEW. A top-level one (``organic_users``) is a change to its default and takes
the blame for a miss it moves, but it was pinned at 1:1, "changed here: organic_users 100 -> 0.0", as if line 1 (a
comment, or ``name:``) wrote 0.0. A nested field or a list item removed is not split (docs/formulas.md §13) and the
miss points at the target's own line; a removed top-level field now points there too, and reads as removed.

The plan is docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py) at price 30: 1,000 users
bought in month 1 at 20, churn 0.5 over 3 months, so 1,000 + 500 + 250 = 1,750 user-months, each worth 30 - 1 = 29
(one purchase of 30 a month, a serving cost of 1): npv = 50,750 - 20,000 = 30,750 (discount rate 0).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_json_locations import targets
from test_check_zh import commit_all
from test_validate_and_check import example, write

PLAN = "scenarios/plan.yaml"
# min_npv's value on line 11 ("  min_npv: 40000"), at column 12, in both versions: the removed field comes after it.
TARGET_LINE, TARGET_COLUMN = 11, 12
# 100 organic users join in each of months 1..3 and churn like the rest: 100 + 150 + 175 = 425 user-months, each
# worth 29, so npv = 30,750 + 12,325 = 43,075, which meets min_npv 40,000; without them npv is 30,750, a miss.
WITH_ORGANIC = example(price=30, targets="min_npv: 40000") + "organic_users: 100\n"
WITHOUT_ORGANIC = example(price=30, targets="min_npv: 40000")


@pytest.fixture
def removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``organic_users: 100`` committed, then deleted in the working tree."""
    write(tmp_path, {PLAN: WITH_ORGANIC})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {PLAN: WITHOUT_ORGANIC})


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "(new since HEAD); changed: organic_users 100 -> removed (default 0)"),
    ("zh", "（自 HEAD 以来新增）；改动：organic_users 100 -> 已删除（默认 0）"),
])
def test_a_removed_top_level_field_is_named_as_removed_at_the_targets_line(removed: None, lang: str, said: str) -> None:
    for form in ("text", "table"):
        result = invoke(["check", PLAN, "--base", "HEAD", "--format", form, "--lang", lang])
        assert result.exit_code == 1, result.stderr
        line = result.stdout.splitlines()[0]
        assert line.startswith(f"{PLAN}:{TARGET_LINE}:{TARGET_COLUMN}: ") and line.endswith(said), line
    github = invoke(["check", PLAN, "--base", "HEAD", "--format", "github", "--lang", lang]).stdout.splitlines()[1]
    assert github.startswith(f"::error file={PLAN},line={TARGET_LINE},col={TARGET_COLUMN},title=aigc-roi check%3A min_npv::")
    assert github.endswith(said)


def test_json_keeps_the_default_taken_and_places_it_nowhere(removed: None) -> None:
    result = invoke(["check", PLAN, "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    min_npv = targets(result.stdout, PLAN)["min_npv"]
    assert min_npv["actual"] == pytest.approx(30_750) and min_npv["new_since_base"] is True
    assert (min_npv["line"], min_npv["column"]) == (TARGET_LINE, TARGET_COLUMN)
    # `after` is the value NEW takes; no line of NEW writes it.
    assert min_npv["changed_here"] == {"path": "organic_users", "before": 100, "after": 0, "line": None,
                                       "column": None, "end_line": None, "end_column": None}
    assert min_npv["message"].endswith("changed: organic_users 100 -> removed (default 0)")


# Any fall of npv misses max_npv_drop: 0. Each base version's deletion lowers npv: a second purchase of 5 a month
# (1,750 x 5 = 8,750), or a monthly plan's renewal (default 0, so subscribers pay once).
PURCHASE = "    - {name: Item, price: 30, rate: 1}\n"
TIP = "    - {name: Tip, price: 5, rate: 1}\n"
RENEWING = "  plans:\n    - {name: Member, price: 10, period: month, conversion: 1, renewal: 1}\n"
DELETIONS = {
    "top-level key": ("organic_users: 100\n", ""),
    "list item": (PURCHASE + TIP, PURCHASE),
    "nested key": (PURCHASE + RENEWING, PURCHASE + RENEWING.replace(", renewal: 1", "")),
}


@pytest.mark.parametrize("kind", DELETIONS)
def test_a_deletion_at_any_level_points_at_the_targets_own_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 kind: str) -> None:
    was, now = DELETIONS[kind]
    plan = example(price=30, targets="max_npv_drop: 0")  # "  max_npv_drop: 0" on line 11
    if kind == "top-level key":
        before, after = plan + was, plan + now
    else:
        before, after = plan.replace(PURCHASE, was), plan.replace(PURCHASE, now)
    write(tmp_path, {PLAN: before})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {PLAN: after})
    line = 11 + after.split("targets:")[0].count("\n") - plan.split("targets:")[0].count("\n")
    result = invoke(["check", PLAN, "--base", "HEAD", "--format", "github"])
    assert result.exit_code == 1, result.stderr
    assert f"::error file={PLAN},line={line},col=17,title=aigc-roi check%3A max_npv_drop::" in result.stdout
    drop = targets(invoke(["check", PLAN, "--base", "HEAD", "--format", "json"]).stdout, PLAN)["max_npv_drop"]
    assert drop["changed_here"] is None or drop["changed_here"]["line"] is None
