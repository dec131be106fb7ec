"""aigc_roi/api.py as a script or notebook uses it: what it takes, what it names and what its docstring shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
CPA = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
BILIBILI = "Bilibili CPA (registered user)"


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A folder ``plans`` holding one scenario, named relative to the working folder: read a character at a time,
    "plans" is five missing files, never a walk of "/"."""
    (tmp_path / "plans").mkdir()
    shutil.copy(ROOT / "scenarios" / "starter.yaml", tmp_path / "plans" / "starter.yaml")
    monkeypatch.chdir(tmp_path)
    return "plans"


def test_one_path_given_alone_is_one_path(plans: str) -> None:
    for alone in (plans, Path(plans)):
        (validated,) = api.validate(alone)
        assert (validated.path, validated.errors) == (str(Path(plans, "starter.yaml")), ())
        results, (checked,) = api.check(alone, samples=100)
        assert [result.path for result in results] == [checked.path] == [validated.path]
        assert [checked.path for checked in api.check_run(alone, samples=100, jobs=1).checked] == [validated.path]


def test_one_set_given_alone_is_one_set(plans: str) -> None:
    file = Path(plans, "starter.yaml")
    assert api.load(file, sets="horizon_months=12").horizon_months == 12
    assert api.load_source(file.read_text(encoding="utf-8"), sets="horizon_months=12").horizon_months == 12
    (checked,) = api.check_run(plans, sets="horizon_months=12", samples=100, jobs=1).checked
    assert checked.loaded.scenario.horizon_months == 12
    # Both files read with the one --set: starter's 24 months and the CPA plan's retention points allow 12.
    assert api.explain_change(file, CPA, sets="discount_rate=0.05") == api.explain_change(file, CPA, ["discount_rate=0.05"])


def test_one_export_lock_or_reserved_header_given_alone_is_one() -> None:
    scenario = api.load(CPA)
    maps = [(BILIBILI, "bili_*")]
    export = ROOT / "examples" / "actuals" / "bilibili.csv"
    assert api.actuals(scenario, str(export), maps) == api.actuals(scenario, export, maps) == api.actuals(scenario, [export], maps)
    allocation = api.allocate(scenario, 340_000, locks=BILIBILI, samples=100)
    assert [(channel.name, channel.status) for channel in allocation.channels] == [
        (BILIBILI, "locked"), ("Douyin activation CPA", "movable")]
    named = api.load(CPA, sets=["name=figure"])
    assert [column.name for column in api.compare([(None, "a.yaml", named)], reserved="figure").columns] == ["figure (a.yaml)"]
