"""Every warning the reader gives a field it read is shown beside an unrelated error (docs/ci.md: an invalid file's
warnings, of what could be read of it, in every format). Before, the warnings of the whole scenario (a discount rate,
a return target, a gate) were drawn from the scenario built, which a refused file has none of: ``discount_rate: 10``
and ``targets: {min_roi: 50}`` beside ``monthly_churn: 1.5`` showed the churn's error alone, and ``-f json`` an empty
``warnings``. Each rule of docs/ci.md's list the reader gives is checked here at its place (line and column counted
by hand), and, in English and Chinese, text, json and github, as the same file with the error fixed shows it.
``payback-past-horizon``, ``draws-clipped`` and ``draws-lowered`` judge a run, which a refused file has none of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

HEAD = "name: x\nhorizon_months: 6\nretention: {monthly_churn: 0.5}\n"
"""Lines 1-3 of every plan; a case's lines start at line 4."""

CASES: dict[str, tuple[str, list[tuple[int, int, str]]]] = {
    # discount_rate's value starts at column 16 of line 4.
    "discount-rate-high": ("discount_rate: 10\n", [(4, 16, "discount_rate")]),
    # min_roi's 50 at column 20 of line 4; a gate's min_roas 400 at column 66 of line 7.
    "target-ratio-high": ("targets: {min_roi: 50}\n"
                          "acquisition: [{name: A, type: cpa, bid: 1, budget: 100}]\n"
                          "gates:\n"
                          "  - {name: G, after_month: 2, channels: [A], then: [], min_roas: 400}\n",
                          [(4, 20, "targets.min_roi"), (7, 66, "gates[0].min_roas")]),
    # 5% at column 31 of line 5.
    "percent-on-amount": ("acquisition:\n  - {name: A, type: cpa, bid: 5%, budget: 100}\n",
                          [(5, 31, "acquisition[0].bid")]),
    # 1.500 at column 42 of line 6 (currency on line 4).
    "dot-may-group-thousands": ("currency: EUR\nacquisition:\n  - {name: A, type: cpa, bid: 1, budget: 1.500}\n",
                                [(6, 42, "acquisition[0].budget")]),
    # 3..6万 at column 31 of line 5.
    "range-low-without-unit": ("acquisition:\n  - {name: A, type: cpa, bid: 3..6万, budget: 100}\n",
                               [(5, 31, "acquisition[0].bid")]),
    # The second A's name at column 12 of line 6.
    "shared-name": ("acquisition:\n  - {name: A, type: cpa, bid: 1, budget: 100}\n"
                    "  - {name: A, type: cpa, bid: 2, budget: 100}\n", [(6, 12, "acquisition[1].name")]),
    # Late runs in months 3-6 alone, so the test of months 1-2 sees no spend: at the channels list, column 41 of line 8.
    "gate-unobserved": ("acquisition:\n  - {name: Late, type: cpa, bid: 1, budget: 100, months: 3-6}\n"
                        "  - {name: Always, type: cpa, bid: 1, budget: 100}\n"
                        "gates:\n  - {name: G, after_month: 2, channels: [Late], min_roas: 1, then: [Always]}\n",
                        [(8, 41, "gates[0].channels")]),
    # Early ends in month 2, the test's last: the then list stops nothing, at its one item, column 71 of line 8.
    "gate-stops-nothing": ("acquisition:\n  - {name: Early, type: cpa, bid: 1, budget: 100, months: 1-2}\n"
                           "  - {name: Always, type: cpa, bid: 1, budget: 100}\n"
                           "gates:\n  - {name: G, after_month: 2, channels: [Always], min_roas: 1, then: [Early]}\n",
                           [(8, 71, "gates[0].then[0]")]),
}

ERRORS = {"bad-value": "organic_users: -5\n", "unknown-key": "budgte: 1\n"}
"""Unrelated errors, written last: a value refused and a key no scenario has."""


def _plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, error: str) -> tuple[str, int]:
    """``fixed.yaml`` and ``broken.yaml`` (the same with the error at its last line); the error's line."""
    monkeypatch.chdir(tmp_path)
    plan = HEAD + CASES[case][0]
    (tmp_path / "fixed.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(plan + ERRORS[error], encoding="utf-8")
    return plan, plan.count("\n") + 1


@pytest.mark.parametrize("error", ERRORS)
@pytest.mark.parametrize("case", CASES)
def test_json_lists_the_warning_at_its_place_beside_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              case: str, error: str) -> None:
    _, error_line = _plans(tmp_path, monkeypatch, case, error)
    result = invoke(["validate", "broken.yaml", "-f", "json"])
    assert result.exit_code == 2
    (file,) = json.loads(result.stdout)["files"]
    assert [entry["line"] for entry in file["errors"]] == [error_line]
    assert [(w["line"], w["column"], w["path"]) for w in file["warnings"]] == CASES[case][1]
    assert {w["rule"] for w in file["warnings"]} == {case}


def _warnings(command: str, path: str, form: str, lang: str) -> list[str]:
    """What ``command`` shows of the file's warnings in ``form``, the file's name left out."""
    result = invoke([command, path, "-f", form, "--lang", lang])
    if form == "json":
        document = json.loads(result.stdout)
        found = document["files"][0]["warnings"] if command == "validate" else document["warnings"]
        return [json.dumps({key: value for key, value in w.items() if key != "file"}, ensure_ascii=False) for w in found]
    if form == "github":
        return [line.replace(path, "F") for line in result.stdout.splitlines() if line.startswith("::warning")]
    return [line.replace(path, "F") for line in result.stderr.splitlines() if line.startswith(f"{path}:")]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("command", "form"), [("validate", "text"), ("validate", "json"), ("validate", "github"),
                                               ("check", "text"), ("check", "json")])
@pytest.mark.parametrize("case", CASES)
def test_every_format_shows_what_the_fixed_file_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str,
                                                      command: str, form: str, lang: str) -> None:
    _plans(tmp_path, monkeypatch, case, "bad-value")
    fixed = _warnings(command, "fixed.yaml", form, lang)
    assert len(fixed) == len(CASES[case][1])
    assert _warnings(command, "broken.yaml", form, lang) == fixed


GATE_ON_A_REFUSED_CHANNEL = HEAD + """acquisition:
  - {name: Late, type: cpa, bid: 1, budget: 100, months: 3-六}
  - {name: Always, type: cpa, bid: 1, budget: 100}
gates:
  - {name: G, after_month: 2, channels: [Late], min_roas: 1, then: [Always]}
"""


def test_a_gate_on_a_channel_whose_months_are_refused_waits_for_them(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Late's months are not read: whether the test sees it is unknown, so nothing is said of the gate."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(GATE_ON_A_REFUSED_CHANNEL, encoding="utf-8")
    (file,) = json.loads(invoke(["validate", "plan.yaml", "-f", "json"]).stdout)["files"]
    assert [e["path"] for e in file["errors"]] == ["acquisition[0].months"]
    assert file["warnings"] == []
