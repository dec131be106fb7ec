"""Two items of one list sharing a name (docs/formulas.md §12): channels, plans, purchases, orders, fixed costs;
gates too (docs/formulas.md §18), which outputs then name by place.

Spec 1.1 does not forbid it, and a 1.1 file keeps its meaning, so such a file is valid and runs as written. But
whatever names an item by its name alone cannot say which of the two it means: a gate (refused at its name,
reader/load.py), ``--set``, ``--grid`` and ``--variant`` (refused, reader/overrides.py, whatif/drivers.py), ``actuals
--map`` (whatif/actuals.py) and ``allocate --lock``/``--min``/``--max`` (whatif/allocate_names.py). A warning at the
second name says so before any of them is met; the outputs label each of the two by its path too
(model/paths.py ``at_place``). Two lists may share a name (a channel and a plan): a path says which by its list.
"""

from __future__ import annotations

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.gate_names import placed
from aigc_roi.reader.item_names import NAMED_LISTS, items_of
from aigc_roi.reader.kinds import Context
from aigc_roi.reader.yamltree import Node, item_name

NAMING = {"acquisition": "a gate, --set, actuals --map or allocate --lock"}
"""What names an item of each list by its name alone; ``--set``, ``--grid`` and ``--variant`` for the others."""
OTHERS_NAMING = "--set, --grid or --variant"


def shared_name_warnings(tree: Node, filename: str) -> tuple[ScenarioError, ...]:
    """A warning at each name an earlier item of its list has, naming the first (its line where the file has both);
    located as an error over both names is (reader/kinds.py ``Context.error``'s ``among``: at a ``--set`` that
    wrote either). Read from the tree, not the scenario, so a file refused for another error is warned of them beside
    it (docs/ci.md: of what could be read of it)."""
    found = Context(filename)
    for list_path in (*NAMED_LISTS, "gates"):
        first: dict[str, tuple[int, Node]] = {}
        for index, item in enumerate(items_of(tree, list_path)):
            name = item_name(item)
            if name is None:
                continue
            node = item.value["name"].value
            if name not in first:
                first[name] = index, node
                continue
            first_index, first_node = first[name]
            # No line for a scenario built in code, whose nodes have none (Node.line_note).
            line = first_node.line_note() if first_node.source is None and node.source is None else ""
            found.error(node, f"{list_path}[{index}].name", _message(list_path, name, first_index, index, line),
                        among=(first_node,))
    return tuple(found.errors)


def _message(list_path: str, name: str, first: int, index: int, line: str) -> str:
    if list_path == "gates":
        # Gates that share a name run as written: every output tells them apart by place (model/gate_names.py).
        return (f"'{name}' is also gates[{first}]'s name{line}; outputs naming '{name}' cannot tell them apart, so they "
                f"name each by its place: '{placed(name, [first])}' and '{placed(name, [index])}'")
    return (f"'{name}' is also {list_path}[{first}]'s name{line}; "
            f"{NAMING.get(list_path, OTHERS_NAMING)} naming '{name}' cannot tell them apart")
