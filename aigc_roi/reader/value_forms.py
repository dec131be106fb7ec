"""Which of its mapping forms a value was written in (spec §2: a typo in a key is told the nearest known key).

A value may be written as one of several mappings: a range ``{low, high}`` or ``{dist: normal, mean, sd}`` (and the
other distributions), a schedule ``{by_month: {...}}``, a renewal's ``{observed: [...]}``, a conversion by age
``{0: 3%, 1: 1%}``. The keys written say which: the form that holds the most of them, as written or as a slip of one
of its keys (``observd``, ``dsit``), and then the one missing fewest keys, is the one meant, and its keys alone are
checked. So ``renewal: {observd: [...]}`` is told ``did you mean 'observed'?``, not that a range misses its low and
high, and ``{mean: 100, sd: 10}`` that it is a normal range whose ``dist`` is missing. Where no key written is any
form's, nor a slip of one, no form is meant: each key is told the forms' keys (docs/formulas.md §12, a value of
several mapping forms).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from aigc_roi.reader.near_keys import close_key, nearest_key
from aigc_roi.reader.yamltree import Entry, Node

DIST_KEYS: dict[str, tuple[str, ...]] = {
    "lognormal": ("low", "high"),
    "normal": ("mean", "sd"),
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
}
RANGE_KEYS = frozenset({"dist", *(key for keys in DIST_KEYS.values() for key in keys)})


@dataclass(frozen=True)
class Form:
    """One mapping a value may be written as: its keys, every one required."""

    keys: tuple[str, ...]
    dist: str = ""
    """The ``dist`` word of an explicit range; "" for any other form."""
    holds: str = "scalar"
    """What its one key holds, when that is no number: a schedule's ``by_month`` a mapping of months. A key in any
    words holding such a mapping (``按月: {1: 10}``) is that key (a range's keys hold numbers)."""
    listed: bool = True
    """Whether its keys are offered where no form is meant: the plain range's, not every distribution's."""
    numbered: Callable[[str], bool] | None = None
    """For a form keyed by numbers (a conversion by age) in place of ``keys``: whether a key is one of them."""

    def meant(self, key: str, value: Node) -> str | None:
        """The key of this form that ``key``, not one of them, was written for; None for none."""
        if self.holds != "scalar" and value.kind == self.holds and len(self.keys) == 1:
            return self.keys[0]
        return close_key(key, self.keys) or nearest_key(key, self.keys)


PLAIN_RANGE = Form(("low", "high"))
DIST_FORMS = {kind: Form(("dist", *keys), dist=kind, listed=False) for kind, keys in DIST_KEYS.items()}
RANGE_FORMS = (PLAIN_RANGE, *DIST_FORMS.values())
"""A range's forms: ``{low, high}`` first, so a tie goes to the form that needs no ``dist``."""


def nearest_form(entries: Mapping[str, Entry], forms: Sequence[Form]) -> Form | None:
    """The form of ``forms`` the keys of ``entries`` were written in: the one holding the most of them, as written or
    as a slip of a key it misses, then the one missing the fewest of its keys, then the first; None where no key
    written is any form's or a slip of one."""
    best, best_score = None, (0, 0)
    for form in forms:
        if form.numbered is not None:
            score = (sum(1 for key in entries if form.numbered(key)), 0)
        else:
            exact = set(entries).intersection(form.keys)
            slipped = {form.meant(key, entry.value) for key, entry in entries.items() if key not in form.keys}
            found = exact | (slipped & set(form.keys))
            score = (len(found), len(found) - len(form.keys))
        if score[0] and score > best_score:
            best, best_score = form, score
    return best


def dist_hint(form: Form, entries: Mapping[str, Entry]) -> dict[str, str]:
    """What a range of ``form`` missing its ``dist`` is told (``check_keys``'s ``missing``): the dist its keys written
    are those of, ``for mean, sd write dist: normal``; nothing more where none of them is written as such."""
    written = [key for key in form.keys if key in entries]
    if not form.dist or not written:
        return {}
    return {"dist": f"missing required key 'dist'; for {', '.join(written)} write dist: {form.dist}"}
