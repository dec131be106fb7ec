"""Every field of the scenario format (spec section 2), with its kind and unit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aigc_roi.reader.kinds import (
    INVALID,
    MAX_CHANNELS,
    MAX_FIXED_COSTS,
    MAX_HORIZON_MONTHS,
    MAX_PLANS,
    MAX_PURCHASES,
    MAX_RETENTION_POINTS,
    SCHEMA_DEFS,
    Context,
    Kind,
    MonthSet,
    Number,
    Period,
    Text,
    check_keys,
)
from aigc_roi.reader.yamltree import Node, join_path


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

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        entries = check_keys(node, path, ctx, set(self.fields), self.required)
        if entries is INVALID:
            return INVALID
        values = {}
        for key, child in entries.items():
            value = self.fields[key].parse(child, join_path(path, key), ctx)
            if value is not INVALID:
                values[key] = value
        return Parsed(node, values, entries)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
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

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind == "scalar" and node.value is None:
            return []
        if node.kind != "seq":
            return ctx.expected(node, path, "a list")
        if self.max_items is not None and len(node.value) > self.max_items:
            return ctx.error(node, path, f"expected at most {self.max_items} items, found {len(node.value)}")
        items = [self.item.parse(child, join_path(path, i), ctx) for i, child in enumerate(node.value)]
        # Invalid items are already reported; the valid ones still get cross-field checks.
        return [item for item in items if item is not INVALID]

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Tagged:
    """A mapping whose ``type`` key picks its shape (the acquisition channels)."""

    variants: dict[str, Obj]

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "map":
            return ctx.expected(node, path, "a mapping")
        type_entry = node.value.get("type")
        if type_entry is None:
            return ctx.error(node, join_path(path, "type"), "missing required key 'type'")
        kind = type_entry.value.raw.strip() if type_entry.value.kind == "scalar" else ""
        if kind not in self.variants:
            return ctx.expected_word(type_entry.value, join_path(path, "type"), tuple(self.variants))
        return self.variants[kind].parse(node, path, ctx)

    def json_schema(self) -> dict[str, Any]:
        # if/then per type rather than oneOf: with oneOf an editor can only say
        # "matches none of 4 shapes"; with if/then it names the field that is wrong.
        branches = [{"if": {"properties": {"type": {"const": kind}}, "required": ["type"]},
                     "then": {"$ref": f"#/$defs/channel_{kind}"}} for kind in self.variants]
        return {"type": "object", "required": ["type"],
                "properties": {"type": {"title": "Type", "enum": list(self.variants),
                                        "description": "How the channel buys users: " + ", ".join(self.variants) + "."}},
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
            key_path = f"{path}[{key}]"
            if not re.fullmatch("[0-9]{1,4}", key) or not 1 <= int(key) <= ctx.horizon_months:
                ctx.error(entry.key, key_path, f"expected an age in months within 1..{ctx.horizon_months}, found {key}")
                continue
            # Keys are text, so 1 and 01 are different keys to YAML but the same age to the model.
            age = int(key)
            if age in first_of_age:
                first = first_of_age[age]
                ctx.error(entry.key, key_path, f"duplicate age {age}: '{key}' and '{first.raw}' (line {first.line}) name the same month")
                continue
            first_of_age[age] = entry.key
            share = self.share.parse(entry.value, key_path, ctx)
            if share is not INVALID:
                points.append((age, share, entry.value))
        return sorted(points, key=lambda point: point[0])

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "minProperties": 1, "maxProperties": MAX_RETENTION_POINTS, "additionalProperties": False,
                "patternProperties": {"^[0-9]+$": self.share.json_schema()},
                "description": "Share of a cohort active at age a months (age 0 is 1.0)."}


def field_title(key: str) -> str:
    """``saturation_budget`` -> ``Saturation budget``: the name an editor shows on hover."""
    return key.replace("_", " ").capitalize()


def money(description: str) -> Number:
    return Number(0.0, None, description=description)


def rate(description: str) -> Number:
    return Number(0.0, 1.0, description=description)


NAME = Text(description="Name shown in tables.")
MONTHS = MonthSet()


def _channel(kind: str, fields: dict[str, Any], required: tuple[str, ...], exclusive: tuple[str, str] | None) -> Obj:
    extra: dict[str, Any] = {}
    if exclusive:
        extra = {"oneOf": [{"required": [exclusive[0]]}, {"required": [exclusive[1]]}]}
    return Obj({"name": NAME, "type": Text(choices=(kind,)), **fields, "months": MONTHS},
               required=("name", "type", *required), extra_schema=extra)


SATURATION = money("Monthly spend at which the effective CAC has doubled (needs budget).")
CHANNELS = Tagged({
    "cpa": _channel("cpa", {
        "bid": money("Cost per acquired user."),
        "budget": money("Spend per active month."),
        "users": money("New users per active month."),
        "saturation_budget": SATURATION,
    }, ("bid",), ("budget", "users")),
    "cpm": _channel("cpm", {
        "cpm": money("Cost per 1,000 impressions."),
        "ctr": rate("Clicks per impression."),
        "cvr": rate("New users per click."),
        "budget": money("Spend per active month."),
        "impressions": money("Impressions per active month."),
        "saturation_budget": SATURATION,
    }, ("cpm", "ctr", "cvr"), ("budget", "impressions")),
    "kol": _channel("kol", {
        "posts": money("Posts per active month (may be fractional)."),
        "fee": money("Cost per post."),
        "views": money("Views of one post."),
        "view_to_user": rate("Share of views that become new users."),
        "views_decay": rate("Each further post in a month gets (1 - decay) of the previous one's views."),
    }, ("posts", "fee", "views", "view_to_user"), None),
    "flat": _channel("flat", {
        "cost": money("Cost per active month."),
        "users": money("Expected new users per active month."),
    }, ("cost", "users"), None),
})

RETENTION = Obj({
    "points": RetentionPointsKind(rate("Share active at this age.")),
    "monthly_churn": rate("Share of active users lost each month: R(a) = (1 - churn)^a."),
}, description="How a cohort decays; exactly one of points or monthly_churn.",
    extra_schema={"oneOf": [{"required": ["points"]}, {"required": ["monthly_churn"]}]})

MONETIZATION = Obj({
    "plans": ListOf(Obj({
        "name": NAME,
        "price": money("Price per period."),
        "period": Period(),
        "conversion": rate("Share of new users who subscribe in their join month."),
        "renewal": rate("Share of subscribers who renew at each period end (default 0)."),
    }, required=("name", "price", "period", "conversion")), MAX_PLANS, description="Subscriptions."),
    "purchases": ListOf(Obj({
        "name": NAME,
        "price": money("Price per purchase."),
        "rate": money("Purchases per active user per month."),
    }, required=("name", "price", "rate")), MAX_PURCHASES, description="One-off items."),
    "revenue_fee": rate("Share of gross revenue lost to stores, payment and tax."),
})

COSTS = Obj({
    "serving_per_active_user": money("Inference/compute cost per active user per month."),
    "fixed": ListOf(Obj({
        "name": NAME,
        "monthly": money("Cost per running month."),
        "months": MONTHS,
    }, required=("name", "monthly")), MAX_FIXED_COSTS),
})

TARGETS = Obj({
    "max_payback_months": Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False,
                                 description="Payback month must be at most this."),
    "min_roi": Number(None, None, ranges=False, description="roi must be at least this."),
    "min_ltv_to_cac": Number(None, None, ranges=False, description="ltv_to_cac must be at least this."),
    "min_roas": Number(None, None, ranges=False, description="roas must be at least this."),
    "max_cac": Number(0.0, None, ranges=False, description="cac (money per paid user) must be at most this."),
    "min_npv": Number(None, None, ranges=False, description="npv (money) must be at least this."),
    "min_payback_probability": Number(0.0, 1.0, ranges=False,
                                      description="Simulated chance (0..1) of payback within max_payback_months "
                                                  "(default 12) must be at least this."),
    "max_cash_need": Number(0.0, None, ranges=False, description="peak_cash_need (money) must be at most this."),
}, description="Guardrails that `aigc-roi check` enforces.")

HORIZON = Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False, description="Months modelled (default 24).")

SCENARIO = Obj({
    "version": Number(1, 1, integer=True, ranges=False, wording="1 (the only format version)"),
    "name": Text(description="Scenario name."),
    "currency": Text(pattern="[A-Z]{3}", expected="a 3-letter ISO currency code such as CNY",
                     description="ISO currency code, display only (default CNY)."),
    "horizon_months": HORIZON,
    "start": Text(pattern=r"\d{4}-(0[1-9]|1[0-2])", expected="a month YYYY-MM",
                  description="Month 1 as YYYY-MM; labels only."),
    "discount_rate": Number(0.0, None, description="Annual discount rate used by NPV and LTV (default 0)."),
    "ltv_months": Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False,
                         description="Months over which LTV is counted (default horizon_months)."),
    "acquisition": ListOf(CHANNELS, MAX_CHANNELS, description="Paid acquisition channels."),
    "organic_users": money("New users per month that no channel bought."),
    "virality": Number(0.0, 1.0, below_maximum=True,
                       description="Each month's new users bring k x as many next month."),
    "retention": RETENTION,
    "monetization": MONETIZATION,
    "costs": COSTS,
    "targets": TARGETS,
}, required=("name", "retention"))


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the scenario format, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://aigc-roi.dev/schema/scenario-v1.json",
        "title": "aigc-roi scenario, format version 1",
    } | SCENARIO.json_schema() | {"$defs": SCHEMA_DEFS | CHANNELS.schema_defs()}


__all__ = ["CHANNELS", "SCENARIO", "Kind", "Parsed", "json_schema"]
