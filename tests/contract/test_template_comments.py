"""The bundled templates' comments beside their targets say what `run` computes.

A target's comment that states a computed value (``computed: 15.91``, ``计算值：15.91``) must hold the figure the
target bounds, as written to its decimals (``about 76,800`` to its hundreds); a value it calls blended (``blended
13.61``, ``综合 ROAS 1.49``) must be the blended figure, not the paid one, and a bare "blended" with no value, which
names the paid figure blended, is wrong (docs/formulas.md §2: ``cac`` is paid, ``blended_cac`` blended).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.reader.load import load_path

TEMPLATES = Path(__file__).parents[2] / "aigc_roi" / "templates"
FIGURE_OF = {"max_payback_months": "payback_month", "min_roi": "roi", "min_ltv_to_cac": "ltv_to_cac", "max_cac": "cac",
             "min_roas": "roas", "min_npv": "npv"}
BLENDED_OF = {"cac": "blended_cac"}
"""The blended counterpart of a target's figure; ``blended_roas`` for any other (ROAS is the only other blended figure)."""
_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
_BLENDED = re.compile(rf"(?:blended|综合)(?:\s*(ROAS|CAC|获客成本))?\s*({_NUMBER})?")


def _target_comments(text: str) -> dict[str, str]:
    """Each top-level target's key and its comment, with the comment lines that continue it under it."""
    comments: dict[str, str] = {}
    inside, key = False, None
    for line in text.splitlines():
        if not line.startswith(" "):
            inside, key = line.startswith("targets:"), None
            continue
        if not inside:
            continue
        entry = re.match(r"  (\w+):[^#]*(?:#(.*))?$", line)
        if entry:
            key = entry[1]
            comments[key] = entry[2] or ""
        elif key is not None and line.strip().startswith("#"):
            comments[key] += " " + line.strip()[1:]
    return {key: comment for key, comment in comments.items() if key in FIGURE_OF}


def _reads_as(written: str, value: float, about: bool) -> bool:
    """Whether ``written`` is ``value`` rounded to its last digit (an integer's trailing zeros round too); within
    1% where the comment says "about"."""
    number = float(written.replace(",", ""))
    if about and abs(number - value) <= 0.01 * abs(value):
        return True
    digits = written.replace(",", "").lstrip("-")
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
    return abs(number - value) <= unit / 2 + 1e-12


def _template_paths() -> list[Path]:
    return sorted([*TEMPLATES.glob("*.yaml"), *TEMPLATES.glob("zh/*.yaml")])


@pytest.mark.parametrize("path", _template_paths(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_a_computed_value_beside_a_target_is_the_figure_run_computes(path: Path) -> None:
    comments = _target_comments(path.read_text(encoding="utf-8"))
    figures = api.figures(load_path(path).scenario)
    for key, comment in comments.items():
        name = FIGURE_OF[key]
        if re.search(r"computed|计算值", comment):
            about = bool(re.search(r"about|约", comment))
            values = [float(figures[name])]
            assert any(_reads_as(number, value, about) for number in re.findall(_NUMBER, comment) for value in values), (
                f"{path.name}: {key}'s comment {comment!r} does not hold {name} = {values[0]}")
        for match in _BLENDED.finditer(comment):
            which, number = match[1], match[2]
            blended = ("blended_cac" if which in ("CAC", "获客成本") else "blended_roas" if which == "ROAS"
                       else BLENDED_OF.get(name, "blended_roas"))
            assert number is not None, f"{path.name}: {key}'s comment {comment!r} calls a value blended without it"
            assert _reads_as(number, float(figures[blended]), False), (
                f"{path.name}: {key}'s comment {comment!r}: {number} is no {blended} ({float(figures[blended])})")
