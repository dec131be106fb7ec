"""``--set PATH=VALUE``: what-if edits applied to the located YAML tree.

Overrides act on the tree before validation, so a value takes exactly the
file's syntax (``5%``, ``1.5万``, ``"300..1000"``, ``{low: 1, high: 2}``) and
is checked by the same rules; its errors name what gave it, not the file: the
option with its text (``--set acquisition[0].bid=abc``) on the command line, the
argument and item (``sets[1]``) in a library call (``Override.named``).

A path may start with an item's name, as people name things:
``抖音激活CPA.bid=10`` is ``acquisition[抖音激活CPA].bid=10`` when one channel,
plan, purchase, order or fixed cost of that name can take the rest, ``.bid`` (reader/item_names.py;
model/paths.py ``meant_by_name``, as for a name between brackets).
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.field_words import in_english, worded_field
from aigc_roi.model.ime_marks import EQUALS, PATH_MARKS, ime_slip
from aigc_roi.model.names import did_you_mean
from aigc_roi.model.paths import (
    UNWRITTEN,
    ChannelReader,
    NamesNothing,
    PathReader,
    RefusedName,
    channel_path,
    is_field_path,
    item_path,
    joined_path,
    list_index,
    names_something,
    no_path,
    path_end,
    read_or_none,
    split_path,
    two_readings,
    unwritten,
)
from aigc_roi.reader.dated_months import NO_DATES, date_hint, key_readings
from aigc_roi.reader.fields import SCENARIO, ListOf, Obj, Tagged
from aigc_roi.reader.item_keys import item_keys, kind_within
from aigc_roi.reader.item_names import (
    BRACKETED_LISTS,
    NAMED_LISTS,
    Candidate,
    Refused,
    Settable,
    UnknownKeys,
    having,
    items_of,
    meant,
    named_items,
    named_starts,
    suggested,
)
from aigc_roi.reader.kinds import BY_MONTH_KEY, RANGE_KEYS, ByMonthOr, suggest
from aigc_roi.reader.month_lengths import after_length, is_length, length_hint
from aigc_roi.reader.near_keys import nearest_key
from aigc_roi.reader.numbers import split_range, whole_number, written_date
from aigc_roi.reader.span_sets import WITHIN, left_to_key, span_sets
from aigc_roi.reader.worded_months import counted_month, month_readings
from aigc_roi.reader.yaml_causes import FILE_LAYOUT, SET_VALUE, SETS_ITEM_VALUE
from aigc_roi.reader.yamltree import (
    KEYED_MAPPINGS,
    Entry,
    Node,
    find_node,
    item_name,
    key_segment,
    not_utf8,
    one_line,
    parse,
    written_key,
)


@dataclass(frozen=True)
class Override:
    """One ``--set``: a field path and the YAML text of its new value."""

    path: str
    value: str
    typed: bool = False
    """Written by a person (``parse_override``): a bracketed number that is also another item's name is refused
    as ambiguous; paths the program builds (ci/changes.py) always mean the index."""
    given_as: str = "--set"
    """The command-line option (``--set``) or the library call's argument (``sets``) that gave it."""
    item: int | None = None
    """Its place in that argument's list; None where an option gave it."""
    channel: bool = False
    """A reference to a channel alone (``--lock``, ``--map``'s NAME: ``channel_at``), read as the channel part of a path
    is: it names nothing but a channel, and nothing follows it."""
    misshapen: str | None = None
    """The text as typed where it has no ``PATH=VALUE`` shape but would with an input method's marks as ASCII
    (``信息流。测试.bid＝20``), its path and value then empty: refused where it is applied, as only the file's names
    tell which of its marks are a name's own (``_refuse_an_ime_slip``)."""

    @property
    def named(self) -> str:
        """What gave it, as every message locates a problem in it and ``TypedInput.set_by`` says: the option with its
        text (``--set acquisition[0].bid=25``), as the command line wrote it, or the argument's item (``sets[1]``),
        which the caller can look up where a text alone would not say which of two equal ones it was."""
        return _named(self.given_as, self.item, f"{self.path}={self.value}" if self.misshapen is None else self.misshapen)


def _named(given_as: str, item: int | None, text: str) -> str:
    return f"{given_as} {text}" if item is None else f"{given_as}[{item}]"


_PATH_EXAMPLE = "expected PATH=VALUE such as acquisition[0].bid=25"
_NESTED = re.compile(r"\[[^\]]*\[")
"""A bracket opened inside a bracket (``acquisition[A[1]].bid``): an item's name holding brackets, which the file
read refuses with the item's path (``_refuse_a_bracketed_name``)."""
SETTING_MARKS = EQUALS + PATH_MARKS
"""What an input method types for the ``=``, dots and brackets of ``PATH=VALUE``."""


def parse_overrides(texts: tuple[str, ...], option: str | None = None) -> tuple[Override, ...]:
    """A library call's ``sets``, each named in messages by its place (``sets[1]``), or, where they came from a
    command-line ``option`` (the CLI passes ``--set``), as that option with its text."""
    if option is not None:
        return tuple(parse_override(text, option) for text in texts)
    return tuple(parse_override(text, "sets", item) for item, text in enumerate(texts))


def parse_override(text: str, given_as: str = "--set", item: int | None = None) -> Override:
    """``"acquisition[0].bid=25"`` or ``"抖音激活CPA.bid=25"`` -> Override, given as the option ``given_as`` or as
    ``item`` of the call's argument so named (``Override``); ScenarioInvalid when malformed."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        # A command line that is not UTF-8 reaches Python as lone surrogates (PEP 383).
        shown = _named(given_as, item, text.encode("utf-8", "backslashreplace").decode())
        raise ScenarioInvalid([ScenarioError(shown, 1, 1, "", not_utf8(text[error.start]))]) from None
    path = _setting_path(text)
    if path is None:
        if ime_slip(text, SETTING_MARKS, lambda fixed: _setting_path(fixed) is not None) is not None:
            # Which marks to write as ASCII is told on the file (apply_overrides): ``信息流。测试.bid＝20`` keeps the
            # first ``。`` where a channel is so called, and a name holding ``＝`` its own.
            return Override("", "", typed=True, given_as=given_as, item=item, misshapen=text)
        if "=" in text and in_english(text[:text.index("=")]):
            # A field word in Chinese (月度会员.价格=29): which key it means is told on the file (``_field_word``).
            return Override("", "", typed=True, given_as=given_as, item=item, misshapen=text)
        raise ScenarioInvalid([ScenarioError(_named(given_as, item, text), 1, 1, "", _PATH_EXAMPLE + _found(text, item))])
    return Override(path, text[path_end(text) + 1:].strip(), typed=True, given_as=given_as, item=item)


def _found(text: str, item: int | None) -> str:
    """The text a malformed setting is refused with where its location does not show it: the command line's is the
    option with its text, an item of a call's list is named by its place."""
    return "" if item is None else f", found {text!r}"


def _setting_path(text: str) -> str | None:
    """The path of ``PATH=VALUE``, without its outer spaces; None where ``text`` has no such shape."""
    end = path_end(text)
    path = text[:end].strip()
    return path if text[end:end + 1] == "=" and _well_formed(path) else None


def _well_formed(path: str) -> bool:
    """A path ``--set`` reads on: a field path, a name followed by one, or one holding a name with brackets."""
    return bool(path) and (split_path(path) is not None or bool(named_starts(path)) or bool(_NESTED.search(path)))


def _as_typed(message: str, override: Override) -> str:
    """A YAML error in the value with the cause a value typed on one line has: ``name=[bold]x`` is no file
    with text after its end, but text meant as it is, which quotes keep whole (``--set 'name="[bold]x"'``;
    ``'name="[bold]x"'`` in a library call's ``sets``)."""
    problem, _, cause = message.rpartition("; ")
    if cause not in FILE_LAYOUT:
        return message
    import json  # on this error's path only: validating a file imports no json (tests/contract/test_startup.py)

    quoted = f"{override.path}={json.dumps(override.value, ensure_ascii=False)}"  # JSON's "..." is YAML's too
    if override.item is not None:
        return f"{problem}; {SETS_ITEM_VALUE.format(override.given_as, repr(quoted))}"
    return f"{problem}; {SET_VALUE.format(override.given_as, override.given_as + ' ' + shlex.quote(quoted))}"


def _by_name(tree: Node, override: Override) -> str:
    """The override's path with a leading item name written out in full (module docstring): of the items so called,
    the one on which the rest of the path can be set (reader/item_names.py)."""
    segments = split_path(override.path)
    keys = {*(tree.value if tree.kind == "map" else {}), *SCENARIO.fields}
    if override.typed:
        _refuse_a_bracketed_name(tree, keys, override)
    # A path that starts with a key of the file or of the format is a field path; so is one whose first key is indexed
    # (zzz[0].bid): it names a list, never an item.
    if segments is not None and (segments[0].startswith("[") or is_field_path(override.path, keys)
                                 or len(segments) < 2 or segments[1].startswith("[")):
        if override.typed:
            narrowed = _narrow_two_readings(tree, segments, override)
            _refuse_an_indexed_name(tree, segments, keys, override)
            _refuse_a_name_alone(tree, segments, keys, override)
            if narrowed != segments:
                return joined_path(narrowed)
        return override.path
    if is_field_path(override.path, keys):
        # `` retention .bid``: a key of the file with spaces, which no field path holds, is not read as a name either.
        raise _fail(override, _PATH_EXAMPLE)
    starts = named_starts(override.path)
    if not starts:
        return override.path
    items = named_items(tree)
    settable = _settable(override)
    called = [(name, rest, candidates) for name, rest in starts
              if (candidates := [candidate for other, candidate in items if other == name])]
    if called:
        # A name holding dots is read at the split the rest can be set after (``a.b.bid``: the item named a.b's bid).
        name, rest, candidates = next((start for start in called if having(split_path(start[1]) or [], start[2], settable)),
                                      called[0])
        try:
            return f"{meant(name, split_path(rest) or [], candidates, settable)}.{rest}"
        except Refused as refused:
            raise _refused(override, refused) from None
    name, rest = starts[0]
    fields = [name, *(split_path(rest) or [])]
    # ``bid.by_month.6``: a field of items, written without its item; else a name like an item's.
    holding = [candidate for _, candidate in items if candidate.keys is not None and name in candidate.keys]
    near = [joined_path([candidate.offered, *fields]) for candidate in having(fields, holding, settable)
            if candidate.offered is not None]
    if holding and not near and holding[0].offered is not None:
        return joined_path([holding[0].offered, *fields])  # the walk says what stops it, with the path that sets it
    near = near or suggested(name, fields[1:], items + named_items(tree, BRACKETED_LISTS), settable)
    if not near and segments is not None and nearest_key(name, SCENARIO.fields):
        return override.path  # a field misspelt: validation names the key it resembles
    # Else an example that sets as written: the first item that has the rest.
    example = [joined_path([candidate.offered, *fields[1:]]) for _, candidate in items
               if candidate.offered is not None and having(fields[1:], [candidate], settable)][:1]
    hint = f"; {did_you_mean(list(dict.fromkeys(near)))}" if near else \
        f"; write a field path such as {example[0]}" if example else ""
    raise _fail(override, f"no channel, plan, purchase, order or fixed cost is named '{name}'{hint}")


def _refuse_a_bracketed_name(tree: Node, keys: set[str], override: Override) -> None:
    """Refuse a path that writes an item's name holding brackets or ``=`` (model/paths.py ``UNWRITTEN``), by its name
    alone (``A[1].bid``, ``k=v.bid``) or between its list's brackets (``acquisition[A[1]].bid``): a path reads the
    brackets as an index and ``=`` as its end, so the item is written at its index (model/paths.py ``item_path``),
    which the refusal offers; several so named, those on which the rest can be set. Read on the text as written, path
    and value, as ``--set 'k=v.bid=20'`` reads as the path ``k``."""
    written, items = f"{override.path}={override.value}", _named_items(tree, override)
    field_path = is_field_path(override.path, keys)
    # A channel's reference ends at the channel: ``A[1].bid`` names none.
    ends = ("=",) if override.channel else ("=", ".", "[")
    for called in dict.fromkeys(name for name, _ in items if set(name) & set(UNWRITTEN)):
        found = [(candidate, after) for name, candidate in items if name == called
                 for prefix in ([] if field_path else [called]) + [f"{candidate.item.rsplit('[', 1)[0]}[{called}]"]
                 if written.startswith(prefix) and (after := written[len(prefix):])[:1] in ends]
        if not found:
            continue
        after = found[0][1]
        end = path_end(after)
        rest = split_path(after[:end].removeprefix(".")) or []
        # Located at the path as written, not at the part before the name's '='.
        at = dataclasses.replace(override, path=written[:len(written) - len(after) + end], value=after[end + 1:])
        _refuse_offering(unwritten(called), [candidate for candidate, _ in found], rest, at)


def _refuse_an_indexed_name(tree: Node, segments: list[str], keys: set[str], override: Override) -> None:
    """Refuse ``A[1].bid`` where A is no key of the file but an item's name: an item holds no list to index, so the
    refusal offers the item's path with the rest written after the index (``acquisition[A].bid``)."""
    if len(segments) < 2 or segments[0] in keys or segments[0].startswith("[") or not segments[1].startswith("[") \
            or (override.channel and len(segments) > 2):
        return
    called = [candidate for name, candidate in _named_items(tree, override) if name == segments[0]]
    if called:
        _refuse_offering(f"'{segments[0]}' is an item's name, not a list to hold item {segments[1]}", called,
                         segments[2:], override)


def _named_items(tree: Node, override: Override) -> list[tuple[str, Candidate[str]]]:
    """The named items ``override`` may name: a channel reference's, the channels alone."""
    items = named_items(tree)
    return [(name, candidate) for name, candidate in items if candidate.item.startswith("acquisition[")] \
        if override.channel else items


def _refuse_offering(head: str, candidates: list[Candidate[str]], rest: list[str], override: Override) -> None:
    """Refuse with ``head``, offering each of ``candidates`` on which ``rest`` can be set (each where none can), with
    the rest after its path; where one has no path (model/paths.py ``item_path``), saying so."""
    meant = having(rest, candidates, _settable(override)) or candidates
    if any(candidate.offered is None for candidate in meant):
        raise _refuse(override, f"{head}, and {SO_CALLED}")
    raise _refuse(override, f"{head}: write {' or '.join(joined_path([candidate.offered or '', *rest]) for candidate in meant)}")


SO_CALLED = "no path names each item so called: give each a name of its own"


def _refuse_a_name_alone(tree: Node, segments: list[str], keys: set[str], override: Override) -> None:
    """Refuse ``x={...}`` where x is no key of the file but an item's name: an item is set whole at its list's path."""
    if len(segments) > 1 or segments[0].startswith("[") or segments[0] in keys:
        return
    called = [candidate.offered for name, candidate in named_items(tree, NAMED_LISTS + BRACKETED_LISTS)
              if name == segments[0]]
    places = [place for place in called if place is not None]
    if len(places) < len(called):
        raise _fail(override, no_path(segments[0], len(called)))
    if places:
        raise _fail(override, f"'{segments[0]}' is an item's name, not a key of the file: set the item whole at its "
                              f"path, {' or '.join(places)}")


def _settable(override: Override) -> Settable:
    """Whether ``override`` could put a value at a path inside a node: the walk it sets its path by, on a copy."""

    def settable(node: Node, segments: list[str]) -> bool:
        try:
            _put(node, list(segments), Node("scalar", 1, 1, None, raw=""), override, kind=None)
        except ScenarioInvalid:
            return False
        return True

    return settable


def _narrow_two_readings(tree: Node, segments: list[str], override: Override) -> list[str]:
    """``segments`` with a bracketed number that is one item's index and another item's name (``acquisition[1]``
    where item 1 is not the item named ``1``) narrowed as a shared name is (docs/formulas.md §12): to the one of the
    two on which the rest of the path can be set, written by its index. Both: refused, as either reading is a guess,
    giving both items by name alone (``1.bid``, ``0.bid``), which never reads as an index, a whole item at its list's
    path (``acquisition[y]``), and saying so where one of them has no path (model/paths.py ``item_path``). Neither,
    its key known to neither: the key refused as the loader refuses it, with the key it resembles."""
    segments = list(segments)
    node: Node | None = tree
    for position, segment in enumerate(segments):
        if node is None:
            break
        if node.kind == "seq":
            index = list_index(segment.strip("[]")) if segment.startswith("[") else None
            if index is None or index >= len(node.value):
                break
            names = [item_name(item) for item in node.value]
            named = [i for i, name in enumerate(names) if name == segment.strip("[]")]
            if named and named != [index]:
                meant = _one_reading(node.value, segments, position, (index, named[0]), override)
                if meant is None:
                    raise _two_readings(tree, segments, position, (index, named[0]), names, override)
                index = meant
                segments[position] = f"[{index}]"
            node = node.value[index]
        elif node.kind == "map":
            entry = node.value.get(written_key(node, segment.strip("[]")))
            node = entry.value if entry is not None else None
        else:
            break
    return segments


def _one_reading(items: list[Node], segments: list[str], position: int, readings: tuple[int, int],
                 override: Override) -> int | None:
    """Of the two items a bracketed number at ``segments[position]`` reads as, the one on which the rest of the path
    can be set; None where both can (or the path ends at them). Neither: the rest's key refused where neither may hold
    it, else None."""
    rest = segments[position + 1:]
    candidates = [Candidate(index, None, items[index], item_keys(segments[:position], items[index])) for index in readings]
    fitting = having(rest, candidates, _settable(override))
    if len(fitting) == 1:
        return fitting[0].item
    field = rest[0] if rest and not rest[0].startswith("[") else None
    known = {key for candidate in candidates for key in candidate.keys or ()}
    if not fitting and field is not None and known and field not in known:
        raise _refuse(override, f"unknown key '{field}'{suggest(field, known)}", UnknownKey)
    return None


def _two_readings(tree: Node, segments: list[str], position: int, readings: tuple[int, int],
                  names: list[str | None], override: Override) -> Refusal:
    """The refusal of ``segments[position]``, read both as the index and as the name of ``readings``, offering each."""
    # An item without a name is left out: no path names it, its index being the other's name.
    meant = [_path_to(tree, segments[:position], i, names, segments[position + 1:], override)
             for i in readings if names[i] is not None]
    paths = [path for path, _ in meant]
    offered = None if None in paths else [path for path in paths if path is not None]
    alone = {alone for path, alone in meant if path is not None}
    return _refuse(override, two_readings(segments[position], names[readings[0]], offered,
                                          alone=alone.pop() if len(alone) == 1 else None))


def _path_to(tree: Node, above: list[str], index: int, names: list[str | None], rest: list[str],
             override: Override) -> tuple[str | None, bool]:
    """The path that sets ``rest`` on the item at ``index`` of the list at ``above`` (its items' ``names``), with
    whether it is by the item's name alone: so where more follows it, or where it is a channel's reference, and
    ``--set`` reads it as that item (a name alone never reads as an index; it may be a key of the file, hold a bracket
    or name an item of another list with the rest), else at its list's path where that names it (model/paths.py
    ``item_path``); None where neither does."""
    meant = indexed_path(tree, joined_path([*above, f"[{index}]", *rest]), override.given_as, typed=False)
    name, place = names[index], item_path(joined_path(above), index, names)
    written = ([(joined_path([name, *rest]), True)] if name is not None and (rest or override.channel) else []) + \
        ([(joined_path([place, *rest]), False)] if place is not None else [])
    return next(((path, alone) for path, alone in written if _reads_as(tree, path, meant, override)), (None, False))


def _reads_as(tree: Node, path: str, meant: str | None, override: Override) -> bool:
    """Whether ``--set`` reads ``path`` as the place ``meant`` (``indexed_path``; a channel's reference, ``channel_at``)."""
    try:
        if override.channel:
            index = channel_at(tree, path, override.given_as)
            return index is not None and channel_path(index) == meant
        return meant is not None and indexed_path(tree, path, override.given_as) == meant
    except ScenarioInvalid:
        return False


def indexed_path(tree: Node, path: str, given_as: str, typed: bool = True) -> str | None:
    """``path`` as ``--set`` reads it on ``tree``, each item it passes written by its index (``B.bid``,
    ``acquisition[B].bid``: ``acquisition[1].bid``), so that ``--grid`` takes the paths ``--set`` takes as the same
    values (docs/formulas.md §12); ``given_as`` the option that gave it, ``typed`` as ``Override``'s. None where it
    names no item ``--set`` would set inside (a name no item has, an index past its list, a malformed path), for the
    caller's own error of an unknown path; a path past the items keeps its keys as written, the file's or not. Refusal
    in ``--set``'s words where ``--set`` refuses it as able to mean several places, or as no path of its form names
    the item meant."""
    return _indexed(tree, Override(path.strip(), "", typed=typed, given_as=given_as))


def _indexed(tree: Node, override: Override) -> str | None:
    """``indexed_path`` of ``override``'s path."""
    if not _well_formed(override.path):
        return None
    try:
        segments = split_path(_by_name(tree, override))
        node: Node | None = tree
        kind: Any = SCENARIO
        indexed: list[str] = []
        for position, segment in enumerate(segments or []):
            if node is None or node.kind != "seq":
                entry = node.value.get(written_key(node, segment.strip("[]"))) if node is not None and node.kind == "map" \
                    else None
                node = entry.value if entry is not None else None
                indexed.append(_segment_named(segment))
            else:
                child = _child(node, segments or [], position, override, create=False, kind=kind, root=tree)
                indexed.append(f"[{_position(node.value, child)}]")
                node = child
            kind = kind_within(kind, segment, node) if node is not None else None
    except Refusal:
        raise
    except ScenarioInvalid:
        return None
    return joined_path(indexed) if segments else None


def _segment_named(segment: str) -> str:
    """A segment of a path past the items as ``indexed_path`` gives it: as written, but a month, an age or a day in
    the ASCII digits of the number it names (yamltree.py ``key_segment``), as every path of the file's keys is."""
    number = whole_number(segment.strip("[]"))
    return segment if number is None else f"[{number}]" if segment.startswith("[") else str(number)


def channel_at(tree: Node, reference: str, given_as: str) -> int | None:
    """The index of the channel ``reference`` names (``--lock``, ``--min``, ``--max``, ``--map``'s NAME, given as
    ``given_as``), read as ``--set`` reads the channel part of a path (docs/formulas.md §12): ``acquisition[i]``,
    ``acquisition[NAME]`` or the name alone, narrowed to the channels of that name, which is all such a reference
    names. None where it names no channel, for the caller's own error; Refusal in ``--set``'s words where ``--set``
    refuses that channel part: a bracketed number that is one channel's index and another's name, a name several
    channels share, a name holding brackets, a channel's name indexed, a key of the file (which a path reads as the
    file's key, never as the channel so named)."""
    override = Override(reference.strip(), "", typed=True, given_as=given_as, channel=True)
    path = override.path
    keys = {*(tree.value if tree.kind == "map" else {}), *SCENARIO.fields}
    _refuse_a_bracketed_name(tree, keys, override)
    segments = split_path(path)
    channels = items_of(tree, "acquisition")
    names = [item_name(channel) for channel in channels]
    if is_field_path(path, keys):
        if segments is not None and len(segments) == 2 and segments[0] == "acquisition" and segments[1].startswith("["):
            indexed = _indexed(tree, override)
            return list_index((split_path(indexed) or ["", ""])[1]) if indexed is not None else None
        called = [Candidate(channel_path(index), item_path("acquisition", index, names), channel, None)
                  for index, (channel, name) in enumerate(zip(channels, names, strict=True)) if name == path]
        if called:
            _refuse_offering(f"'{path}' is a key of the file, not a channel's name", called, [], override)
        return None
    if segments is not None:
        _refuse_an_indexed_name(tree, segments, keys, override)
    candidates = [Candidate(index, item_path("acquisition", index, names), channel, item_keys(["acquisition"], channel))
                  for index, (channel, name) in enumerate(zip(channels, names, strict=True)) if name == path]
    if not candidates:
        return None
    try:
        return meant(path, [], candidates, _settable(override))
    except Refused as refused:
        raise _refused(override, refused) from None


def path_reader(tree: Node, given_as: str) -> PathReader:
    """``indexed_path`` on ``tree``, for whatif/, which reads no tree (``_named_refusals``)."""
    return _named_refusals(lambda path: indexed_path(tree, path, given_as))


def item_names(tree: Node) -> list[str]:
    """The names of ``tree``'s items that a path may name (channels, plans, ...): an input method's mark inside one is
    the name's own before it is a slip (model/ime_marks.py)."""
    return [name for name, _ in named_items(tree)]


def channel_reader(tree: Node, given_as: str) -> ChannelReader:
    """``channel_at`` on ``tree``, for whatif/, which reads no tree (``_named_refusals``)."""
    return _named_refusals(lambda reference: channel_at(tree, reference, given_as))


Read = TypeVar("Read")


def _named_refusals(read: Callable[[str], Read]) -> Callable[[str], Read]:
    """``read`` with its refusals model/paths.py's ``RefusedName``, in ``--set``'s words: the error whatif/ knows."""

    def named(text: str) -> Read:
        try:
            return read(text)
        except Refusal as refused:
            raise (NamesNothing if isinstance(refused, UnknownKey) else RefusedName)(refused.errors[0].message) from None

    return named


def _set_source(node: Node, source: str) -> None:
    node.source = source
    if node.kind == "map":
        for entry in node.value.values():
            _set_source(entry.key, source)
            _set_source(entry.value, source)
    elif node.kind == "seq":
        for child in node.value:
            _set_source(child, source)


def _fail(override: Override, message: str) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(override.named, 1, 1, _named_path(override.path), message)])


def _named_path(path: str) -> str:
    """``path`` as a refusal names it: each month, age or day in the ASCII digits of the number it names
    (``bid.by_month.６``: ``bid.by_month.6``), as the path of a file's key is (yamltree.py ``key_segment``). A key is a
    segment after a dot, or in brackets after one of ``KEYED_MAPPINGS`` (``points[６]``); any other in brackets is an
    item, which a name that is a number may mean, kept as written."""
    segments = split_path(path)
    if segments is None:
        return path
    return joined_path([_segment_named(segment) if not segment.startswith("[") or (at and segments[at - 1] in KEYED_MAPPINGS)
                        else segment for at, segment in enumerate(segments)])


class Refusal(ScenarioInvalid):
    """A path that could mean more than one place, or one that no path of its form can name, refused with the paths
    that do: what ``--grid`` refuses as ``--set`` does (``indexed_path``), where a path that names nothing is its own
    error of an unknown driver."""


class UnknownKey(Refusal):
    """A key none of the items a path may mean holds, refused offering the keys like it: the path names no place as
    written (model/paths.py ``NamesNothing``)."""


def _refuse(override: Override, message: str, kind: type[Refusal] = Refusal) -> Refusal:
    return kind([ScenarioError(override.named, 1, 1, _named_path(override.path), message)])


def _refused(override: Override, refused: Refused) -> Refusal:
    """``refused``, of item_names.py, as a Refusal of ``override``."""
    return _refuse(override, str(refused), UnknownKey if isinstance(refused, UnknownKeys) else Refusal)


def _refuse_a_month(parent: Node, segments: list[str], position: int, kind: Any, override: Override,
                    root: Node | None = None) -> None:
    """Refuse ``by_month`` at ``segments[position]`` under a value (of the format's ``kind``; None where unknown) that is
    no by_month schedule: a number, a range as text or as a mapping (``{dist: triangular, ...}``), a conversion by age,
    retention points. Each is one value, replaced whole, which a field by month may be by a schedule: one line at the
    option, not each key of the file's value unknown beside a by_month. ``root``: the file, whose start and horizon
    say which months a span asked names."""
    if segments[position] != BY_MONTH_KEY or (parent.kind == "map" and (not parent.value or BY_MONTH_KEY in parent.value)):
        return
    whole = joined_path(segments[:position])
    if isinstance(kind, ByMonthOr):
        start, horizon = _plan_months(root)
        months = segments[position + 1:]
        written = months[0].strip("[]") if months else ""
        length = length_hint(written, "key", horizon, True) if months and is_length(written) else None
        if length is not None and after_length(written) is None:
            # 6个月 is six months long, no month: no schedule is keyed by it (month_lengths.py).
            raise _fail(override, f"cannot set one month of a value written once; {length}")
        readings = key_readings(written, start, horizon) if months else None
        number = counted_month(written) if months else None
        if number is not None and not 1 <= int(number) <= horizon:
            # by_month.30 of 24 months, by_month.0: a month the file refuses, as 30月 (below).
            readings = []
        if readings == [] and date_hint(written, start, horizon) == NO_DATES:
            # 2025-08 in a plan with no start: no month of it to count, as the file is told (dated_months.py).
            raise _fail(override, f"cannot set one month of a value written once; {NO_DATES}")
        if readings == []:
            # A month none of whose readings lies within the horizon (3-30 of 18, 30月, a date past it or before the
            # start, or one with no start to count from): no schedule of it is one to write.
            raise _fail(override, "cannot set one month of a value written once; replace it whole, with months "
                                  f"within 1..{horizon}")
        schedules = _schedules_meant(parent, segments[position + 1:], override, root)
        raise _fail(override, "cannot set one month of a value written once; replace it whole, such as " + ", or ".join(
            f"{whole}={{by_month: {schedule}}}{meaning}" for schedule, meaning in schedules)
            + (f"; {DRAWN_APART}" if any(_draws_apart(schedule) for schedule, _ in schedules) else ""))
    a_value = not isinstance(kind, Obj | ListOf | Tagged) if kind is not None else \
        parent.kind != "map" or set(parent.value) <= RANGE_KEYS
    if a_value:
        raise _fail(override, f"cannot set one month of {whole}: by_month is not allowed on this field")


def _plan_months(root: Node | None) -> tuple[tuple[int, int] | None, int]:
    """The file's start (year, month), None where it has none or writes none the reader reads, and its horizon (24
    where unwritten, as the reader's default: reader/load.py)."""
    values = root.value if root is not None and root.kind == "map" else {}
    start, horizon = values.get("start"), values.get("horizon_months")
    months = whole_number(horizon.value.raw) if horizon is not None and horizon.value.kind == "scalar" else None
    dated = written_date(start.value.raw) if start is not None and start.value.kind == "scalar" else None
    return dated, months if months is not None and months >= 1 else 24


def _schedules_meant(once: Node, months: list[str], override: Override, root: Node | None) -> list[tuple[str, str]]:
    """The schedules a set of one month of ``once`` may mean, each with the reading it holds (" if it means ..."; ""
    where there is one): a month written in words or as a date (``6月``, ``M3``, ``2025-08``) or a span (``3-6``,
    ``3月-6月``, ``前6个月``, ``3个月后``, ``2025-04~2025-06``) is no key the file reads, so each of its readings within
    the horizon (the plan's months, the calendar's where the start makes them others: dated_months.py
    ``key_readings``) is offered by its numbers (``_keyed``); any other month as ``_schedule_meant`` offers it."""
    start, horizon = _plan_months(root)
    readings = key_readings(months[0].strip("[]"), start, horizon) if months else None
    if not readings:
        return [(_schedule_meant(once, months, override), "")]
    before = one_line(once)
    # As _schedule_meant: only a month set whole takes the value asked (by_month.3-6.low leaves none for them).
    asked = override.value if len(months) == 1 else before
    schedules = [(_keyed(low, high, asked, before, horizon), meaning) for low, high, meaning in readings]
    return [(schedules[0][0], "")] if len(schedules) == 1 else [(schedule, f" if it means {meaning}")
                                                                for schedule, meaning in schedules]


DRAWN_APART = ("each key of a by_month is drawn on its own (docs/formulas.md §14): a range at two keys is two draws, "
               "where a range written once is one draw for every month")
"""Said where an offered schedule holds a range at two keys: the value written once was one draw for every month."""


def _drawn(text: str) -> bool:
    """A value as written that ``simulate`` draws: a range (``20..40``) or a distribution (``{dist: ...}``)."""
    return split_range(text) is not None or text.lstrip().startswith("{")


def _draws_apart(schedule: str) -> bool:
    """Whether ``schedule`` (as ``_keyed`` writes it) holds a drawn value at two keys or more."""
    values = [value for _, value in _SCHEDULE_KEY.findall(schedule)]
    return any(_drawn(value) and values.count(value) > 1 for value in values)


_SCHEDULE_KEY = re.compile(r"(?:\{|, )(\d+): ((?:\{[^{}]*\}|[^,{}])+)")
"""A key and its value in a schedule ``_keyed`` writes: ``{1: 20..40, 5: {dist: normal, mean: 3, sd: 1}, 6: 20}``."""


def _keyed(low: int, high: int, asked: str, before: str, horizon: int) -> str:
    """The schedule of a value written once, ``before``, with ``asked`` at month ``low`` (through ``high``, a span): one
    month as ``_schedule_meant`` keys a number (``{1: 18, 6: 20}``); a span at both its ends, the value written once
    kept at the months around it, since by_month runs linearly from the key before and holds its last key to the end
    (docs/formulas.md §14): months 3 to 6 of 18 are ``{1: 18, 2: 18, 3: 20, 6: 20, 7: 18}``, where ``{1: 18, 3: 20,
    6: 20}`` ramped to 20 over months 1 to 3 and kept it after month 6 (key_holds.py)."""
    # A range written once is one draw for every month, but each key of a by_month is drawn on its own (§14): its
    # key at month low - 1 alone, which by_month holds back to month 1, keeps one draw through the months before;
    # {1: 20..40, 5: 20..40, 6: 20} blended two draws over months 2 to 4.
    keys: dict[int, str] = {1: before} if low > 1 and not (_drawn(before) and low > 2) else {}
    # The value written once holds through the month before the one asked (key low - 1), which by_month would
    # otherwise ramp from month 1: 6月 of 30 set to 20 is {1: 30, 5: 30, 6: 20}, not {1: 30, 6: 20}.
    keys |= {low - 1: before} if low > 2 and (asked != before or _drawn(before)) else {}
    keys |= {low: asked} if low == high else {low: asked, high: asked}
    keys |= {high + 1: before} if high < horizon and low != high else {}
    return "{" + ", ".join(f"{month}: {value}" for month, value in keys.items()) + "}"


def _schedule_meant(once: Node, months: list[str], override: Override) -> str:
    """The schedule a set of one month of ``once`` means, for the refusal to offer: month 1 keeps the value as the file
    writes it (``3000``, ``{low: 10, high: 15}``), the month asked takes the value asked, its key the number of the
    plan's month it names (``M3``: 3), which the file reads. A set of ``by_month`` itself
    gives the schedule where it gives months; where it gives none, month 1 alone shows the form without a guess."""
    if not months:
        return override.value if override.value.lstrip().startswith("{") else f"{{1: {one_line(once)}}}"
    written = months[0].strip("[]")
    # A month that names no month of the plan alone (6月 may be June, 2025-08 a date) keeps its key as written: the
    # schedule followed is refused at that key with the month hint (write 6, or the calendar month's number), where
    # month 1 alone, followed, dropped the value asked without a word (QA).
    month = counted_month(written)
    # Only a month set whole takes the value asked: a part of it (``by_month.6.low``) leaves no value for the month.
    asked = override.value if len(months) == 1 else one_line(once)
    if month is not None and int(month) >= 1:
        # A month of the plan by its number, kept to as a worded one is (``_keyed``): the value written once holds
        # through the month before, where {1: 30, 6: 20} ramped from 30 to 20 over months 2 to 5.
        return _keyed(int(month), int(month), asked, one_line(once), int(month))
    return f"{{1: {one_line(once)}, {month or key_segment(written)}: {asked}}}"


def _refuse_a_span_key(schedule: Node, segments: list[str], position: int, override: Override,
                       root: Node | None) -> None:
    """Refuse a span of months set as one key of a schedule the file writes by month (``by_month.前3个月=25`` on
    ``{1: 30, 6: 20}``) with the --set options that write it (span_sets.py), each reading where it has two: the file's
    hint, told once the key is set, says to write a key there once or drop one, which --set does otherwise."""
    if position < 1 or segments[position - 1] != BY_MONTH_KEY or position != len(segments) - 1 \
            or schedule.kind != "map" or not schedule.value:
        return
    start, horizon = _plan_months(root)
    keys = {whole_number(key): one_line(entry.value) for key, entry in schedule.value.items()}
    readings = key_readings(segments[position].strip("[]"), start, horizon)
    if not readings or any(month is None or not 1 <= month <= horizon for month in keys) \
            or all(low == high for low, high, _ in readings):
        return  # a month of its own, or the file's keys refused in their own words
    numbered = {month: value for month, value in keys.items() if month is not None}
    field = joined_path(segments[:position - 1])
    offers = [(span_sets(numbered, low, high, override.value, horizon, field), meaning)
              for low, high, meaning in readings]
    told = ", or ".join(f"{offer[0]}" + (f" if it means {meaning}" if meaning and len(offers) > 1 else "")
                        for offer, meaning in offers)
    notes = [WITHIN] if any(offer[1] for offer, _ in offers) else []
    notes += [left_to_key(month) for month in dict.fromkeys(month for offer, _ in offers for month in offer[2])]
    raise _fail(override, "; ".join([f"cannot set a span of months as one by_month key; write {told}", *notes]))


def _child(parent: Node, segments: list[str], position: int, override: Override, create: bool, kind: Any = None,
           root: Node | None = None) -> Node:
    """The node under ``parent`` at ``segments[position]``, made when ``create`` (a mapping; the next segment says
    whether a list was meant); ``parent`` of the format's ``kind`` (None where unknown), in the file ``root``."""
    _refuse_a_month(parent, segments, position, kind, override, root)
    segment = segments[position]
    following = segments[position + 1] if position + 1 < len(segments) else ""
    if parent.kind == "seq":
        inner = segment.strip("[]")
        index = list_index(inner)
        if index is not None:
            if len(inner) > 1 and inner[0] in "0０":
                # As in the file, where 01 is no number: [000...0] is a slip, not item 0.
                raise _fail(override, f"expected an item index without leading zeros, found {inner}")
            if index >= len(parent.value):
                raise _fail(override, f"no item {inner}: {_holding(len(parent.value))}")
            return parent.value[index]
        # A name is read without its outer spaces (reader/kinds.py Text), and every output shows it so: looked up so.
        names = [item_name(item) for item in parent.value]
        named = [index for index, name in enumerate(names) if name == inner.strip()]
        rest, settable, prefix = segments[position + 1:], _settable(override), joined_path(segments[:position])
        if named:
            candidates = [Candidate(index, item_path(prefix, index, names), parent.value[index],
                                    item_keys(segments[:position], parent.value[index])) for index in named]
            try:
                index = meant(inner.strip(), rest, candidates, settable)
            except Refused as refused:
                raise _refused(override, refused) from None
            if len(named) > 1:
                # The path a hint further on offers names the item by its index, as the shared name would not.
                segments[position] = f"[{index}]"
            return parent.value[index]
        # As for a name alone (_by_name): the item it resembles, by case, width and spaces or spelling.
        others = [(name, Candidate(index, item_path(prefix, index, names), item, item_keys(segments[:position], item)))
                  for index, (item, name) in enumerate(zip(parent.value, names, strict=True)) if name is not None]
        near = suggested(inner.strip(), rest, others, settable)
        raise _fail(override, f"no item named '{inner}'" + (f"; {did_you_mean(near)}" if near else ""))
    if parent.kind != "map":
        raise _fail(override, f"cannot set '{segment}' inside a value that is not a mapping")
    key = written_key(parent, segment.strip("[]"))
    entry = parent.value.get(key)
    if entry is not None and create and entry.value.kind == "scalar" and entry.value.value is None \
            and not following.startswith("["):
        # ``costs:`` with nothing under it is the empty mapping the loader reads (reader/fields.py Obj.section).
        entry = Entry(entry.key, Node("map", entry.value.line, entry.value.column, {}, source=override.named))
        parent.value[key] = entry
    if entry is None:
        if not create:
            raise _fail(override, f"no key '{key}' here")
        if following.startswith("["):
            # A new mapping would be reported as "expected a list": say which list is missing instead, or which
            # list of the file was meant, since only one the file holds can have an item to index.
            lists = [name for name, held in parent.value.items() if held.value.kind == "seq"]
            list_meant = nearest_key(key, lists)
            fix = (f"did you mean '{joined_path([*segments[:position], list_meant, *segments[position + 1:]])}'?" if list_meant
                   else "add it to the file first")
            raise _fail(override, f"no list '{key}' here to hold item {following}; {fix}")
        entry = Entry(Node("scalar", 1, 1, key, raw=key, source=override.named),
                      Node("map", 1, 1, {}, source=override.named))
        parent.value[key] = entry
    return entry.value


def _copied(node: Node) -> Node:
    """``node`` with a container of its own (its children still shared)."""
    if node.kind == "map":
        return dataclasses.replace(node, value=dict(node.value))
    if node.kind == "seq":
        return dataclasses.replace(node, value=list(node.value))
    return node


def _holding(count: int) -> str:
    """What a list of ``count`` items holds, in words: ``the list has 1 item``, not ``1 items``."""
    return "the list is empty" if not count else f"the list has {count} item{'s' if count > 1 else ''}"


def _position(items: list[Node], node: Node) -> int:
    """Where ``node`` is in a list, found by identity: equal items of a list are different places."""
    return next(i for i, item in enumerate(items) if item is node)



def _own_child(parent: Node, child: Node) -> Node:
    """``child``, copied into ``parent`` (whose container is its own) in its place."""
    copied = _copied(child)
    if parent.kind == "seq":
        parent.value[_position(parent.value, child)] = copied
    else:
        key = next(key for key, entry in parent.value.items() if entry.value is child)
        parent.value[key] = Entry(parent.value[key].key, copied)
    return copied


def apply_overrides(tree: Node, overrides: tuple[Override, ...]) -> Node:
    """The tree with each override's value put at its path (later ones win), as a new tree that shares every node
    the overrides do not write through: ``tree`` is left as it was (ci/changes.py builds thousands from one file),
    at the cost of the paths set rather than of the whole file."""
    for override in overrides:
        if override.misshapen is not None:
            _refuse_an_ime_slip(tree, override)
        value, errors = parse(override.value, override.named)
        if errors:
            raise ScenarioInvalid([ScenarioError(e.file, e.line, e.column, _named_path(override.path),
                                                 _as_typed(e.message, override))
                                   for e in errors])
        if value is None:
            value = Node("scalar", 1, 1, None, raw="")
        _set_source(value, override.named)
        try:
            tree = _put(tree, split_path(_by_name(tree, override)) or [], value, override)
        except ScenarioInvalid as invalid:
            # A refusal offering the places a path names reads as written; one offering a key it is like does not.
            if not isinstance(invalid, Refusal) or isinstance(invalid, UnknownKey):
                _refuse_an_ime_slip(tree, override)
            # 月度会员.价格.by_month.6 reads as a name with a dot in it, which names nothing: the field word is the slip.
            _refuse_a_field_word(tree, override, f"{override.path}={override.value}")
            raise
    return tree


def _refuse_an_ime_slip(tree: Node, override: Override) -> None:
    """Refuse a typed setting that names nothing on ``tree`` as written, and something with an input method's ``＝``,
    dots or brackets as ASCII (``信息流。cpm=20``, ``acquisition【2】.cpm=20``), the marks of the file's names kept
    (model/ime_marks.py); one without ``PATH=VALUE``'s shape (``Override.misshapen``) is refused either way."""
    if not override.typed:
        return
    read = path_reader(tree, override.given_as)
    # Only a setting without its shape may have typed its '＝': in one with it, a '＝' is the value's.
    written, marks = (f"{override.path}={override.value}", PATH_MARKS) if override.misshapen is None else \
        (override.misshapen, SETTING_MARKS)
    slip = ime_slip(written, marks, lambda text: (path := _setting_path(text)) is not None and names_something(read, path),
                    item_names(tree))
    if slip:
        raise ScenarioInvalid([ScenarioError(override.named, 1, 1, "", f"{_PATH_EXAMPLE}; {slip}")]) from None
    if override.misshapen is not None:
        _refuse_a_field_word(tree, override, override.misshapen)
        raise ScenarioInvalid([ScenarioError(override.named, 1, 1, "", _PATH_EXAMPLE + _found(written, override.item))])


def _refuse_a_field_word(tree: Node, override: Override, written: str) -> None:
    """Refuse a typed setting ``written`` (``PATH=VALUE``) whose field is a Chinese word with the path it meant, the
    path after the word kept (``月度会员.价格.by_month.6``: ``月度会员.price.by_month.6``)."""
    if not override.typed:
        return
    read = path_reader(tree, override.given_as)
    guesses = _field_word(tree, written, read)
    if not guesses and "=" in written:
        # The item names nothing either (激火.出价 where the file has 激活): the key's path is refused as --set refuses
        # it (no channel ... named '激火'; write acquisition[激活].bid), where the field word got the generic
        # 'expected PATH=VALUE'.
        guesses = [(through + tail, through + tail) for through, tail in worded_field(written[:written.index("=")])][:1]
    if not guesses:
        return
    path = written[:written.index("=")].strip()
    value = written[written.index("=") + 1:].strip()
    # A path offered is one --set takes: each guess is set on the file and read as --set's would be, the first taken
    # offered, and where none is, the first one's refusal said (月度会员.出价: a plan has no bid, it belongs in a
    # channel), where '月度会员.bid' was offered and refused once followed.
    refusals = []
    for worded, key in guesses:
        # 6月 by its number (by_month.6), as the file's key is told; where it may be two months, each by its number,
        # offered where both are taken, else tried as written, whose refusal gives each reading.
        months = _months_meant(tree, worded)
        if len(months) > 1 and all(_refusal_of(tree, dataclasses.replace(override, path=numbered, value=value,
                                                                          misshapen=None), key) is None
                                   for numbered, _ in months):
            raise _field_word_meant(override, path, ", or ".join(f"'{numbered}' if it means {meaning}"
                                                                   for numbered, meaning in months))
        guess = months[0][0] if len(months) == 1 else worded
        refusal = _refusal_of(tree, dataclasses.replace(override, path=guess, value=value, misshapen=None), key)
        if refusal is None:
            raise _field_word_meant(override, path, f"'{guess}'")
        refusals.append((guess, refusal))
    guess, refusal = refusals[0]
    raise ScenarioInvalid([ScenarioError(override.named, 1, 1, "", f"'{path}' writes a field in Chinese, and a path "
                                         f"takes its key, but '{guess}' is refused too: {refusal}")]) from None


def _field_word_meant(override: Override, path: str, meant: str) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(override.named, 1, 1, "", f"'{path}' writes a field in Chinese, and a path "
                                          f"takes its key: did you mean {meant}?")])


_WORDED_MONTH = re.compile(r"(.*\.by_month\.)([^.\[\]]+)(.*)", re.DOTALL)
"""A path through a month of a schedule: what comes before the month, the month, what follows it."""


def _months_meant(tree: Node, path: str) -> list[tuple[str, str]]:
    """``path`` with a month of a schedule written in words (``by_month.6月``), which the file refuses as a key, by
    its number, or by each where it may be two (``6月`` from a March start: 6, or 4), each with its reading
    (worded_months.py ``month_readings``); ``path`` alone where it writes no such month."""
    # Read as text: a path that starts with an item's name is no field path split_path splits.
    month = _WORDED_MONTH.fullmatch(path)
    start, horizon = _plan_months(tree)
    readings = month_readings(month[2], start, horizon) if month else None
    if month is None or not readings:
        return [(path, "")]
    return [(f"{month[1]}{number}{month[3]}", meaning) for number, meaning in readings]


def _refusal_of(tree: Node, guess: Override, key: str) -> str | None:
    """Why ``guess`` is refused, set on ``tree`` and the file read with it, as ``--set`` would: its own refusal, or
    the first error the reading finds at ``key`` (the indexed path of the key it sets) or under it; None where it is
    taken (another place's error is the file's own, no matter of the key)."""
    try:
        applied = apply_overrides(tree, (guess,))
    except ScenarioInvalid as invalid:
        return invalid.errors[0].message
    from aigc_roi.reader.load import read_tree  # load.py imports this module

    try:
        read_tree(applied, "--set")
    except ScenarioInvalid as invalid:
        return next((error.message for error in invalid.errors
                     if error.path == key or error.path.startswith((f"{key}.", f"{key}["))), None)
    return None


def _field_word(tree: Node, text: str, read: PathReader) -> list[tuple[str, str]]:
    """The paths ``text`` (``PATH=VALUE``) may have meant where its field is a Chinese word (model/field_words.py),
    each with the indexed path of its key: of the keys the word may mean, those the item has on ``tree`` first, then
    the others; empty where the word is none, or the rest of the path names nothing (its own refusal says why)."""
    if "=" not in text:
        return []
    guesses = worded_field(text[:text.index("=")])
    readable = [(through + tail, indexed) for through, tail in guesses
                if read_or_none(read, through + tail) is not None and (indexed := read_or_none(read, through)) is not None]
    # Whether the item has the key is asked of the path through it: by_month.6 after it may be set, not held.
    held = [(guess, key) for guess, key in readable if find_node(tree, key) is not None]
    return held + [guess for guess in readable if guess not in held]


def _put(tree: Node, segments: list[str], value: Node, override: Override, kind: Any = SCENARIO) -> Node:
    """``tree`` (of the format's ``kind``; None where unknown, an item's) with ``value`` at the path of ``segments``,
    as a new tree sharing every node it does not write through; ScenarioInvalid where the path cannot be set. What
    tells the item a name means (``_settable``)."""
    tree = _copied(tree)
    parent = tree
    for position in range(len(segments) - 1):
        child = _child(parent, segments, position, override, create=True, kind=kind, root=tree)
        kind = kind_within(kind, segments[position], child)
        parent = _own_child(parent, child)
    _refuse_a_month(parent, segments, len(segments) - 1, kind, override, tree)
    _refuse_a_span_key(parent, segments, len(segments) - 1, override, tree)
    last = segments[-1]
    if parent.kind == "seq":
        target = _child(parent, segments, len(segments) - 1, override, create=False)
        parent.value[_position(parent.value, target)] = value
    elif parent.kind == "map":
        key = written_key(parent, last.strip("[]"))
        existing = parent.value.get(key)
        key_node = existing.key if existing else Node("scalar", 1, 1, key, raw=key, source=override.named)
        parent.value[key] = Entry(key_node, value)
    else:
        raise _fail(override, f"cannot set '{last}' inside a value that is not a mapping")
    return tree
