"""A gate as the outputs name it (docs/formulas.md §18, **Gates that share a name**): by its name where no other gate
of its plan has it, else by its name and its place in the file, ``creators prove the product (gates[1])``, as a
channel two share is (model/paths.py ``at_place``).

The spec (scenario-v1 section 3b, item 9) does not ask gate names to be unique, so two gates may share one; a name
alone then leaves which of them passed or flipped unknown. A label made of a name and a number (``name #2``) could be
another gate's real name; one a gate really has is told apart too, until no two labels are alike. JSON's objects
keep the real ``name`` and carry the place as ``index`` beside it (``indexed``); a list of names lists labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from aigc_roi.model.paths import at_place


def placed(name: str, places: Sequence[int | None], short: bool = True) -> str:
    """``name`` told apart by its place in the file (``gates[1]``); in ``compare``, where its places in the compared
    files differ or not ``short``, by each one's in their order, "—" in one without it (``gates[1] | — | gates[2]``):
    two gates of one name differ in place in a file that has both, so their labels differ."""
    found = {i for i in places if i is not None}
    if short and len(found) == 1:
        return at_place(name, f"gates[{found.pop()}]")
    return at_place(name, " | ".join("—" if i is None else f"gates[{i}]" for i in places))


def _placed_apart(names: Sequence[str], places: Sequence[Sequence[int | None]]) -> list[str]:
    """Each ``placed`` label, in full where two read alike: compare's gates[0] of the first file alone and gates[0] of
    the second alone (present/gate_pairs.py pairs gates of one name by their test) read ``X (gates[0] | —)`` and
    ``X (— | gates[0])``; no two rows hold one file's gate, so their full labels differ."""
    short = [placed(name, at) for name, at in zip(names, places, strict=True)]
    counts = Counter(short)
    return [placed(name, at, short=False) if counts[text] > 1 else text
            for name, at, text in zip(names, places, short, strict=True)]


def labels_by_place(names: Sequence[str], places: Sequence[Sequence[int | None]]) -> list[str]:
    """Each name's label: the name, or ``placed`` where another shares it, or its real name is another's label.
    ``places`` holds each gate's place in every file compared, None where one has no such gate (one file but in
    ``compare``)."""
    counts = Counter(names)
    apart = [counts[name] > 1 for name in names]
    while True:
        told = [i for i, at in enumerate(apart) if at]
        labels = dict(zip(told, _placed_apart([names[i] for i in told], [places[i] for i in told]), strict=True))
        shown = [labels.get(i, name) for i, name in enumerate(names)]
        taken = {text for text, told in zip(shown, apart, strict=True) if told}
        more = [told or name in taken for name, told in zip(names, apart, strict=True)]
        if more == apart:
            return shown
        apart = more


def gate_labels(names: Sequence[str]) -> tuple[str, ...]:
    """Each gate of one plan, in file order, as the outputs name it: its name, unchanged where no other gate has it."""
    return tuple(labels_by_place(names, [(i,) for i in range(len(names))]))


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def labels_of(gates: Iterable[_Named]) -> tuple[str, ...]:
    """``gate_labels`` of gates (a plan's, or their results in a report), read off their names."""
    return gate_labels([gate.name for gate in gates])


def indexed(names: Sequence[str]) -> list[dict[str, int]]:
    """Per gate, ``{"index": i}`` for JSON beside its real ``name`` where its label is not that name, else ``{}``:
    a plan whose gates' names are all apart reads as it always did."""
    return [{} if shown == name else {"index": i} for i, (name, shown) in enumerate(zip(names, gate_labels(names), strict=True))]


def pass_shares_json(passes: Sequence[tuple[str, float]]) -> list[dict[str, object]]:
    """Simulate's JSON of its gates' pass shares (``name``, ``index`` where ``indexed``, ``pass_probability``)."""
    return [{"name": name, **at, "pass_probability": share}
            for (name, share), at in zip(passes, indexed([name for name, _ in passes]), strict=True)]


def shown_shares(passes: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """Simulate's gates' pass shares by their names as the outputs show them (``gate_labels``)."""
    return list(zip(gate_labels([name for name, _ in passes]), [share for _, share in passes], strict=True))
