"""A name's layout costs time in its length, not in its square (QA: a 2,000-character Chinese name took 7.7 s to
lay out at 80 columns, one of 60,000 characters minutes; the spec sets names no length).

Counted, not timed: the characters the layout measures (``cell_len`` in present/) and puts into Rich Texts, for a
name of n characters and one of 2n. Laid out in a time linear in the name, twice the name is at most about twice
the count (the rest of the output counts alike in both); re-measured from a line's start at every break that might
end it, or sliced from the whole text line by line, it was many times that.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rich.text
from cli_runner import invoke

from aigc_roi.present import wrap

NAMES: dict[str, Callable[[int], str]] = {
    "chinese run": lambda n: "名字" * (n // 2),
    "chinese words": lambda n: "名字 " * (n // 3),
    "mixed": lambda n: "名字（ab） “引” 的 ROI 12% " * (n // 21),
    "unclosed quotes": lambda n: "“「《回本" * (n // 5),
}
COMMANDS = {
    "run": ["run"],
    "breakeven": ["breakeven"],
    "sensitivity": ["sensitivity"],
    "simulate": ["simulate", "--samples", "200"],
    "curves": ["curves"],
    "allocate": ["allocate", "--budget", "5000"],
}
SIZE = 600
"""Characters of the shorter name: the old layout's square already dwarfed the rest of the output."""


def _plan(name: str) -> str:
    return (f'name: "{name}"\nhorizon_months: 12\nretention: {{monthly_churn: 0.3}}\n'
            f'acquisition:\n  - {{name: "{name}", type: cpa, bid: 10, budget: 2000}}\n'
            "  - {name: B, type: cpa, bid: 12, budget: 3000}\n"
            "monetization: {purchases: [{name: Pack, price: 30, rate: 0.3}]}\n")


def _counting(function: Callable[..., Any], handled: list[int]) -> Callable[..., Any]:
    def counted(text: str, *args: Any) -> Any:
        handled[0] += len(text)
        return function(text, *args)

    return counted


def _work(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str | None]) -> int:
    """The characters measured by present/'s ``cell_len`` and put into Rich Texts while ``aigc-roi ARGS`` runs."""
    handled = [0]
    with monkeypatch.context() as patch:
        for name, module in list(sys.modules.items()):
            if name.startswith("aigc_roi.present") and hasattr(module, "cell_len"):
                patch.setattr(module, "cell_len", _counting(module.cell_len, handled))
        patch.setattr(rich.text, "strip_control_codes", _counting(rich.text.strip_control_codes, handled))
        invoke(args, env=env)
    return handled[0]


def _growth(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: Callable[[int], str], args: list[str],
            env: dict[str, str | None]) -> float:
    works = []
    for size in (0, SIZE, 2 * SIZE):
        path = tmp_path / f"plan{size}.yaml"
        path.write_text(_plan(name(size) or "Short"), encoding="utf-8")
        # A short name first: the imports a command makes lazily are not counted, and what the layout keeps of a
        # name it measured (layout.py) is never the next name's.
        works.append(_work(monkeypatch, [args[0], str(path), *args[1:]], env))
    return works[2] / works[1]


@pytest.mark.parametrize("name", NAMES, ids=list(NAMES))
@pytest.mark.parametrize("columns", ["80", "40", None], ids=["80", "40", "page"])
def test_a_names_layout_grows_as_the_name_does(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str,
                                               columns: str | None) -> None:
    assert _growth(monkeypatch, tmp_path, NAMES[name], ["run"], {"COLUMNS": columns}) < 2.2


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_table_view_lays_out_a_long_name_in_its_length(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                             command: str, lang: str) -> None:
    args = [*COMMANDS[command], "--lang", lang]
    assert _growth(monkeypatch, tmp_path, NAMES["chinese run"], args, {"COLUMNS": "80"}) < 2.2


def test_compare_lays_out_long_names_in_their_length(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    works = []
    for size in (0, SIZE, 2 * SIZE):
        first, second = tmp_path / f"a{size}.yaml", tmp_path / f"b{size}.yaml"
        first.write_text(_plan(NAMES["chinese run"](size) or "A"), encoding="utf-8")
        second.write_text(_plan(NAMES["mixed"](size) or "B").replace("price: 30", "price: 40"), encoding="utf-8")
        works.append(_work(monkeypatch, ["compare", str(first), str(second)], {"COLUMNS": "80"}))
    assert works[2] / works[1] < 2.2


def test_a_quote_is_its_innermost_pair() -> None:
    # A quote that ran to the next closing mark was sought again from every opening mark before it: a name of
    # unclosed marks cost the square of its length in the pattern's own search, which no count above sees.
    assert [match.group() for match in wrap._QUOTED.finditer("“a“b” 「c「d」 《e《f》")] == ["“b”", "「d」", "《f》"]
