"""A gate's ``channels`` must name one or more channels: null (``channels:`` with its list indented onto the wrong
line) crashed every command, and with it a folder's ``validate`` and ``check``; a list whose items are all invalid
is reported at its items alone, not also as empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

GATED = """\
name: G
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 100}
  - {name: B, type: cpa, bid: 10, budget: 100}
retention: {monthly_churn: 0.3}
gates:
  - name: g
    after_month: 2
    channels: CHANNELS
    min_roas: 1
    then: THEN
"""


def _gated(folder: Path, channels: str, then: str = "[B]", name: str = "g.yaml") -> Path:
    path = folder / name
    path.write_text(GATED.replace("CHANNELS", channels).replace("THEN", then), encoding="utf-8")
    return path


@pytest.mark.parametrize("null", ["", "~", "null"])
def test_null_channels_are_refused_at_the_key(tmp_path: Path, null: str) -> None:
    path = _gated(tmp_path, null)
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{path}:9:{15 if null else 14}: gates[0].channels: expected a list of one or more channel "
                             "names to test, found null\n")


def test_null_then_is_no_channel_waiting(tmp_path: Path) -> None:
    """Null reads as a list of no items, as every list of the format does: nothing waits for the gate."""
    assert invoke(["validate", str(_gated(tmp_path, "[A]", "~"))]).exit_code == 0


def test_a_folder_with_a_null_gate_still_reports_its_other_files(tmp_path: Path) -> None:
    _gated(tmp_path, "~", name="a.yaml")
    _gated(tmp_path, "[C]", name="b.yaml")
    result = invoke(["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "internal error" not in result.stdout + result.stderr
    assert [line.split(": ", 2)[1] for line in result.stdout.splitlines()] == ["gates[0].channels",
                                                                               "gates[0].channels[0]"]


@pytest.mark.parametrize("items", ["[null]", "[[A]]", "[{A: 1}]"])
def test_a_list_of_invalid_items_is_reported_at_its_items_alone(tmp_path: Path, items: str) -> None:
    result = invoke(["validate", str(_gated(tmp_path, items))])
    assert result.exit_code == 2
    assert [line.split(": ", 2)[1] for line in result.stdout.splitlines()] == ["gates[0].channels[0]"]
