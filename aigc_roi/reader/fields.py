"""Every field of the scenario format (the README's format reference), with its kind and unit."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aigc_roi.model.channels import CHANNEL_TYPES, ChannelType
from aigc_roi.model.channels.base import FIELD_INFO, FieldInfo
from aigc_roi.model.ime_marks import ASCII_TWINS, FLOW_BRACKETS, ime_hint
from aigc_roi.model.limits import MAX_GATES as MAX_GATES
from aigc_roi.model.limits import MAX_MATCH_PATTERNS as MAX_MATCH_PATTERNS
from aigc_roi.model.limits import MAX_MILESTONES as MAX_MILESTONES
from aigc_roi.model.limits import MAX_RETENTION_DAY as MAX_RETENTION_DAY
from aigc_roi.model.limits import MIN_RETENTION_DAYS as MIN_RETENTION_DAYS
from aigc_roi.model.scenario import ByMonth, Distribution, Value
from aigc_roi.reader.age_keys import age_key_hint
from aigc_roi.reader.amount_warning import AMOUNT, COUNT
from aigc_roi.reader.currencies import CurrencyCode
from aigc_roi.reader.day_keys import labelled_day, points_day_hint
from aigc_roi.reader.drop_limit import DropLimitKind
from aigc_roi.reader.key_places import belongs
from aigc_roi.reader.kinds import (
    A_TARGET,
    INVALID,
    MAX_CHANNELS,
    MAX_FIXED_COSTS,
    MAX_HORIZON_MONTHS,
    MAX_ORDERS,
    MAX_PLANS,
    MAX_PURCHASES,
    MAX_RETENTION_POINTS,
    MIN_UNIT_COST,
    SCHEMA_DEFS,
    WHOLE_KEY_PATTERN,
    ByMonthOr,
    Context,
    Kind,
    MonthSet,
    Number,
    Period,
    PlanMonth,
    Text,
    check_keys,
    refuse_forms,
    whole_number,
)
from aigc_roi.reader.list_commas import parse_items
from aigc_roi.reader.price_words import price_word_hint
from aigc_roi.reader.type_words import type_word_hint
from aigc_roi.reader.value_forms import Form, nearest_form
from aigc_roi.reader.written_times import start_hint
from aigc_roi.reader.yamltree import Node, found_key, join_path, key_segment, set_within


def parse_item(kind: Kind, node: Node, path: str, ctx: Context) -> Any:
    """``kind.parse`` of a list item, or what it gave for the same node at the same path under the same settings of
    the file (``Context.reused``): a valid parse that told and warned of nothing depends on those alone, and a tree
    read with changes shares every node off their paths (a split of 40 changes reads 41 trees of 150 items)."""
    reused = ctx.reused
    if reused is None:
        return kind.parse(node, path, ctx)
    key = (id(node), path, ctx.filename, ctx.horizon_months, ctx.start, ctx.decimal_comma, ctx.code_built)
    kept = reused.get(key)
    if kept is not None:
        return kept[1]
    told = len(ctx.errors), len(ctx.warnings), len(ctx.explained)
    value = kind.parse(node, path, ctx)
    if value is not INVALID and (len(ctx.errors), len(ctx.warnings), len(ctx.explained)) == told:
        # The node is kept with its parse: its id names no other node while the entry lives.
        reused[key] = (node, value)
    return value


@dataclass
class Parsed:
    """A mapping's parsed values, with the nodes they came from for later checks."""

    node: Node
    values: dict[str, Any]
    nodes: dict[str, Node]


@dataclass(frozen=True)
class Obj:
    """A mapping with known keys."""

    fields: dict[str, Any]
    required: tuple[str, ...] = ()
    description: str = ""
    extra_schema: dict[str, Any] = field(default_factory=dict)
    section: bool = False
    """A top-level section the spec allows empty (``monetization``, ``costs``, ``targets``): ``key:`` with nothing
    under it, what commenting out its children leaves, is the empty mapping, as an empty list is for ``ListOf``."""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if self.section and node.kind == "scalar" and node.value is None:
            return Parsed(node, {}, {})
        entries = check_keys(node, path, ctx, set(self.fields), self.required, self.elsewhere, self.keyed_by(node))
        if entries is INVALID:
            return INVALID
        values = {}
        for key, child in entries.items():
            value = self.fields[key].parse(child, join_path(path, key), ctx)
            if value is not INVALID:
                values[key] = value
        return Parsed(node, values, entries)

    def keyed_by(self, node: Node) -> tuple[Node, ...]:
        """The value in ``node`` that says which keys it has (check_keys's ``among``): none for a fixed shape."""
        return ()

    def elsewhere(self, key: str, path: str) -> str | None:
        """What a key unknown here is told in place of the keys it could be (check_keys's ``elsewhere``)."""
        return belongs(key, path)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": ["object", "null"] if self.section else "object",
            "properties": {key: {"title": field_title(key)} | kind.json_schema() for key, kind in self.fields.items()},
            "additionalProperties": False,
        }
        if self.required:
            schema["required"] = list(self.required)
        if self.description:
            schema["description"] = self.description
        return schema | self.extra_schema


@dataclass(frozen=True)
class ListOf:
    item: Any
    max_items: int | None = None
    description: str = ""
    non_empty: str = ""
    """What a list that must hold an item is expected as (a gate's channels: ``a list of one or more channel names to
    test``), where an empty list and null, which reads as one, are refused; "" where either is a list of no items."""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if self.non_empty and (node.kind == "scalar" and node.value is None or node.kind == "seq" and not node.value):
            # Judged on the items written: a list whose items are all invalid is told at its items alone.
            return ctx.error(node, path, f"expected {self.non_empty}, found "
                                         + ("null" if node.kind == "scalar" else "an empty list"))
        if node.kind == "scalar" and node.value is None:
            return []
        if node.kind != "seq":
            slip = _full_width_list(node)
            if slip is not None:
                return ctx.expected_with_hint(node, path, "a list", *slip)
            bracketed = _bracketed(node) if isinstance(self.item, Text) else None
            if bracketed is not None:
                return ctx.expected_with_hint(node, path, "a list", 0, f"a list is written in brackets: {bracketed}")
            return ctx.expected(node, path, "a list")
        if self.max_items is not None and len(node.value) > self.max_items:
            return ctx.error(node, path, f"expected at most {self.max_items} items, found {len(node.value)}")
        items = [parse_item(self.item, child, join_path(path, i), ctx) for i, child in enumerate(node.value)]
        # Invalid items are already reported; the valid ones still get cross-field checks.
        return [item for item in items if item is not INVALID]

    def json_schema(self) -> dict[str, Any]:
        # Null as the loader reads it: no items, which a list that must hold one is not.
        schema: dict[str, Any] = {"type": "array", "minItems": 1} if self.non_empty else {"type": ["array", "null"]}
        schema["items"] = self.item.json_schema()
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        if self.description:
            schema["description"] = self.description
        return schema


_LIST_SEPARATORS = re.compile(r"\s*[,，、]\s*")
_PLAIN_ITEM = re.compile(r"[^\[\]{}#&*!|>'\"%@`]+")
"""An item a list in brackets holds as written, unquoted: no character YAML reads otherwise at its start or in a
flow list (a ': ' is checked apart)."""


def _full_width_list(node: Node) -> tuple[int, str] | None:
    """A list written in an IME's brackets, ``［小红书达人］``, which YAML reads as text: (offset of its first
    bracket, the hint to write ASCII ones); None for any other node."""
    text = node.raw.strip() if node.kind == "scalar" and isinstance(node.value, str) else ""
    if not (text.startswith("［") and text.endswith("］")):
        return None
    brackets = [char for char in text if char in FLOW_BRACKETS]
    fixed = "".join(ASCII_TWINS[char] if char in FLOW_BRACKETS else char for char in text)
    return node.raw.index("［"), ime_hint(brackets, fixed)


def _bracketed(node: Node) -> str | None:
    """A list of names written as text, ``channels: 小红书达人`` or ``小红书达人, 抖音``, as the list meant,
    ``[小红书达人, 抖音]``; None where text in brackets would not read as those items."""
    if node.kind != "scalar" or node.value is None or "\n" in node.raw:
        return None
    items = [item for item in _LIST_SEPARATORS.split(node.raw.strip()) if item]
    if not items or not all(_PLAIN_ITEM.fullmatch(item) and ": " not in item for item in items):
        return None
    return f"[{', '.join(items)}]"


@dataclass(frozen=True)
class Tagged:
    """A mapping whose ``type`` key picks its shape (the acquisition channels).

    The shapes are asked for at each use, not fixed at import: a channel type
    registered later (model/channels/) is read like the built-in ones.
    """

    shapes: Callable[[], dict[str, Obj]]

    @property
    def variants(self) -> dict[str, Obj]:
        return self.shapes()

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "map":
            return ctx.expected(node, path, "a mapping")
        type_entry = node.value.get("type")
        variants = self.variants
        if type_entry is None:
            # Without a type no shape is known, but a key no shape has is still a slip (`tipe:`, `<<:`), and a key
            # every shape needs (`name`) is missing whatever the type.
            shapes = list(variants.values())
            everyone = tuple(key for key in shapes[0].required if all(key in shape.required for shape in shapes))
            check_keys(node, path, ctx, {"type"}.union(*(variant.fields for variant in shapes)), everyone,
                       channel_key_place)
            return INVALID
        kind = type_entry.value.raw.strip() if type_entry.value.kind == "scalar" else ""
        if kind not in variants:
            # A table's word for a type (达人) is spelt near none: told the type it names (reader/type_words.py).
            hint = type_word_hint(kind)
            if hint is not None:
                return ctx.expected_with_hint(type_entry.value, join_path(path, "type"),
                                              "one of " + ", ".join(variants), 0, hint)
            return ctx.expected_word(type_entry.value, join_path(path, "type"), tuple(variants))
        return variants[kind].parse(node, path, ctx)

    def json_schema(self) -> dict[str, Any]:
        # if/then per type rather than oneOf: with oneOf an editor can only say
        # "matches none of 4 shapes"; with if/then it names the field that is wrong.
        variants = self.variants
        branches = [{"if": {"properties": {"type": {"const": kind}}, "required": ["type"]},
                     "then": {"$ref": f"#/$defs/channel_{kind}"}} for kind in variants]
        return {"type": "object", "required": ["type"],
                "properties": {"type": {"title": "Type", "enum": list(variants),
                                        "description": "How the channel buys users: " + ", ".join(variants) + "."}},
                "allOf": branches}

    def schema_defs(self) -> dict[str, Any]:
        return {f"channel_{kind}": variant.json_schema() for kind, variant in self.variants.items()}


@dataclass(frozen=True)
class RetentionPointsKind:
    """``{age: share}``: ages 1..horizon, shares 0..1."""

    share: Number

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "map" or not node.value:
            return ctx.expected(node, path, "a mapping of age in months to share active, e.g. {1: 0.4, 3: 0.25}")
        if len(node.value) > MAX_RETENTION_POINTS:
            return ctx.error(node, path, f"expected at most {MAX_RETENTION_POINTS} points (one per month), found {len(node.value)}")
        points = []
        first_of_age: dict[int, Node] = {}
        for key, entry in node.value.items():
            key_path = f"{path}[{key_segment(key)}]"
            age = whole_number(key)
            if age is None or not 1 <= age <= ctx.horizon_months:
                day = (points_day_hint(key, node) or age_key_hint(key, 1, ctx.horizon_months)) if age is None else None
                ctx.error(entry.key, key_path, f"expected an age in months within 1..{ctx.horizon_months}, "
                                               f"found {found_key(key)}" + (f"; {day}" if day else ""),
                          among=ctx.past_horizon(age))
                continue
            # Keys are text, so 1, 01 and 1.0 are different keys to YAML but the same age to the model.
            if age in first_of_age:
                ctx.given_twice(node, path, entry.key, key_path, first_of_age[age], "age", age, "month")
                continue
            first_of_age[age] = entry.key
            share = self.share.parse(entry.value, key_path, ctx)
            if share is not INVALID:
                points.append((age, share, entry.value))
        return sorted(points, key=lambda point: point[0])

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "minProperties": 1, "maxProperties": MAX_RETENTION_POINTS, "additionalProperties": False,
                "patternProperties": {WHOLE_KEY_PATTERN: self.share.json_schema()},
                "description": "Share of a cohort active at age a months (age 0 is 1.0)."}


def field_title(key: str) -> str:
    """``saturation_budget`` -> ``Saturation budget``: the name an editor shows on hover."""
    return key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class KeyedShares:
    """``{whole number: share}``: retention days (1..3653) or conversion ages (0..horizon-1).

    Parses to ``[(key, share, value node)]`` sorted by key; the loader checks
    what involves several entries (at least two days, a sum at most 1).
    """

    share: Number
    noun: str
    """What a key is, for errors: ``a day`` or ``an age in months``."""
    first: int
    ages: bool
    """True: keys are ages within the horizon (last = horizon - 1); False: days up to MAX_RETENTION_DAY."""
    example: str
    description: str
    fewest: int = 1
    """Fewest keys; the loader reports fewer (with what it needs them for), the schema states it as minProperties."""

    def last(self, ctx: Context) -> int:
        return ctx.horizon_months - 1 if self.ages else MAX_RETENTION_DAY

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "map" or not node.value:
            return ctx.expected(node, path, f"a mapping such as {self.example}")
        entries = []
        last = self.last(ctx)
        first_of_key: dict[int, Node] = {}
        word, span = ("age", "month") if self.ages else ("day", "day")
        for key, entry in node.value.items():
            key_path = f"{path}[{key_segment(key)}]"
            number = whole_number(key)
            if number is None or not self.first <= number <= last:
                hint = (age_key_hint(key, self.first, last) or "") if self.ages else _day_key_hint(key, last)
                # An age is refused past the horizon's last (horizon - 1): the horizon takes part.
                late = ctx.past_horizon(number + 1) if self.ages and number is not None and number >= self.first else ()
                ctx.error(entry.key, key_path, f"expected {self.noun} within {self.first}..{last}, found {found_key(key)}"
                          + (f"; {hint}" if hint else ""), among=late)
                continue
            # As for retention points: 1 and 01 are two keys to YAML, one day (or age) to the model, which
            # would keep only the last; the sum of conversions would count both.
            if number in first_of_key:
                ctx.given_twice(node, path, entry.key, key_path, first_of_key[number], word, number, span)
                continue
            first_of_key[number] = entry.key
            share = self.share.parse(entry.value, key_path, ctx)
            if share is not INVALID:
                entries.append((number, share, entry.value))
        return sorted(entries, key=lambda item: item[0])

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "minProperties": self.fewest, "additionalProperties": False,
                "patternProperties": {WHOLE_KEY_PATTERN: self.share.json_schema()}, "description": self.description}


def _day_key_hint(key: str, last: int) -> str:
    """What to write for a day key labelled as analytics label it (``D1``, ``次日``: 1; reader/day_keys.py), or for
    day 0, which is no point of the curve: every user is active on the day they join."""
    labelled = labelled_day(key)
    day = labelled if labelled is not None else whole_number(key)
    if day == 0:
        return "D0 is 100% by definition (the day of joining): leave it out"
    return f"write {day} for {key.strip()}" if labelled is not None and day is not None and day <= last else ""


@dataclass(frozen=True)
class Observed:
    """A plain list of survival shares ``s_1..s_K`` (data, so no ranges)."""

    share: Number

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "seq":
            return ctx.expected(node, path, "a list of shares still subscribed after each renewal, e.g. [60%, 45%, 37%]")
        shares = parse_items(lambda child, i: (self.share.parse(child, join_path(path, i), ctx), child), node.value,
                             ctx.errors)
        return INVALID if any(share is INVALID for share, _ in shares) else shares

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "minItems": 2, "items": self.share.json_schema(),
                "description": "Share of the first subscribers still subscribed after the 1st, 2nd, ... renewal; non-increasing."}


BY_AGE_FORM = Form((), numbered=lambda key: whole_number(key.strip()) is not None)
"""A conversion by age, keyed by ages."""
OBSERVED_FORM = Form(("observed",))
"""Observed survival shares to fit."""


@dataclass(frozen=True)
class Conversion:
    """A share (or range) subscribing in the join month, or ``{age: share}``."""

    share: Number
    by_age: KeyedShares

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "map" or not node.value:
            return self.share.parse(node, path, ctx)
        # Ages as keys are by age ({0: 3%, 1x: 1%} a slip among them); {low, high} or {dist: ...} is a range.
        forms = (BY_AGE_FORM, *self.share.forms())
        form = nearest_form(node.value, forms)
        if form is BY_AGE_FORM:
            return self.by_age.parse(node, path, ctx)
        return self.share.parse(node, path, ctx) if form is not None else refuse_forms(node, path, ctx, forms)

    def json_schema(self) -> dict[str, Any]:
        return {"description": "Share of new users who subscribe in their join month, or shares by age {0: 3%, 1: 1%}.",
                "anyOf": [self.share.json_schema(), self.by_age.json_schema()]}


@dataclass(frozen=True)
class Renewal:
    """A renewal rate, a list of rates per renewal (the last repeats) or ``{observed: [...]}``."""

    rate: Number
    observed: Obj

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind == "seq":
            if not node.value:
                return ctx.expected(node, path, "a list of at least one renewal rate, e.g. [0.5, 0.7, 0.8]")
            # [0,5, 0,7] is four rates, as written; a refused 5 is told 0,5 may have been meant (reader/list_commas.py).
            rates = parse_items(lambda child, i: self.rate.parse(child, join_path(path, i), ctx), node.value, ctx.errors)
            return INVALID if INVALID in rates else tuple(rates)
        if node.kind != "map" or not node.value:
            return self.rate.parse(node, path, ctx)
        forms = (OBSERVED_FORM, *self.rate.forms())
        form = OBSERVED_FORM if "observed" in node.value else nearest_form(node.value, forms)
        if form is OBSERVED_FORM:
            return self.observed.parse(node, path, ctx)
        return self.rate.parse(node, path, ctx) if form is not None else refuse_forms(node, path, ctx, forms)

    def json_schema(self) -> dict[str, Any]:
        return {"description": "Share of subscribers who renew at each period end (default 0); or a list per renewal, "
                               "the last repeating; or {observed: [...]} survival to fit (sBG).",
                "anyOf": [self.rate.json_schema(), {"type": "array", "minItems": 1, "items": self.rate.json_schema()},
                          self.observed.json_schema()]}


def money(description: str) -> Number:
    return Number(0.0, None, description=description, unit=AMOUNT)


def count(description: str) -> Number:
    """Users, impressions, views, posts or orders: a number >= 0, maybe fractional (an expectation)."""
    return Number(0.0, None, description=description, unit=COUNT)


def rate(description: str) -> Number:
    return Number(0.0, 1.0, description=description)


def by_month(kind: Number) -> ByMonthOr:
    """A field that may be written ``{by_month: {...}}`` (docs/formulas.md §14)."""
    return ByMonthOr(kind)


NAME = Text(description="Name shown in tables.")
MONTHS = MonthSet()
MATCH = ListOf(Text(description="A case-insensitive glob (* ? [..]) over campaign names or ids."), MAX_MATCH_PATTERNS,
               description="Campaign names or ids in ad-platform exports that are this channel, as globs (`aigc-roi actuals`).")


@dataclass(frozen=True)
class ChannelShape(Obj):
    """A channel type's mapping, with the rule its budget form adds (``ChannelType.volumes``)."""

    volumes: tuple[str, ...] = ()
    unit_cost: str = ""
    needs: tuple[tuple[str, str], ...] = ()
    """(field, the field it needs): ``saturation_budget`` needs ``budget``."""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        parsed = super().parse(node, path, ctx)
        if parsed is not INVALID and len(self.volumes) == 2:
            self._check_budget_form(parsed, path, ctx)
        return parsed

    def keyed_by(self, node: Node) -> tuple[Node, ...]:
        # Its type says which keys a channel has: a key unknown or missing after a --set type=... is the option's.
        return (node.value["type"].value,) if "type" in node.value else ()

    def elsewhere(self, key: str, path: str) -> str | None:
        return channel_key_place(key, path)

    def _check_budget_form(self, parsed: Parsed, path: str, ctx: Context) -> None:
        """budget xor its volume; saturation and a positive unit cost need a budget."""
        budget, volume = self.volumes
        given = [key for key in self.volumes if key in parsed.nodes]
        if len(given) == 2:
            # At the one an option wrote (the volume when both or neither were): the file alone gave only the other.
            key = budget if set_within(parsed.nodes[budget]) and not set_within(parsed.nodes[volume]) else volume
            other = volume if key == budget else budget
            ctx.error(parsed.nodes[key], join_path(path, key), f"expected either {budget} or {volume}, found both",
                      among=(parsed.nodes[other],))
        elif not given:
            ctx.error(parsed.node, path, f"missing '{budget}' or '{volume}': one of them says how much is bought each month",
                      among=self.keyed_by(parsed.node))
        for key, needed in self.needs:
            if key in parsed.nodes and needed not in parsed.nodes:
                ctx.error(parsed.nodes[key], join_path(path, key), f"{key} needs {needed}, not {volume}",
                          among=tuple(parsed.nodes[form] for form in given))
        unit = self.unit_cost
        unit_value = parsed.values.get(unit)
        if budget not in parsed.nodes or unit_value is None:
            return
        # A range's median must be at least MIN_UNIT_COST; its draws are clipped up to it (model/sampling.py). Written
        # by month, every month must: the error points at the first month that is not.
        months = unit_value.points if isinstance(unit_value, ByMonth) else ((None, unit_value),)
        for month, value in months:
            if _median(value) < MIN_UNIT_COST:
                where = join_path(unit, "by_month") + f".{month}" if month is not None else unit
                node = month_node(parsed.nodes[unit], month) or parsed.nodes[unit]
                ctx.expected(node, join_path(path, where),
                             f"{unit} >= {MIN_UNIT_COST:g} when a {budget} is given (users = {budget} / {unit})",
                             among=(parsed.nodes[budget],))
                return


def month_node(node: Node, month: int | None) -> Node | None:
    """The value node of ``month`` in a ``{by_month: {...}}`` mapping; None for a value written once."""
    if month is None or node.kind != "map" or "by_month" not in node.value:
        return None
    schedule = node.value["by_month"].value
    if schedule.kind != "map":
        return None
    return next((entry.value for key, entry in schedule.value.items() if whole_number(key) == month), None)


def _median(value: Value) -> float:
    """The value a deterministic run uses: a range's median (spec 1.2: a range is valid when it lies in the domain)."""
    return value.median() if isinstance(value, Distribution) else float(value)


RETENTION = Obj({
    "points": RetentionPointsKind(rate("Share active at this age.")),
    "monthly_churn": rate("Share of active users lost each month: R(a) = (1 - churn)^a."),
    "days": KeyedShares(Number(0.0, 1.0, above_minimum=True, description="Share active on this day (0 < share <= 1).",
                               minimum_hint="a power law never reaches 0: give the smallest share your analytics show"),
                        "a day", 1, False, "{1: 45%, 7: 22%, 30: 12%}",
                        "Day-level retention (D1, D7, D30, ...), at least two days >= 1; fitted by a power law.",
                        fewest=MIN_RETENTION_DAYS),
}, description="How a cohort decays; exactly one of points, monthly_churn or days.",
    extra_schema={"oneOf": [{"required": ["points"]}, {"required": ["monthly_churn"]}, {"required": ["days"]}]})

CHANNEL_COMMON_HEAD: dict[str, Any] = {"name": NAME}
"""Fields every channel type has, before its ``type`` and its own fields (model/channels/base.py)."""
CHANNEL_COMMON_TAIL: dict[str, Any] = {
    "months": MONTHS,
    "match": MATCH,
    # What makes a channel's users worth more or less than the scenario's (docs/formulas.md §15).
    "retention": RETENTION,
    "conversion_index": Number(0.0, None, description="Multiplier on plan conversions and purchase rates for the users "
                                                      "this channel buys (default 1); index x a plan's conversions <= 1."),
}
"""Fields every channel type has, after its own."""


def _channel_field(info: FieldInfo) -> Number | ByMonthOr:
    number = {"rate": rate, "money": money}.get(info.unit, count)(info.description)
    return by_month(number) if info.by_month else number


_SHAPES: dict[type[ChannelType], ChannelShape] = {}


def channel_shape(cls: type[ChannelType]) -> ChannelShape:
    """The field table of one channel type, from its class (built once per class)."""
    if cls not in _SHAPES:
        _SHAPES[cls] = _shape_of(cls)
    return _SHAPES[cls]


def _shape_of(cls: type[ChannelType]) -> ChannelShape:
    """Its own fields' units and descriptions, required where the class gives no default, and exactly
    one of ``volumes`` when it has a budget form."""
    infos: dict[str, FieldInfo] = {f.name: f.metadata[FIELD_INFO] for f in cls.own_fields()}
    required = tuple(f.name for f in cls.own_fields() if f.default is dataclasses.MISSING)
    extra = {"oneOf": [{"required": [key]} for key in cls.volumes]} if cls.has_budget_form() else {}
    own = {key: _channel_field(info) for key, info in infos.items()}
    return ChannelShape({**CHANNEL_COMMON_HEAD, "type": Text(choices=(cls.type,)), **own, **CHANNEL_COMMON_TAIL},
                        required=("name", "type", *required), extra_schema=extra, volumes=cls.volumes, unit_cost=cls.unit_cost,
                        needs=tuple((key, info.needs) for key, info in infos.items() if info.needs))


def channel_key_place(key: str, path: str) -> str | None:
    """A channel's unknown key that is an ad platform's word for a price is told the field that holds it
    (reader/price_words.py), where a near spelling would misread it; any other is told where it belongs."""
    return price_word_hint(key) or belongs(key, path)


def channel_shapes() -> dict[str, Obj]:
    """Every registered channel type's field table, by its ``type:`` word."""
    return {name: channel_shape(cls) for name, cls in CHANNEL_TYPES.items()}


CHANNELS = Tagged(channel_shapes)

ITEM_FEE = rate("Store/payment share of this item's revenue; default monetization.revenue_fee.")
SHARE = Number(0.0, 1.0, ranges=False)

MONETIZATION = Obj({
    "plans": ListOf(Obj({
        "name": NAME,
        "price": by_month(money("Price per period.")),
        "period": Period(),
        "conversion": Conversion(rate("Share of new users who subscribe in their join month."),
                                 KeyedShares(rate("Share of the cohort subscribing at this age."), "an age in months", 0, True,
                                             "{0: 3%, 1: 1%, 3: 0.5%}", "Share of a cohort subscribing at age a months; sum <= 1.")),
        "renewal": Renewal(rate("Share of subscribers who renew at this period end."),
                           Obj({"observed": Observed(SHARE)}, required=("observed",))),
        "fee": ITEM_FEE,
    }, required=("name", "price", "period", "conversion")), MAX_PLANS, description="Subscriptions."),
    "purchases": ListOf(Obj({
        "name": NAME,
        "price": by_month(money("Price per purchase.")),
        "rate": by_month(Number(0.0, None, description="Purchases per active user per month.")),
        "fee": ITEM_FEE,
        "unit_cost": money("Cost of delivering one purchase (tutoring, printed goods); default 0."),
    }, required=("name", "price", "rate")), MAX_PURCHASES, description="One-off items."),
    "orders": ListOf(Obj({
        "name": NAME,
        "price": by_month(money("Price per order.")),
        "count": by_month(count("Orders per active month.")),
        "months": MONTHS,
        "fee": ITEM_FEE,
        "unit_cost": money("Cost of delivering one order (training compute); default 0."),
    }, required=("name", "price", "count")), MAX_ORDERS, description="B2B orders not tied to users (custom model training, ...)."),
    "revenue_fee": rate("Share of gross revenue lost to stores, payment and tax."),
}, section=True)

COSTS = Obj({
    "serving_per_active_user": by_month(money("Inference/compute cost per active user per month.")),
    "serving_per_subscriber": by_month(money("Extra compute per subscriber in force per month (default 0).")),
    "fixed": ListOf(Obj({
        "name": NAME,
        "monthly": by_month(money("Cost per running month.")),
        "months": MONTHS,
    }, required=("name", "monthly")), MAX_FIXED_COSTS),
}, section=True)

MILESTONE_FIELDS: dict[str, str] = {
    "subscribers": "Subscribers in force in the month must be at least this.",
    "gross_revenue": "Gross revenue of the month (money) must be at least this.",
    "new_users": "New users of the month must be at least this.",
    "active_users": "Active users of the month must be at least this.",
    "cumulative_cash": "Cumulative net cash at the end of the month (money) must be at least this.",
}
"""A milestone's series keys (model/scenario.py MILESTONE_KEYS), with what each bounds."""
MONEY_MILESTONES = ("gross_revenue", "cumulative_cash")
"""The milestones in money; the others count users or subscribers."""

GATES = ListOf(Obj({
    "name": NAME,
    "after_month": PlanMonth("The test runs in months 1..after_month (1..horizon_months - 1).", before_last=True),
    "channels": ListOf(Text(description="A channel's name."), MAX_CHANNELS, description="Names of the test channels.",
                       non_empty="a list of one or more channel names to test"),
    "min_roas": Number(0.0, None, ranges=False,
                       description="The test channels' attributed gross revenue paid in months 1..after_month "
                                   "over their spend must be at least this."),
    "max_cac": Number(0.0, None, ranges=False, unit=AMOUNT,
                      description="Their spend over the users they bought in those months must be at most this."),
    "then": ListOf(Text(description="A channel's name."), MAX_CHANNELS,
                   description="Channels that run after after_month only if the test passed."),
}, required=("name", "after_month", "channels"), description="A test that decides whether channels keep running.",
    extra_schema={"anyOf": [{"required": ["min_roas"]}, {"required": ["max_cac"]}]}),
    MAX_GATES, description="A staged plan: tests evaluated in order; a failed test stops its channels and the next ones.")

TARGETS = Obj({
    "max_payback_months": Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False, range_hint=A_TARGET,
                                 description="Payback month must be at most this."),
    "min_roi": Number(None, None, ranges=False, range_hint=A_TARGET, description="roi must be at least this."),
    "min_ltv_to_cac": Number(None, None, ranges=False, range_hint=A_TARGET, description="ltv_to_cac must be at least this."),
    "min_roas": Number(None, None, ranges=False, range_hint=A_TARGET, description="roas must be at least this."),
    "max_cac": Number(0.0, None, ranges=False, range_hint=A_TARGET, unit=AMOUNT,
                      description="cac (money per paid user) must be at most this."),
    "min_npv": Number(None, None, ranges=False, range_hint=A_TARGET, unit=AMOUNT, description="npv (money) must be at least this."),
    "min_payback_probability": Number(0.0, 1.0, ranges=False, range_hint=A_TARGET,
                                      description="Simulated chance (0..1) of payback within max_payback_months "
                                                  "(default 12) must be at least this."),
    "max_cash_need": Number(0.0, None, ranges=False, range_hint=A_TARGET, unit=AMOUNT,
                            description="peak_cash_need (money) must be at most this."),
    "milestones": ListOf(Obj({
        "month": PlanMonth("Month of the horizon."),
        **{key: Number(None if key == "cumulative_cash" else 0.0, None, ranges=False, range_hint=A_TARGET, description=description,
                       unit=AMOUNT if key in MONEY_MILESTONES else COUNT)
           for key, description in MILESTONE_FIELDS.items()},
    }, required=("month",), description="At least this much of one monthly series in the month.",
        extra_schema={"oneOf": [{"required": [key]} for key in MILESTONE_FIELDS]}),
        MAX_MILESTONES, description="Dated targets: {month: 6, subscribers: 1000}, one series each."),
    "max_npv_drop": DropLimitKind(description="With check --base: npv may fall at most this far from the base "
                                              "revision's, a share of it (10%) or an amount (5万)."),
    "max_payback_delay": Number(0, MAX_HORIZON_MONTHS, integer=True, ranges=False, range_hint=A_TARGET,
                                description="With check --base: payback_month may come at most this many months "
                                            "later than at the base revision."),
}, description="Guardrails that `aigc-roi check` enforces.", section=True)

HORIZON = Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False, description="Months modelled (default 24).")
START = Text(pattern=r"[0-9０-９]{4}-([0０][1-9１-９]|[1１][0-2０-２])", expected="a month YYYY-MM", hint=start_hint,
             description="Month 1 as YYYY-MM (1900-01 or later, all months by 9999-12); labels only.")

SCENARIO = Obj({
    "version": Number(1, 1, integer=True, ranges=False, wording="1 (the only format version)", counted="format version"),
    "name": Text(description="Scenario name."),
    "currency": CurrencyCode(description="ISO currency code, display only (default CNY)."),
    "horizon_months": HORIZON,
    "start": START,
    "discount_rate": Number(0.0, None, description="Annual discount rate used by NPV and LTV (default 0)."),
    "ltv_months": Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False,
                         description="Months over which LTV is counted (default horizon_months)."),
    "acquisition": ListOf(CHANNELS, MAX_CHANNELS, description="Paid acquisition channels."),
    "organic_users": by_month(count("New users per month that no channel bought.")),
    "virality": Number(0.0, 1.0, below_maximum=True,
                       description="Each month's new users bring k x as many next month."),
    "referral_reward": money("Money paid for each user a referral brings (a gift, a credit), in its join month; default 0."),
    "retention": RETENTION,
    "monetization": MONETIZATION,
    "costs": COSTS,
    "targets": TARGETS,
    "gates": GATES,
}, required=("name", "retention"))


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the scenario format, for editors: a tree of its own at every call, no node of
    it in two places."""
    return _own_tree({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://aigc-roi.dev/schema/scenario-v1.json",
        "title": "aigc-roi scenario, format version 1",
    } | SCENARIO.json_schema() | {"$defs": SCHEMA_DEFS | CHANNELS.schema_defs()})


def _own_tree(node: Any) -> Any:
    """``node`` with every mapping and list copied at each place it stands: the kinds' schemas share pieces (the
    module's ``SCHEMA_DEFS``, one number's schema in many fields), and the caller's change of one place (``api.schema``
    is a value, README) would otherwise change the others, and every later call's. A copy without deepcopy's memo,
    which would keep a piece shared within the tree."""
    if isinstance(node, dict):
        return {key: _own_tree(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_own_tree(item) for item in node]
    return node


__all__ = ["CHANNELS", "SCENARIO", "Kind", "Parsed", "json_schema"]
