"""Golden renderings of the bundled templates: the human-facing output cannot drift unnoticed.

Each template's `run` view at 80 and 120 columns (a laptop terminal and a
wide one) and its markdown are compared with files in tests/snapshots/.
These pin layout, not arithmetic (the figures themselves are checked against
hand calculations elsewhere). After a deliberate change of layout, review the
diff and rewrite them with ``UPDATE_SNAPSHOTS=1 pytest tests/present/test_snapshots.py``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from aigc_roi import api
from aigc_roi.present import tables
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_view import run_view

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "aigc_roi" / "templates").glob("*.yaml"))
SNAPSHOTS = Path(__file__).parents[1] / "snapshots"


def rendered(template: Path, width: int) -> str:
    scenario = api.load(template)
    report = run_report(scenario, api.run(scenario))
    console = Console(width=width, file=io.StringIO(), color_system=None, record=True, legacy_windows=False)
    for renderable in run_view(report, NumberStyle("en", scenario.currency), True):
        console.print(renderable)
    return console.export_text()


def markdown(template: Path) -> str:
    scenario = api.load(template)
    return tables.run_markdown(run_report(scenario, api.run(scenario)))


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}; create it with UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; review and UPDATE_SNAPSHOTS=1 if meant"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
@pytest.mark.parametrize("width", [80, 120])
def test_run_view(template: Path, width: int) -> None:
    assert_snapshot(f"{template.stem}.run.{width}.txt", rendered(template, width))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_run_markdown(template: Path) -> None:
    assert_snapshot(f"{template.stem}.run.md", markdown(template))


WHATIF_TEMPLATE = ROOT / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"


def whatif_rendered(view: str, lang: str) -> str:
    from aigc_roi.present.breakeven_view import breakeven_view
    from aigc_roi.present.sensitivity_view import sensitivity_view

    scenario = api.load(WHATIF_TEMPLATE)
    style = NumberStyle(lang, scenario.currency)
    if view == "compare":
        from aigc_roi.present.compare import ComparePresenter, fixed_headers

        # The CLI's path (cli/whatif.py), so the snapshot is what `compare` prints: each IRR none says why.
        paths = [WHATIF_TEMPLATE, *(ROOT / "aigc_roi" / "templates" / name for name in ("feed-ads-only.yaml", "koc-seeding.yaml"))]
        comparison = api.compare([(None, str(path), api.load(path)) for path in paths], reserved=fixed_headers())
        [renderable] = ComparePresenter(style).view(comparison)
    elif view == "sensitivity":
        renderable = sensitivity_view(api.sensitivity(scenario, 0.2), style)
    else:
        renderable = breakeven_view(api.break_even(scenario), style)
    console = Console(width=80, file=io.StringIO(), color_system=None, record=True, legacy_windows=False)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("view", ["compare", "sensitivity", "breakeven"])
def test_whatif_view_at_80_columns(view: str, lang: str) -> None:
    assert_snapshot(f"{WHATIF_TEMPLATE.stem}.{view}.{lang}.80.txt", whatif_rendered(view, lang))


@pytest.mark.parametrize("width", [80, 120])
def test_allocate_view(width: int) -> None:
    """The allocate view of a kol-then-feed plan: both splits, the curve and the warning that today's total is not B."""
    from aigc_roi.present.allocation_view import allocation_view

    scenario = api.load(ROOT / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml")
    console = Console(width=width, file=io.StringIO(), color_system=None, record=True, legacy_windows=False)
    for renderable in allocation_view(api.allocate(scenario, 300_000), NumberStyle("en", scenario.currency)):
        console.print(renderable)
    assert_snapshot(f"video-tool-kol-then-feed.allocate.{width}.txt", console.export_text())
