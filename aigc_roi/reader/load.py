"""Scenario files in, typed ``Scenario`` out: the only module that reads files.

Reading is: bytes (size limit, UTF-8, BOM) -> located YAML tree
(``yamltree``) -> ``--set`` overrides applied to the tree -> field kinds
(``fields``) -> model dataclasses with the cross-field rules of spec
section 2. Every problem becomes a ``ScenarioError``; all are raised
together in one ``ScenarioInvalid``.
"""

from __future__ import annotations

import errno
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from aigc_roi.model import scenario as models
from aigc_roi.model.channels import channel_type
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, capped
from aigc_roi.model.limits import FIRST_MONTH, LAST_MONTH
from aigc_roi.model.limits import MAX_FILE_BYTES as MAX_FILE_BYTES
from aigc_roi.model.limits import MIN_RETENTION_DAYS as MIN_RETENTION_DAYS
from aigc_roi.model.names import listed
from aigc_roi.model.paths import channel_path, gate_cannot_tell, plan_path, sharing
from aigc_roi.reader import text_lines
from aigc_roi.reader.byte_order import wide_encoding
from aigc_roi.reader.currency_signs import DECIMAL_COMMA
from aigc_roi.reader.discount_warning import discount_warnings
from aigc_roi.reader.fields import HORIZON, NAME, SCENARIO, START, Parsed
from aigc_roi.reader.gate_warnings import gate_warnings
from aigc_roi.reader.kinds import INVALID, MAX_HORIZON_MONTHS, Context, ReusedParses, suggest_word
from aigc_roi.reader.legacy_code_pages import saved_as
from aigc_roi.reader.opening import cannot_read
from aigc_roi.reader.opening import not_a_regular_file as refused_kind
from aigc_roi.reader.overrides import Override, apply_overrides
from aigc_roi.reader.partial_warnings import partial_warnings
from aigc_roi.reader.shared_names import shared_name_warnings
from aigc_roi.reader.target_warning import scenario_ratios, target_warnings
from aigc_roi.reader.valid_scenarios import remember
from aigc_roi.reader.yamltree import Node, join_path, parse

BOM = "\ufeff"


@dataclass(frozen=True)
class LoadedScenario:
    """A valid scenario with the tree it came from (for locating its fields)."""

    kept_as_given: ClassVar[bool] = True
    """What the library hands back holds a plan as given (model/read_only.py): the caller's, which api functions take
    back and hold to the scenario its tree writes (api.py ``_plan``), its tree's mappings the reader's."""

    path: str
    scenario: models.Scenario
    tree: Node
    """``NO_TREE`` where it was not kept (a worker of `check`, ci/parallel.py): no field is then found in it."""
    file_tree: Node | None = None
    """The tree as the file wrote it, when ``--set`` changed ``tree``: what an audit of the inputs sets beside
    the values the options wrote. None without ``--set``."""
    warnings: tuple[ScenarioError, ...] = ()
    """What the file may hold but cannot have meant (reader/discount_warning.py,
    reader/target_warning.py, reader/gate_warnings.py, reader/shared_names.py): located as
    errors are and in the same order (line, then column), shown on stderr, failing nothing."""
    sets: tuple[str, ...] = ()
    """The ``--set`` options that changed ``tree`` (``Override.named``, as its nodes' ``source``), in the order given:
    what `check` lists the targets they wrote by."""
    read: models.Scenario | None = field(default=None, repr=False, compare=False)
    """The scenario the reader read from ``tree``: ``dataclasses.replace`` copies it beside the scenario it is given,
    so a plan whose ``scenario`` is still this one writes it without reading its tree again."""
    text: str = field(default="", repr=False)
    """The text ``file_tree`` (or, without sets, ``tree``) was read from, whose lines and columns its nodes give: what
    a re-forecast edits, which the file at ``path`` may no longer hold (edited since, or never written: a
    re-forecast's own ``path`` is the name it was given)."""


NO_TREE = Node("map", 0, 0, {})
"""The tree of a file whose tree was not kept: an empty mapping, in which ``find_node`` finds nothing."""


def writes_its_scenario(plan: LoadedScenario) -> bool:
    """Whether ``plan``'s tree reads as its scenario: not where ``dataclasses.replace`` gave it another, of which
    what reads the tree (the inputs as written, where a value is written) would tell the file's values. A plan whose
    tree was not kept is taken as read, and one whose scenario is the one read from it is not read again (the CLI's:
    `run --table inputs` and `report` read their file once)."""
    return plan.tree is NO_TREE or plan.scenario is plan.read or read_tree(plan.tree, plan.path)[0] == plan.scenario


def holds_its_text(plan: LoadedScenario) -> bool:
    """Whether the file at ``plan.path`` holds the text ``plan`` was read from: not where none does (a re-forecast
    never written, a text read under a name) or it was edited since, whose state in git is no state of ``plan``."""
    try:
        return decode(read_limited(plan.path, plan.path), plan.path) == plan.text
    except ScenarioInvalid:
        return False


def decode(data: bytes, filename: str) -> str:
    """UTF-8 text of a file, BOM removed; ScenarioInvalid otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise too_large(filename, len(data))
    wide = wide_encoding(data)
    if wide is not None:
        # What Windows Notepad saves as "Unicode": read as UTF-8 it fails at its first byte, which names no cause.
        raise ScenarioInvalid([ScenarioError(filename, 1, 1, "", f"expected UTF-8 text, found {wide}; save the file as UTF-8")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The bytes before the first that is not UTF-8 are text: located in it. Chinese, Japanese or Korean Windows
        # saves "ANSI" text in its code page, which the bytes may name.
        before = data[: exc.start].decode("utf-8", "replace")
        raise _not_utf8(filename, before, data[exc.start], saved_as(data)) from None
    hint = saved_as(data) if "\x1b" in text else None
    if hint is not None:
        # ISO-2022-JP is 7-bit, so UTF-8: its escapes (ESC $ B) would be refused as a YAML character, naming no cause.
        raise _not_utf8(filename, text[: text.index("\x1b")], 0x1B, hint)
    return text.removeprefix(BOM)


def _not_utf8(filename: str, before: str, byte: int, hint: str | None) -> ScenarioInvalid:
    """The refusal of ``byte``, found after the text ``before`` and located at its end (the byte-order mark takes no
    column), with ``hint``, what the bytes say the file was saved as, where they say it."""
    before = before.removeprefix(BOM)
    line, column = text_lines.position(before, len(before))
    message = f"expected UTF-8 text, found byte 0x{byte:02x}" + (f"; {hint}" if hint else "")
    return ScenarioInvalid([ScenarioError(filename, line, column, "", message)])


def load_text(text: str, filename: str, overrides: tuple[Override, ...] = ()) -> LoadedScenario:
    try:
        return _load_text(text, filename, overrides)
    except ScenarioInvalid as invalid:
        raise ScenarioInvalid(capped(invalid.errors, filename), invalid.warnings, invalid.file_warnings,
                              tuple(capped(list(invalid.file_errors), filename))) from None


def _nothing(text: str) -> str:
    """What a file that holds no YAML node holds: only comments (a template's lines left commented out, say), else
    nothing but spaces. (A file of only ``---`` holds one empty document: refused as "found nothing" at it.)"""
    return "only comments" if any(line.lstrip().startswith("#") for line in text.splitlines()) else "an empty file"


def _load_text(text: str, filename: str, overrides: tuple[Override, ...]) -> LoadedScenario:
    tree, errors = parse(text, filename)
    if tree is None:
        raise ScenarioInvalid(errors or [ScenarioError(filename, 1, 1, "", f"expected a scenario mapping, found {_nothing(text)}")])
    if tree.kind != "map":
        # Through a Context, as every error at a node: a file whose every line slipped (name:　x) is one text.
        root = Context(filename)
        root.expected(tree, "", "a scenario mapping (name:, retention:, ...)")
        raise ScenarioInvalid(errors + root.told())
    file_tree = tree
    try:
        tree = apply_overrides(tree, overrides)
    except ScenarioInvalid as refused:
        # Refused before the file is read with it, every kind alike (a name no item has, an index past its list, a
        # field word in Chinese, a month of a value written once, a value YAML refuses): the record `check` keeps
        # has the file's own errors and warnings beside the refusal, as beside a --set the reading refuses (``pric``),
        # read from the file as written (docs/ci.md: a file is fixed in one pass); ``warnings`` stays empty, so `run`
        # refuses the option in its one line.
        _, read_errors, file_warnings = _read(file_tree, filename)
        raise ScenarioInvalid(refused.errors, file_warnings=file_warnings,
                              file_errors=tuple(sorted(errors + read_errors, key=_error_order(filename)))) from None
    # Tree-level problems (duplicate keys, tags, aliases) leave a usable tree, so
    # validation still runs and the user sees every problem at once.
    scenario, read_errors, warnings = _read(tree, filename)
    if scenario is None or errors:
        raise ScenarioInvalid(sorted(errors + read_errors, key=_error_order(filename)), warnings)
    if any(".by_month" in override.path for override in overrides):
        # What a month set into a schedule moved besides it, against the file as written (read again only then).
        # Imported here: it walks the scenario with model/tree.py, which loads numpy, as `validate` of files without
        # a --set never does.
        from aigc_roi.reader.schedule_sets import schedule_set_warnings

        written, _, _ = _read(_set_whole(file_tree, overrides), filename)
        if written is not None:
            warnings = _in_order(warnings + schedule_set_warnings(scenario, written, tree, overrides), filename)
    return LoadedScenario(filename, scenario, tree, file_tree if overrides else None, warnings,
                          tuple(override.named for override in overrides), read=scenario, text=text)


def _set_whole(file_tree: Node, overrides: tuple[Override, ...]) -> Node:
    """The tree that a month set into a schedule is weighed against: the file with every setting but those of one
    month (``bid.by_month.3=40``), so a schedule another option set whole (``bid={by_month: {1: 10, 5: 20}}``) is
    compared as that option wrote it, whose months the month set moves as a file's (before, nothing was said)."""
    from aigc_roi.reader.kinds import BY_MONTH_KEY

    def of_a_month(override: Override) -> bool:
        _, by_month, month = override.path.rpartition(f".{BY_MONTH_KEY}.")
        return bool(by_month) and bool(month) and "." not in month

    whole = tuple(override for override in overrides if not of_a_month(override))
    try:
        return apply_overrides(file_tree, whole) if whole else file_tree
    except ScenarioInvalid:
        return file_tree  # as a check: the settings applied with the months, so they apply without


def _read(tree: Node, filename: str) -> tuple[models.Scenario | None, list[ScenarioError], tuple[ScenarioError, ...]]:
    """The scenario of a tree (None where it is invalid), its errors, and the warnings of what could be read of it,
    in the file's order."""
    try:
        scenario, warnings = read_warned(tree, filename)
    except ScenarioInvalid as invalid:
        # Names are read from the tree, so two items of one name are warned of beside another item's error.
        return None, invalid.errors, _in_order(invalid.warnings + shared_name_warnings(tree, filename), filename)
    return scenario, [], warnings


def read_warned(tree: Node, filename: str, code_built: bool = False) -> tuple[models.Scenario, tuple[ScenarioError, ...]]:
    """``read_tree``'s scenario with every warning of it (``LoadedScenario.warnings``): those its values drew as they
    were read and those of the whole scenario (a discount rate, a target, a gate, two items of one name), in the
    file's order, as its errors are (each kind's list alone once put a warning at line 15 before one at 3). Raises
    ``ScenarioInvalid`` as ``read_tree``. A ``Scenario`` built in code is read so too (reader/in_code.py)."""
    scenario, read_warnings = read_tree(tree, filename, code_built=code_built)
    return scenario, _in_order(read_warnings + discount_warnings(scenario.discount_rate, tree, filename, code_built)
                               + target_warnings(scenario_ratios(scenario), tree, filename, code_built)
                               + gate_warnings(scenario, tree, filename)
                               + shared_name_warnings(tree, filename), filename)


def _in_order(warnings: tuple[ScenarioError, ...], filename: str) -> tuple[ScenarioError, ...]:
    return tuple(sorted(warnings, key=_error_order(filename)))


def _error_order(filename: str) -> Any:
    return lambda error: (error.file != filename, error.line, error.column)


def load_path(path: str | Path, overrides: tuple[Override, ...] = ()) -> LoadedScenario:
    filename = str(path)
    return load_text(decode(read_limited(path, filename), filename), filename, overrides)


def read_limited(path: str | Path, filename: str) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file (enough for decode() to refuse a larger one).

    Opened without blocking and checked on the open descriptor, so a FIFO or
    device named *.yaml (``/dev/zero``, a pipe nobody writes to) is refused
    at once instead of hanging or being read without end.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # what opening a socket says: not a file to read
            raise not_a_regular_file(filename, stat.S_IFSOCK) from None
        raise ScenarioInvalid([ScenarioError(filename, 1, 1, "", cannot_read(path, exc))]) from None
    except ValueError as exc:
        raise unreadable(filename, exc) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise not_a_regular_file(filename, status.st_mode)
        if status.st_size > MAX_FILE_BYTES:
            raise too_large(filename, status.st_size)
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0 and (chunk := os.read(descriptor, remaining)):
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise unreadable(filename, exc) from None
    finally:
        os.close(descriptor)


def too_large(filename: str, size: int) -> ScenarioInvalid:
    """``size`` is the file's length, or MAX_FILE_BYTES + 1 for one that grew while being read."""
    return ScenarioInvalid([ScenarioError(filename, 1, 1, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} (1 MiB)")])


def not_a_regular_file(filename: str, mode: int) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(filename, 1, 1, "", refused_kind(mode, "a scenario file"))])


def unreadable(filename: str, exc: OSError | ValueError) -> ScenarioInvalid:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return ScenarioInvalid([ScenarioError(filename, 1, 1, "", f"cannot read file: {reason}")])


def build(tree: Node, filename: str, reused: ReusedParses | None = None) -> models.Scenario:
    """The typed scenario of a located tree; raises ScenarioInvalid with every problem. ``reused``: the list items'
    parses to keep across trees that share nodes, one dict for one file (``Context.reused``)."""
    return read_tree(tree, filename, reused=reused)[0]


def read_tree(tree: Node, filename: str, code_built: bool = False,
              reused: ReusedParses | None = None) -> tuple[models.Scenario, tuple[ScenarioError, ...]]:
    """``build``'s scenario, and the warnings its values drew as they were read (reader/amount_warning.py);
    ``code_built`` for the tree of a ``Scenario`` built in code (``Context.code_built``)."""
    ctx = Context(filename, code_built=code_built, reused=reused)
    horizon_entry = tree.value.get("horizon_months")
    if horizon_entry is not None:
        horizon = HORIZON.parse(horizon_entry.value, "horizon_months", Context(filename))
        ctx.horizon_months = horizon if horizon is not INVALID else MAX_HORIZON_MONTHS
        ctx.horizon_node = horizon_entry.value if horizon is not INVALID else None
    start_entry = tree.value.get("start")
    if start_entry is not None:
        # Read first, as the horizon is: a month written as a date is counted from it (kinds.py PlanMonth).
        start = START.parse(start_entry.value, "start", Context(filename))
        if start is not INVALID:
            year, month = start.split("-")
            ctx.start = (int(year), int(month))
    currency_entry = tree.value.get("currency")
    if currency_entry is not None and currency_entry.value.kind == "scalar":
        # Before the amounts, which its locales may group by dots (reader/dot_group_warning.py).
        written = currency_entry.value.raw.strip()
        ctx.decimal_comma = written if written in DECIMAL_COMMA else None
    parsed = SCENARIO.parse(tree, "", ctx)
    if parsed is not INVALID:
        _check_rules(parsed, ctx)
    if ctx.errors or parsed is INVALID:
        told = ctx.told()
        # The warnings of what could be read, beside the errors (docs/ci.md): the values' own, and the whole
        # scenario's (a discount rate, a target, a gate) of the fields read (reader/partial_warnings.py).
        whole = partial_warnings(parsed, ctx.errors, tree, filename, code_built) if parsed is not INVALID else ()
        raise ScenarioInvalid(sorted(told, key=_error_order(filename)),
                              tuple(sorted((*ctx.told_warnings(), *whole), key=_error_order(filename))))
    return remember(_scenario(parsed)), tuple(ctx.warnings)


def _check_rules(parsed: Parsed, ctx: Context) -> None:
    """The rules that involve more than one field (the README's format reference)."""
    for i, channel in enumerate(parsed.values.get("acquisition", [])):
        if "retention" in channel.values:
            _check_retention(channel.values["retention"], f"{channel_path(i)}.retention", ctx)
    if "retention" in parsed.values:
        _check_retention(parsed.values["retention"], "retention", ctx)
    if "start" in parsed.values:
        _check_start(parsed.values["start"], parsed.nodes["start"], ctx)
    monetization = parsed.values.get("monetization")
    plans = monetization.values.get("plans", []) if monetization is not None else []
    for i, plan in enumerate(plans):
        _check_plan(plan, plan_path(i), ctx)
    for i, channel in enumerate(parsed.values.get("acquisition", [])):
        if "conversion_index" in channel.values:
            _check_conversion_index(channel, f"{channel_path(i)}.conversion_index", plans, ctx)
    channels = _named_channels(parsed)
    for i, gate in enumerate(parsed.values.get("gates", [])):
        _check_gate(gate, f"gates[{i}]", channels, ctx)
    targets = parsed.values.get("targets")
    if targets is not None:
        for i, milestone in enumerate(targets.values.get("milestones", [])):
            _check_milestone(milestone, f"targets.milestones[{i}]", ctx)


@dataclass(frozen=True)
class _Named:
    """The file's named channels: their names, paths and name nodes (which a name in a gate that is none of them, or
    two of them, breaks a rule with: a channel renamed by a --set)."""

    names: list[str]
    paths: list[str]
    nodes: tuple[Node, ...]
    unnamed: tuple[Node, ...] = ()
    """What else says which channels there are, which a name that is none of them breaks a rule with too: the
    acquisition value where it is no list or a --set wrote it whole (``acquisition=null``), and each item that gave no
    named channel (``acquisition[1]=null``, a --set of a type no channel has)."""
    unread: frozenset[str] = frozenset()
    """The names written in items that gave no channel (a type missing or none of the types, ``type: 达人``): the
    item's own error is told, so a gate that names one is no unknown name, which would say the file has no such
    channel where it has one, unreadable."""


def _named_channels(parsed: Parsed) -> _Named:
    channels = parsed.values.get("acquisition", [])
    named = [(channel_path(i), channel) for i, channel in enumerate(channels) if "name" in channel.values]
    listed_at = parsed.nodes.get("acquisition")
    unnamed: tuple[Node, ...] = ()
    if listed_at is not None:
        # A channel whose name is read is told by its name node; an item read as none, by whatever a --set wrote in it.
        read = {id(channel.node) for _, channel in named}
        items = listed_at.value if listed_at.kind == "seq" else []
        whole = (listed_at,) if listed_at.kind != "seq" or listed_at.source is not None else ()
        unnamed = whole + tuple(item for item in items if id(item) not in read)
    return _Named([channel.values["name"] for _, channel in named], [path for path, _ in named],
                  tuple(channel.nodes["name"] for _, channel in named), unnamed, _unread_names(unnamed))


def _unread_names(items: tuple[Node, ...]) -> frozenset[str]:
    """The valid names written in ``items`` that were not read as channels, each read as a channel's name is (its
    errors told by the item, so to a scratch context here)."""
    names = (NAME.parse(item.value["name"].value, "name", Context(""))
             for item in items if item.kind == "map" and "name" in item.value)
    return frozenset(name for name in names if name is not INVALID)


def _check_gate(gate: Parsed, path: str, channels: _Named, ctx: Context) -> None:
    """Channels that exist, each named once and by a name no other channel has; a test month with months after it; a
    threshold (docs/formulas.md §18)."""
    channel_names = channels.names
    after = gate.values.get("after_month")
    if after is not None and after > ctx.horizon_months - 1:
        ctx.expected(gate.nodes["after_month"], join_path(path, "after_month"), f"a month within 1..{ctx.horizon_months - 1}",
                     "a gate decides what runs after its test, so a later month must follow", ctx.past_horizon(after + 1))
    if "min_roas" not in gate.nodes and "max_cac" not in gate.nodes:
        ctx.error(gate.node, path, "missing 'min_roas' or 'max_cac': one of them says when the test passes")
    first_at: dict[str, tuple[str, Node]] = {}
    for key in ("channels", "then"):
        node, names = gate.nodes.get(key), gate.values.get(key)
        if node is None or node.kind != "seq" or names is None or len(names) != len(node.value):
            continue  # null (no items), or an invalid item or list reported already
        for index, (item, name) in enumerate(zip(node.value, names, strict=True)):
            item_path = join_path(join_path(path, key), index)
            if name not in channel_names and name in channels.unread:
                continue  # the channel is written, but invalid: its own error says why, and this gate waits on it
            if name not in channel_names:
                known = listed(dict.fromkeys(channel_names)) if channel_names else "there is none"
                hint = suggest_word(name, tuple(channel_names))
                ctx.error(item, item_path, f"expected the name of a channel in acquisition ({known}), found {item.describe()}"
                          + (f"; {hint}" if hint else ""), among=channels.nodes + channels.unnamed)
            elif len(shared := sharing(channel_names, name)) > 1:
                # A gate took every channel of the name, where a test is of the channels meant: refused, as --set
                # refuses it. Gates are 1.2's, so no 1.1 file changes meaning (reader/shared_names.py).
                ctx.error(item, item_path, gate_cannot_tell(name, [channels.paths[i] for i in shared]),
                          among=tuple(channels.nodes[i] for i in shared))
            elif name in first_at:
                first, first_item = first_at[name]
                ctx.error(item, item_path, f"channel '{name}' is named twice in this gate (first at {first})",
                          among=(first_item,))
            else:
                first_at[name] = f"{key}[{index}]", item


def _check_milestone(milestone: Parsed, path: str, ctx: Context) -> None:
    """A month within the horizon and exactly one series to reach in it."""
    month = milestone.values.get("month")
    if month is not None and month > ctx.horizon_months:
        ctx.expected(milestone.nodes["month"], join_path(path, "month"), f"a month within 1..{ctx.horizon_months}",
                     among=ctx.past_horizon(month))
    keys = [key for key in models.MILESTONE_KEYS if key in milestone.nodes]
    if not keys and _unknown_keys(milestone):
        return
    if len(keys) != 1:
        found = "none" if not keys else " and ".join(keys)
        ctx.error_among([milestone.nodes[key] for key in keys], milestone.node, path,
                        f"expected exactly one of {', '.join(models.MILESTONE_KEYS[:-1])} or "
                        f"{models.MILESTONE_KEYS[-1]}, found {found}")


def _scenario(parsed: Parsed) -> models.Scenario:
    values = parsed.values
    start = values.get("start")
    return models.Scenario(
        name=values["name"],
        retention=_retention(values["retention"]),
        horizon_months=values.get("horizon_months", 24),
        currency=values.get("currency", "CNY"),
        start=tuple(int(part) for part in start.split("-")) if start else None,  # type: ignore[arg-type]
        discount_rate=values.get("discount_rate", 0.0),
        ltv_months=values.get("ltv_months"),
        acquisition=tuple(_channel(channel) for channel in values.get("acquisition", [])),
        organic_users=values.get("organic_users", 0.0),
        virality=values.get("virality", 0.0),
        referral_reward=values.get("referral_reward", 0.0),
        monetization=_monetization(values.get("monetization")),
        costs=_costs(values.get("costs")),
        targets=_targets(values.get("targets")),
        gates=tuple(_gate(gate) for gate in values.get("gates", [])),
    )


def _targets(parsed: Parsed | None) -> models.Targets:
    if parsed is None:
        return models.Targets()
    values = dict(parsed.values)
    milestones = tuple(_milestone(milestone) for milestone in values.pop("milestones", []))
    return models.Targets(**values, milestones=milestones)


def _milestone(parsed: Parsed) -> models.Milestone:
    key = next(key for key in models.MILESTONE_KEYS if key in parsed.values)
    return models.Milestone(parsed.values["month"], key, parsed.values[key])


def _gate(parsed: Parsed) -> models.Gate:
    values = parsed.values
    return models.Gate(values["name"], values["after_month"], tuple(values["channels"]), tuple(values.get("then", [])),
                       values.get("min_roas"), values.get("max_cac"))


def _channel(parsed: Parsed) -> models.Channel:
    values = dict(parsed.values)
    if "retention" in values:
        values["retention"] = _retention(values["retention"])
    if "match" in values:
        values["match"] = tuple(values["match"])
    return channel_type(values.pop("type"))(**values)


def _median(value: models.Value) -> float:
    return value.median() if isinstance(value, models.Distribution) else float(value)


_RETENTION_FORMS = ("points", "monthly_churn", "days")


def _check_start(start: str, node: Node, ctx: Context) -> None:
    """``start`` and the horizon's last month lie within the months every output can date (limits.py)."""
    year, month = (int(part) for part in start.split("-"))
    first = FIRST_MONTH[0] * 12 + FIRST_MONTH[1] - 1
    latest = LAST_MONTH[0] * 12 + LAST_MONTH[1] - 1 - (ctx.horizon_months - 1)
    if not first <= year * 12 + month - 1 <= latest:
        # Too late is the horizon's doing too: its last month is past LAST_MONTH.
        ctx.error(node, "start", f"expected a month from {FIRST_MONTH[0]}-{FIRST_MONTH[1]:02d} to "
                                 f"{latest // 12:04d}-{latest % 12 + 1:02d} (all {ctx.horizon_months} months by "
                                 f"{LAST_MONTH[0]}-{LAST_MONTH[1]:02d}), found {start}",
                  among=ctx.past_horizon(ctx.horizon_months + 1) if year * 12 + month - 1 > latest else ())


def _unknown_keys(parsed: Parsed) -> bool:
    """Whether the mapping has keys it knows not, each told already with the key it was meant as or the keys it may
    hold: where no form of it is written (retention's points, monthly_churn or days; a milestone's series), those
    are its errors, not also that none is (reader/value_forms.py, for a value's forms)."""
    return parsed.node.kind == "map" and len(parsed.node.value) > len(parsed.nodes)


def _check_retention(parsed: Parsed, path: str, ctx: Context) -> None:
    """The rules of a retention at ``path``: the scenario's or a channel's own (the same forms, the same rules)."""
    given = [form for form in _RETENTION_FORMS if form in parsed.nodes]
    if not given and _unknown_keys(parsed):
        return
    if len(given) != 1:
        found = "none" if not given else " and ".join(given)
        ctx.error_among([parsed.nodes[form] for form in given], parsed.node, path,
                        f"expected exactly one of 'points', 'monthly_churn' or 'days', found {found}")
        return
    if "days" in parsed.values:
        _check_days(parsed.values["days"], parsed.nodes["days"], f"{path}.days", ctx)
    previous, previous_node = 1.0, None
    for age, share, node in parsed.values.get("points", []):
        median = share.median() if isinstance(share, models.Distribution) else share
        if median > previous:
            # The earlier, lower point is the one to fix when an option wrote it.
            ctx.error_among([node, *([previous_node] if previous_node is not None else [])], node, f"{path}.points[{age}]",
                            f"expected a share <= {previous:g} (retention cannot rise with age), found {node.describe()}")
        elif median < previous:
            previous, previous_node = median, node


def _check_days(days: list[tuple[int, models.Value, Node]], node: Node, path: str, ctx: Context) -> None:
    """At least two days (their shares are above 0, reader/fields.py), on a fitted line that does not rise."""
    # A day refused (a file's at its key, one given twice in code at the field) is no day missing.
    if len(days) < MIN_RETENTION_DAYS and not any(error.path == path or error.path.startswith(f"{path}[")
                                                  for error in ctx.errors):
        ctx.error(node, path, f"expected at least two days to fit a curve, e.g. {{1: 45%, 30: 12%}}, found {len(days)}")
    slope = _fitted_slope(days) if len(days) >= 2 else 0.0
    if slope > 0:
        # A bump between two days is analytics noise the fit smooths over; a fit that rises would
        # have the cohort's active users climb back month after month (docs/formulas.md).
        ctx.error_among([share_node for _, _, share_node in days], node, path,
                        "expected shares that fall with the day overall (retention cannot rise "
                        f"with age), found a fitted power law that rises (b = {-slope:.4g})")


def _fitted_slope(days: list[tuple[int, models.Value, Node]]) -> float:
    """The least-squares slope of ln share on ln day over the medians: -b of the power law (docs/formulas.md)."""
    xs = [math.log(day) for day, _, _ in days]
    ys = [math.log(_median(share)) for _, share, _ in days]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0


def _check_conversion_index(channel: Parsed, path: str, plans: list[Parsed], ctx: Context) -> None:
    """index x a plan's conversions (summed over ages) <= 1: no more than all of the channel's users subscribe."""
    index = _median(channel.values["conversion_index"])
    for j, plan in enumerate(plans):
        conversion = plan.values.get("conversion")
        if conversion is None:
            continue
        total = sum(_median(share) for _, share, _ in conversion) if isinstance(conversion, list) else _median(conversion)
        if index * total > 1 + 1e-12:
            node = channel.nodes["conversion_index"]
            ctx.error_among([node, plan.nodes["conversion"]], node, path,
                            f"expected an index of at most {1 / total:.4g}: {plan_path(j)} converts {total:.4g} of "
                            f"a cohort and index x conversion must stay <= 1, found {node.describe()}")
            return


def _check_plan(plan: Parsed, path: str, ctx: Context) -> None:
    """Conversions by age sum to at most 1; observed survival has two or more non-increasing shares."""
    conversion = plan.values.get("conversion")
    if isinstance(conversion, list):
        total = sum(_median(share) for _, share, _ in conversion)
        if total > 1 + 1e-12:
            ctx.error_among([node for _, _, node in conversion], plan.nodes["conversion"], join_path(path, "conversion"),
                            f"expected conversions by age summing to at most 1 (each user subscribes once), found a sum of {total:.4g}")
    renewal = plan.values.get("renewal")
    if isinstance(renewal, Parsed) and "observed" in renewal.values:
        _check_observed(renewal.values["observed"], renewal.nodes["observed"], join_path(path, "renewal.observed"), ctx)


def _check_observed(shares: list[tuple[float, Node]], node: Node, path: str, ctx: Context) -> None:
    if len(shares) < 2:
        ctx.error(node, path, f"expected at least two shares (after the 1st and 2nd renewal) to fit a survival curve, found {len(shares)}")
        return
    for k in range(1, len(shares)):
        (before, before_node), (share, share_node) = shares[k - 1], shares[k]
        if share > before:
            ctx.error_among([share_node, before_node], share_node, join_path(path, k),
                            f"expected a share <= {before:g} (survival of the same first subscribers cannot rise), "
                            f"found {share_node.describe()}")
            return
    if all(share == 1 for share, _ in shares):
        ctx.error_among([share_node for _, share_node in shares], node, path,
                        "expected some churn to fit (write renewal: 1 instead), found every share at 100%")


def _retention(parsed: Parsed) -> models.Retention:
    if "monthly_churn" in parsed.values:
        return models.RetentionChurn(parsed.values["monthly_churn"])
    if "days" in parsed.values:
        return models.RetentionDays(tuple((day, share) for day, share, _ in parsed.values["days"]))
    return models.RetentionPoints(tuple((age, share) for age, share, _ in parsed.values["points"]))


def _monetization(parsed: Parsed | None) -> models.Monetization:
    if parsed is None:
        return models.Monetization()
    values = parsed.values
    plans = tuple(
        models.Plan(name=p.values["name"], price=p.values["price"], period_months=p.values["period"],
                    conversion=_conversion(p.values["conversion"]), renewal=_renewal(p.values.get("renewal", 0.0)),
                    fee=p.values.get("fee"))
        for p in values.get("plans", [])
    )
    purchases = tuple(models.Purchase(**p.values) for p in values.get("purchases", []))
    orders = tuple(models.Order(**p.values) for p in values.get("orders", []))
    return models.Monetization(plans, purchases, values.get("revenue_fee", 0.0), orders)


def _conversion(parsed: Any) -> models.Value | models.ConversionByAge:
    if isinstance(parsed, list):
        return tuple((age, share) for age, share, _ in parsed)
    return parsed


def _renewal(parsed: Any) -> models.Renewal:
    if isinstance(parsed, Parsed):
        return models.RenewalObserved(tuple(share for share, _ in parsed.values["observed"]))
    return parsed


def _costs(parsed: Parsed | None) -> models.Costs:
    if parsed is None:
        return models.Costs()
    values = parsed.values
    fixed = tuple(models.FixedCost(**item.values) for item in values.get("fixed", []))
    return models.Costs(values.get("serving_per_active_user", 0.0), fixed, values.get("serving_per_subscriber", 0.0))
