"""Two plans whose figures are set against each other are in one currency: an amount in yuan less one in dollars is
no change of anything, and the larger is not the better (docs/formulas.md §13). `compare`'s columns, and the two
versions `report --base` and `compare --explain` split what moved between, are refused here alike. (`check --base`
explains a file against its own base revision, where a change of currency is a change like any other: its money
figures are left out instead, ci/checks.py.)"""

from __future__ import annotations

from collections.abc import Sequence

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.load import LoadedScenario
from aigc_roi.reader.yamltree import find_node


def currency_errors(reference: tuple[str, LoadedScenario], others: Sequence[LoadedScenario]) -> list[ScenarioError]:
    """A line for each of ``others`` in another currency than ``reference``'s (its source as outputs name it, and the
    plan), at its ``currency:`` or, where it writes none, at its first line."""
    source, first = reference[0], reference[1].scenario.currency
    errors = []
    for loaded in others:
        currency = loaded.scenario.currency
        if currency == first:
            continue
        node = find_node(loaded.tree, "currency")
        if node is None:
            errors.append(ScenarioError(loaded.path, 1, 1, "currency", f"expected {first}, the currency of {source}, "
                                                                       f"found {currency} (the default: the file sets no currency)"))
        else:
            errors.append(ScenarioError(node.source or loaded.path, node.line, node.column, "currency",
                                        f"expected {first}, the currency of {source}, found {currency}"))
    return errors
