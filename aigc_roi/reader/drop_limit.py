"""``targets.max_npv_drop``: an amount of money, or a share of the base's npv when written with ``%``.

``max_npv_drop: 10%`` and ``max_npv_drop: 5万`` read the same number syntax;
the percent sign alone says which is meant, because 0.1 as money and 10% as
a share are different limits (docs/formulas.md §10).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aigc_roi.model.scenario import DropLimit
from aigc_roi.reader.kinds import A_TARGET, INVALID, Context, Number
from aigc_roi.reader.numbers import PERCENT_SIGNS
from aigc_roi.reader.yamltree import Node


@dataclass(frozen=True)
class DropLimitKind:
    description: str = ""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        relative = node.kind == "scalar" and isinstance(node.value, str) and node.raw.strip().endswith(PERCENT_SIGNS)
        wording = "a share >= 0% (10%) or an amount >= 0 (5万)"
        value = Number(0.0, None, ranges=False, wording=wording, range_hint=A_TARGET).parse(node, path, ctx)
        return INVALID if value is INVALID else DropLimit(float(value), relative)

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description, "anyOf": [{"type": "number", "minimum": 0}, {"$ref": "#/$defs/number_text"}]}
