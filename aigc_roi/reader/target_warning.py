"""A return target above 1,000% (docs/formulas.md §10): valid, as the spec bounds ``min_roi`` and ``min_roas`` not
at all (``min_roi: 2.0`` is a 200% return), but no return a plan is held to, so most often a percentage written
without its sign (``min_roi: 20``, read as 2,000%; ``min_roas: 400``, as an ad platform's target ROAS is entered).
A warning, located at the number, tells the ratio read and, where the sign gives one a plan may be held to, the
percentage meant; the file keeps its meaning, and ``check`` judges it as written.

``min_ltv_to_cac`` is left out: it is quoted as a multiple (3:1), never in percent, so a large one is no slip of a
sign. A number written with its sign (``2000%``) is the target meant.
"""

from __future__ import annotations

from collections.abc import Mapping

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.numbers import percent_hint
from aigc_roi.reader.percent_warnings import percent_text, typed, warned_span, written_in_percent
from aigc_roi.reader.yamltree import Node, find_node

WARN_ABOVE = 10.0
"""1,000%: a return of 5x (400% roi) is a good campaign and 10x exceptional; as the least a plan must reach, more is
none. Below it a number is as likely the multiple meant (``min_roas: 3``) as a percentage, so nothing is said."""
ABOVE_ANY = "above any return a plan is held to"


def scenario_ratios(scenario: Scenario) -> dict[str, float | None]:
    """The return targets of a scenario, and each gate's ``min_roas``, by path: what ``target_warnings`` weighs."""
    ratios = {"targets.min_roi": scenario.targets.min_roi, "targets.min_roas": scenario.targets.min_roas}
    ratios.update({f"gates[{i}].min_roas": gate.min_roas for i, gate in enumerate(scenario.gates)})
    return ratios


def target_warnings(ratios: Mapping[str, float | None], tree: Node, filename: str,
                    code_built: bool = False) -> tuple[ScenarioError, ...]:
    """The warning of each return target (and gate's ``min_roas``) of ``ratios`` (a valid scenario's,
    ``scenario_ratios``, or those read of a file refused for other errors, reader/partial_warnings.py) written above
    1,000% without its % sign; with no hint of the % sign where a number was given in code (``code_built``:
    percent_warnings.py ``typed``)."""
    return tuple(warning for path, value in ratios.items()
                 if value is not None and value > WARN_ABOVE and (warning := _warning(tree, path, value, filename, code_built)))


def _warning(tree: Node, path: str, value: float, filename: str, code_built: bool) -> ScenarioError | None:
    node = find_node(tree, path)
    if node is None:
        return None
    text = node.raw.strip()
    if written_in_percent(text):
        return None
    read = f"{text} is {percent_text(value)}%"
    hint = percent_hint(text, lambda meant: meant <= WARN_ABOVE) if typed(node, code_built) else None
    return ScenarioError(node.source or filename, node.line, node.column, path,
                         f"{read}; {hint}" if hint else f"{read}, {ABOVE_ANY}", *warned_span(node))
