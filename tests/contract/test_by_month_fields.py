"""The fields that may be written ``{by_month: {...}}``: the README's list and docs/formulas.md §14's are the
field table's, no more and no fewer (the README once left out ``costs.serving_per_subscriber``, which the reader
accepts and the engine computes)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aigc_roi.reader import fields
from aigc_roi.reader.kinds import ByMonthOr

ROOT = Path(__file__).resolve().parents[2]
OWNERS = {"a channel's": "acquisition[]", "a plan's": "monetization.plans[]", "a purchase's": "monetization.purchases[]",
          "an order's": "monetization.orders[]", "a fixed cost's": "costs.fixed[]"}
"""How the documents name the items whose fields follow."""


def by_month_paths(kind: Any, where: str = "") -> Iterator[str]:
    """``acquisition[].bid``, ``costs.serving_per_active_user``, ...: every field of the table that takes by_month."""
    if isinstance(kind, fields.ListOf):
        yield from by_month_paths(kind.item, f"{where}[]")
    elif isinstance(kind, fields.Tagged):
        for variant in kind.variants.values():
            yield from by_month_paths(variant, where)
    elif isinstance(kind, fields.Obj):
        for key, child in kind.fields.items():
            path = f"{where}.{key}" if where else key
            if isinstance(child, ByMonthOr):
                yield path
            else:
                yield from by_month_paths(child, path)


def documented(listed: str) -> set[str]:
    """The paths a document's list names: ``a channel's `bid`, `cpm` and `cost`; `organic_users`; ...``."""
    paths = set()
    for part in listed.split("; "):
        owner = next((path for words, path in OWNERS.items() if part.startswith(words)), "")
        paths.update(f"{owner}.{name}" if owner else name for name in re.findall(r"`([\w.]+)`", part))
    return paths


def _list_in(document: str, opening: str) -> str:
    text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
    found = re.search(re.escape(opening) + r" (.+?) \(tests/contract/test_by_month_fields\.py", text)
    assert found is not None, f"{document} has no list of the fields written by month after {opening!r}"
    return found[1]


@pytest.mark.parametrize(("document", "opening"), [
    ("README.md", "Allowed on"),
    ("docs/formulas.md", "These numbers may move month by month, written `{by_month: {1: 12, 6: 30}}`:"),
])
def test_the_documents_list_the_fields_the_reader_takes_by_month(document: str, opening: str) -> None:
    assert documented(_list_in(document, opening)) == set(by_month_paths(fields.SCENARIO))


def test_the_list_holds_serving_per_subscriber() -> None:
    assert "costs.serving_per_subscriber" in set(by_month_paths(fields.SCENARIO))
