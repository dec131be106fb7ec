"""The warnings of the whole scenario (a discount rate, a return target, a gate) of a file refused for other errors,
of what could be read of it (docs/ci.md): a file is fixed in one pass, not warned of ``discount_rate: 10`` only once
an unrelated ``monthly_churn: 1.5`` is fixed. The warnings a value draws as it is read (a ``%`` on an amount,
reader/amount_warning.py) are told so already; these are drawn from the values read, each where the fields it reads
were read: a discount rate or a return target read is warned of whatever else fails, a gate only where the gate was
read with no error at or under it and every channel it names was read with its months.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Gate
from aigc_roi.reader.discount_warning import discount_warnings
from aigc_roi.reader.fields import Parsed
from aigc_roi.reader.gate_warnings import warned_gates
from aigc_roi.reader.target_warning import target_warnings
from aigc_roi.reader.yamltree import Node


def partial_warnings(parsed: Parsed, errors: Sequence[ScenarioError], tree: Node, filename: str,
                     code_built: bool = False) -> tuple[ScenarioError, ...]:
    """The whole scenario's warnings of ``parsed``, the values read of a tree whose reading told ``errors``."""
    values = parsed.values
    found = discount_warnings(values["discount_rate"], tree, filename, code_built) if "discount_rate" in values else ()
    gates = _items(parsed, "gates")
    ratios: dict[str, float | None] = {}
    targets = values.get("targets")
    if isinstance(targets, Parsed):
        ratios.update({f"targets.{key}": targets.values.get(key) for key in ("min_roi", "min_roas")})
    ratios.update({f"gates[{g}].min_roas": gate.values.get("min_roas") for g, gate in gates})
    return found + target_warnings(ratios, tree, filename, code_built) + _gate_warnings(parsed, gates, errors, tree,
                                                                                         filename)


def _gate_warnings(parsed: Parsed, gates: list[tuple[int, Parsed]], errors: Sequence[ScenarioError], tree: Node,
                   filename: str) -> tuple[ScenarioError, ...]:
    """The warnings of each gate read whole whose channels were read with their months: a gate with an error of its
    own (an unknown name, a test month past the horizon) or naming a channel not read is judged once it is fixed."""
    months: dict[str, set[int] | None] = {}
    written: dict[str, Node | None] = {}
    shared: set[str] = set()
    for _, channel in _items(parsed, "acquisition"):
        name = channel.values.get("name")
        if not isinstance(name, str) or "months" in channel.nodes and "months" not in channel.values:
            continue  # no name read, or months refused: a gate naming it waits on the channel's own error
        if name in months:
            shared.add(name)
        read = channel.values.get("months")
        months[name] = None if read is None else set(read)
        written[name] = channel.nodes.get("months")
    whole = [(g, gate) for g, item in gates if not _told_at(f"gates[{g}]", errors) and (gate := _whole(item)) is not None]
    read = [(g, gate) for g, gate in whole
            if all(name in months and name not in shared for name in gate.channels + gate.then)]
    return warned_gates(read, months, written, tree, filename)


def _whole(parsed: Parsed) -> Gate | None:
    values = parsed.values
    if not {"name", "after_month", "channels"} <= values.keys() or "then" in parsed.nodes and "then" not in values:
        return None
    return Gate(values["name"], values["after_month"], tuple(values["channels"]), tuple(values.get("then", [])),
                values.get("min_roas"), values.get("max_cac"))


def _items(parsed: Parsed, key: str) -> list[tuple[int, Parsed]]:
    """The items read of the list at ``key``, each with its place in the list as written (ListOf leaves out those
    refused, so a later item's place is not its place among those read)."""
    written, read = parsed.nodes.get(key), parsed.values.get(key)
    if written is None or written.kind != "seq" or not isinstance(read, list):
        return []
    places = {id(node): index for index, node in enumerate(written.value)}
    return [(places[id(item.node)], item) for item in read if isinstance(item, Parsed) and id(item.node) in places]


def _told_at(path: str, errors: Iterable[ScenarioError]) -> bool:
    """Whether an error was told at ``path`` or under it (``gates[1]`` holds ``gates[1].then[0]``, not ``gates[10]``)."""
    return any(error.path == path or error.path.startswith((f"{path}.", f"{path}[")) for error in errors)
