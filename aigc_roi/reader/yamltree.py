"""YAML text to a tree of located nodes, built from the parser's events.

Building from events (not ``yaml.load``) is what makes the format safe and
precise: tags, anchors and aliases are refused before anything is
constructed (so no code runs and no alias bomb expands), duplicate keys are
seen, nesting depth is bounded while parsing, and every node keeps the line
and column a message must point to.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.ime_marks import ASCII_TWINS, FLOW_BRACKETS
from aigc_roi.model.limits import MAX_DEPTH as MAX_DEPTH
from aigc_roi.model.limits import MAX_MAPPING_KEYS as MAX_MAPPING_KEYS
from aigc_roi.model.limits import MAX_SCALARS as MAX_SCALARS
from aigc_roi.model.paths import list_index
from aigc_roi.reader import comma_split, scalar_source, text_lines
from aigc_roi.reader.item_commas import ITEM_COMMAS, first_comma, items_meant
from aigc_roi.reader.numbers import ForeignNumber, decimal_to_float, is_number_text, number_decimal, whole_number
from aigc_roi.reader.yaml_causes import MAX_KEY, cause, long_key

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}


Slip = tuple[int, int, str]
"""Line and column of a look-alike character, and the slip it is (``SPACE_SLIPS``, ``COLON_SLIP``)."""


@dataclass
class Node:
    """A mapping, sequence or scalar with its 1-based position."""

    kind: str
    """``map``, ``seq`` or ``scalar``."""
    line: int
    column: int
    value: Any = None
    """dict[str, Entry] for a map, list[Node] for a seq, a Python scalar otherwise."""
    raw: str = ""
    """The scalar's text as written (after unquoting)."""
    source: str | None = None
    """Where the node came from when not the file itself: the set that wrote it, as messages name it
    (reader/overrides.py ``Override.named``: ``--set acquisition[0].bid=20``, or ``sets[0]`` of a library call)."""
    text_column: int = 0
    """Characters from the node's position to its text: 1 for a quoted scalar (its quote), else 0."""
    end_line: int = 0
    end_column: int = 0
    """Position of a scalar's last character (1-based, inclusive); 0 for collections, whose end is not one token."""
    slip: Slip | None = None
    """A separator an input method or a paste spoiled, that made YAML read ``key: value`` as one text: inside a
    plain scalar, or in a key of a mapping. Any error at the node is that slip (reader/kinds.py Context.error)."""
    written: str = ""
    """A scalar's text as the file writes it, from its position to its end, where that is not ``raw`` itself: quoted
    (quotes, escapes, ``''``), lines folded, a block scalar; "" where it is."""
    split: bool = False
    """A number the commas of a flow mapping split, read back whole (reader/comma_split.py)."""
    refused: bool = False
    """A stand-in for what the tree builder refused and reported (an alias, a key that is not text): any other
    error at it would be a follow-on of that one, of a value or key nobody wrote (reader/kinds.py Context.error)."""

    def position_of(self, offset: int) -> tuple[int, int]:
        """Line and column in the file of the character at ``offset`` of a scalar's ``raw`` (reader/scalar_source.py:
        a character written as several, an escape, is located at the first of them)."""
        if not self.written:
            return self.line, self.column + self.text_column + offset
        return self._at_index(scalar_source.source_index(self.written, self.raw, offset))

    def text_end(self) -> tuple[int, int]:
        """Line and column of a scalar's last written character inside its quotes (the closing quote's neighbour,
        the last of an escape's characters), so a span from a slip inside the text does not take the quote in; a
        scalar not quoted ends where the node does."""
        if self.written[:1] not in ("'", '"') or not self.raw:
            return self.end_line, self.end_column
        return self._at_index(scalar_source.source_index(self.written, self.raw, len(self.raw)) - 1)

    def _at_index(self, index: int) -> tuple[int, int]:
        line, column = text_lines.position(self.written, index)
        return self.line + line - 1, self.column + column - 1 if line == 1 else column

    def line_note(self) -> str:
        """`` (line 3)``, where a message names the line of another node it is about; "" for a node at no line in a
        file (a scenario built in code, reader/written_tree.py)."""
        return f" (line {self.line})" if self.line else ""

    def describe(self) -> str:
        """How the node reads in an error's "found ..." part."""
        # An empty one is named so: "expected a mapping of ..., found a mapping" would contradict itself.
        if self.kind == "map":
            return "a mapping" if self.value else "an empty mapping"
        if self.kind == "seq":
            return "a list" if self.value else "an empty list"
        if self.value is None:
            return "nothing" if self.raw in ("", "~") else self.raw
        if isinstance(self.value, bool):
            return f"a boolean ({self.raw})"
        text = self.raw if len(self.raw) <= 40 else self.raw[:37] + "..."
        # Numbers YAML 1.1 reads as text (1e6, 1.5万) read as numbers in messages, unquoted.
        if isinstance(self.value, str) and not is_number_text(self.raw):
            return repr(text)
        return text


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029])[ \t]*")


def one_line(node: Node) -> str:
    """A value as the file writes it, on one line: a scalar its text (``raw``, a quoted one without its quotes, as
    every output shows a value: ``25万``, ``0.30``, ``10..15``); a mapping or a list its keys and items each as written,
    quotes and all, in flow style whatever layout the file gives it (``{dist: "triangular", low: 10, mode: 12, high:
    15}``, ``[1, 2]``): a block mapping's lines and comments are no cell's text."""
    return node.raw if node.kind == "scalar" else flow_text(node)


def flow_text(node: Node) -> str:
    """A value as YAML on one line, each scalar as written (quotes and all), collections in flow style."""
    if node.kind == "map":
        return "{" + ", ".join(f"{flow_text(entry.key)}: {flow_text(entry.value)}" for entry in node.value.values()) + "}"
    if node.kind == "seq":
        return "[" + ", ".join(flow_text(item) for item in node.value) + "]"
    return _LINE_BREAK.sub(" ", node.written or node.raw)


def set_within(node: Node) -> Node | None:
    """``node``, or the first node inside it, that a ``--set`` wrote (its ``source``); None when the file wrote it all."""
    if node.source is not None:
        return node
    children = [entry.value for entry in node.value.values()] if node.kind == "map" else node.value if node.kind == "seq" else []
    return next((found for child in children if (found := set_within(child)) is not None), None)


def item_name(item: Node) -> str | None:
    """A list item's name as every output shows it, without its outer spaces (reader/kinds.py Text); None for an
    item without a name or not a mapping."""
    named = item.value.get("name") if item.kind == "map" else None
    return named.value.raw.strip() if named is not None and named.value.kind == "scalar" else None


@dataclass
class Entry:
    """A mapping entry: the key's node and the value's node."""

    key: Node
    value: Node


@dataclass
class _Frame:
    node: Node
    pending_key: Node | None = None
    seen: dict[str, Node] = field(default_factory=dict)
    flow: bool = False
    """A list written ``[a, b]``, whose items a comma separates."""
    flow_mapping: bool = False
    """A mapping written in braces (``{a: 1}``), whose entries a comma separates."""
    last: Node | None = None
    """The value of the mapping's last entry, which a number's pieces after it join (reader/comma_split.py)."""


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
"""The YAML 1.1 integers written in base 10; the others (``0100`` octal, ``0x10``, ``0b1``, ``1:30``) are refused."""
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
"""``089`` is text to YAML 1.1 but ``077`` is octal: both are refused, so a leading 0 never means two things."""


_WRITTEN_TAG = re.compile(r"\S{1,80}")
"""A tag as written (``!a``, ``!!python/object:...``), at most 80 characters of it."""


_YAML_1_1_BREAKS = "\x85\u2028\u2029"
"""NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which YAML 1.1 (PyYAML) counts as line breaks and
editors and YAML 1.2 do not."""
_STAND_INS = "\ufdd0\ufdd1\ufdd2"
"""Noncharacters PyYAML reads as ordinary ones, one for each of ``_YAML_1_1_BREAKS``."""


def _lines_as_editors_count(text: str) -> str | None:
    """``text`` with NEL, LS and PS as ordinary characters, so a line number is the line an editor
    shows and a comment holding one does not end there (its rest read as YAML); None when there are
    none, or the text already holds a stand-in (then it is parsed as it is)."""
    if not any(character in text for character in _YAML_1_1_BREAKS):
        return None
    if any(stand_in in text for stand_in in _STAND_INS):
        return None
    return text.translate(str.maketrans(_YAML_1_1_BREAKS, _STAND_INS))


_PLAIN_VALUES: dict[str, Any] = {}
"""The value of each plain scalar's text seen lately: keys and numbers repeat within a file and across the
files of a folder, and resolving one (PyYAML's implicit resolver, then ours) costs more than parsing it.
Values are immutable (numbers, booleans, None, text), so one may be shared by many nodes."""
_PLAIN_VALUES_KEPT = 4096
"""Texts remembered at most: past it the memory starts afresh, so it stays bounded over any number of files."""
_UNSEEN = object()


def _scalar(event: yaml.ScalarEvent, restore_breaks: bool = False) -> Node:
    line, col = _pos(event.start_mark)
    if restore_breaks:
        event.value = event.value.translate(str.maketrans(_STAND_INS, _YAML_1_1_BREAKS))
    value: Any = event.value
    if event.implicit[0] and event.tag is None:
        value = _PLAIN_VALUES.get(event.value, _UNSEEN)
        if value is _UNSEEN:
            value = _plain_value(_resolver.resolve(yaml.ScalarNode, event.value, (True, False)), event.value)
            if len(_PLAIN_VALUES) >= _PLAIN_VALUES_KEPT:
                _PLAIN_VALUES.clear()
            _PLAIN_VALUES[event.value] = value
    # end_mark is 0-based and just past the scalar, so its column is the 1-based column of the last character.
    end: Any = event.end_mark
    end_line = end.line + 1
    end_column = end.column if end_line > line else max(end.column, col)
    return Node("scalar", line, col, value, raw=event.value, text_column=1 if event.style in ("'", '"') else 0,
                end_line=end_line, end_column=end_column)


def _plain_value(tag: str, text: str) -> Any:
    """An unquoted scalar's value: numbers from their decimal text, other bases kept as refusable text."""
    if tag == "tag:yaml.org,2002:int" and not _DECIMAL_INT.fullmatch(text) or ":" in text and tag.endswith(("int", "float")):
        return ForeignNumber(text)
    if tag == "tag:yaml.org,2002:str" and _LEADING_ZERO.fullmatch(text):
        return ForeignNumber(text)
    if tag == "tag:yaml.org,2002:float" and is_number_text(text):
        return decimal_to_float(number_decimal(text))
    construct = _CONSTRUCT.get(tag)
    if construct is None:
        return text
    try:
        return construct(yaml.ScalarNode(tag, text))
    except ValueError:
        return text  # an integer too long for Python's int(); reported later as not a finite number


COLON_SLIP = "full-width colon '：' (IME input) after a key; write an ASCII ':' and a space"
HASH_SLIP = "full-width '＃' (IME input) starts no comment in YAML; write an ASCII '#'"
INDENT_SLIPS = {
    "\u3000": "ideographic space U+3000 (IME input) in the indentation; indent with ASCII spaces",
    "\u00a0": "no-break space U+00A0 (pasted from a web page or Word) in the indentation; indent with ASCII spaces",
    "\ufeff": "byte-order mark U+FEFF (invisible, left where two files were joined) before the line's text; delete it",
}
"""Characters that look like a space, or like nothing, and that YAML takes for text: what a Chinese input method
types, what a web page or Word pastes, what joining two files leaves at the start of the second. Each as the slip it
is before a line's text."""
SPACE_SLIPS = {
    "\u3000": "ideographic space U+3000 (IME input) after ':'; write an ASCII space",
    "\u00a0": "no-break space U+00A0 (pasted from a web page or Word) after ':'; write an ASCII space",
}
"""The same after a key's colon, where YAML needs an ASCII space."""
_LOOK_ALIKES = "".join(INDENT_SLIPS)
_SEPARATOR_SLIPS = {**SPACE_SLIPS, "：": COLON_SLIP}
_SPACE_AFTER_COLON = re.compile(f":([{''.join(SPACE_SLIPS)}])")
_KEY_COLON = re.compile(r"[A-Za-z_0-9][\w-]*[ \t]*(：)")
"""A full-width colon is Chinese punctuation in a text (``name: 我的应用：起步``): a slip only after a key's name."""


def _plain_node(text: str, line: int, column: int) -> Node:
    """An unquoted scalar written ``text`` at ``line``, ``column``, valued as the parser would value it."""
    tag = _resolver.resolve(yaml.ScalarNode, text, (True, False))
    return Node("scalar", line, column, _plain_value(tag, text), raw=text, end_line=line,
                end_column=column + max(len(text) - 1, 0))


def _separator_slip(segment: str, first: bool) -> re.Match[str] | None:
    """Where ``segment`` (a plain scalar's text on one line; ``first``: its first line) holds a spoiled separator."""
    return _SPACE_AFTER_COLON.search(segment) or (_KEY_COLON.match(segment) if first else None)


def slipped_key(key: Node) -> str | None:
    """The name meant by a key, or by a text YAML read in place of ``key: value``, whose separator slipped on its
    first line (``points`` of ``points:　{1``); None otherwise."""
    if key.slip is None or key.kind != "scalar" or key.slip[0] != key.line:
        return None
    return key.raw[: key.slip[1] - key.column].rstrip(":").strip() or None


def _mend_slipped_key(key: Node, value: Node) -> tuple[Node, Node, tuple[int, int], str] | None:
    """A key an input method, a paste or a join spoiled, as (key, value, line and column of the slip, slip), or None.

    YAML takes ``{1： 0.35}`` for the key ``1： 0.35`` without a value, ``{1:　0.35}`` (U+3000 or U+00A0
    after the colon) likewise, and a key indented with one of ``INDENT_SLIPS`` for a key whose name starts with it."""
    if key.kind != "scalar" or key.text_column or not key.raw:
        return None
    raw = key.raw
    if raw[0] in INDENT_SLIPS:
        name = raw.lstrip(_LOOK_ALIKES + " \t")
        indent = len(raw) - len(name)
        return _plain_node(name, *key.position_of(indent)), value, key.position_of(0), INDENT_SLIPS[raw[0]]
    if value.kind != "scalar" or value.value is not None or value.raw or "\n" in raw:
        return None
    spaces = " " + _LOOK_ALIKES
    separators = (("：", COLON_SLIP, 0), *((":" + space, slip, 1) for space, slip in SPACE_SLIPS.items()))
    for separator, slip, at in separators:
        name, found, rest = raw.partition(separator)
        if found and name.strip():
            written = rest.strip(spaces)
            return (_plain_node(name.strip(), key.line, key.column),
                    _plain_node(written, *key.position_of(len(raw) - len(rest.lstrip(spaces)))),
                    key.position_of(len(name) + at), slip)
    return None


MERGE_KEY = "<<"
"""YAML 1.1's merge key, which the reader (YAML 1.2, no aliases) keeps as a plain key."""
MERGE_REFUSAL = "YAML merge keys ('<<') are not supported; write each key out here"


def _error(filename: str, line: int, col: int, message: str, path: str = "") -> ScenarioError:
    return ScenarioError(filename, line, col, path, message)


def join_path(parent: str, child: str | int) -> str:
    """``acquisition`` + 1 -> ``acquisition[1]``; ``costs`` + ``fixed`` -> ``costs.fixed``; a key as ``key_segment``
    writes it (``by_month`` + ``６`` -> ``by_month.6``)."""
    if isinstance(child, int):
        return f"{parent}[{child}]"
    child = key_segment(child)
    return f"{parent}.{child}" if parent else child


@functools.lru_cache(maxsize=4096)  # every path of every file names its keys: the same few hundred words
def key_segment(key: str) -> str:
    """A mapping's key as a path names it: one that reads as a whole number (a month, an age, a day), that number in
    ASCII digits however the file writes it (``６``, ``6.0``, ``06``: ``6``), so that a path in a message can be
    pasted into ``--set``, which finds the key by the number it names (``written_key``); a blank one quoted
    (``key_text``); any other as written."""
    number = whole_number(key)
    return str(number) if number is not None else key_text(key)


def written_key(mapping: Node, key: str) -> str:
    """The key of ``mapping`` that ``key``, of a path, names: itself where the mapping holds it, else the key naming
    the same whole number (``6`` names the file's ``６``, ``6.0`` or ``06``, one month to the reader, reader/numbers.py
    ``whole_number``), else ``key``, a key the mapping does not hold."""
    number = None if key in mapping.value else whole_number(key)
    if number is None:
        return key
    return next((written for written in mapping.value if whole_number(written) == number), key)


def key_text(key: str) -> str:
    """A key as a path or a message's ``found`` shows it: a blank one (``""``, ``" "``) quoted, ``''``, which would
    show as nothing (a top-level error with no path, ``by_month.: ..., found`` with nothing after it)."""
    return repr(key) if not key.strip() else key


def found_key(key: str) -> str:
    """A key as a message's ``found`` shows it: a number as written (``13``), any other text quoted (``'6个月'``), as
    ``Node.describe`` shows a value, so a month written as a key reads as one written as a value."""
    return key if key.strip() and is_number_text(key) else repr(key)


KEYED_MAPPINGS = frozenset({"points", "days", "conversion"})
"""Mappings whose keys are numbers, each written in brackets as the field reader writes them (``retention.days[1]``,
reader/fields.py ``RetentionPointsKind`` and ``KeyedShares``); any other key follows a dot, a ``by_month``'s month
too (``bid.by_month.6``, as ``--set`` takes it)."""


def _path_within(stack: list[_Frame]) -> tuple[str, str | None]:
    """Field path of the node the innermost open collection receives next, and the key that collection is the
    value of (None for a list's item or the root)."""
    path, within = "", None
    for frame in stack:
        if frame.node.kind == "seq":
            path, within = join_path(path, len(frame.node.value)), None
        elif frame.pending_key is not None:
            path, within = _key_path(path, within, frame.pending_key.raw), frame.pending_key.raw
    return path, within


def _key_path(path: str, within: str | None, key: str) -> str:
    """``path`` + ``key``, in brackets inside one of ``KEYED_MAPPINGS`` (``within``)."""
    return f"{path}[{key_segment(key)}]" if within in KEYED_MAPPINGS else join_path(path, key)


def _path(stack: list[_Frame]) -> str:
    return _path_within(stack)[0]


def _entry_path(stack: list[_Frame], key: str) -> str:
    """Field path of ``key`` in the innermost open mapping."""
    return _key_path(*_path_within(stack), key)


class _TreeBuilder:
    """Builds the Node tree from parser events, collecting every problem on the way."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.errors: list[ScenarioError] = []
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0
        self.scalars = 0
        self.restore_breaks = False
        """Whether the parser read NEL, LS and PS as stand-ins (``_lines_as_editors_count``), to put back in values."""
        self.lines: list[str] = []
        """The text's lines as the parser counts them, split when a scalar first needs them (``slip_in``)."""

    def error(self, line: int, col: int, message: str, path: str = "") -> None:
        self.errors.append(_error(self.filename, line, col, message, path))

    def attach(self, node: Node) -> None:
        """Put a finished node into its parent: a list item, a pending key, or a key's value."""
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if frame.node.kind == "seq":
            # A flow list's items are read as written: [0,1] is two rates, [123,045] two campaigns (reader/comma_split.py).
            frame.node.value.append(node)
        elif frame.pending_key is None:
            if node.kind != "scalar":
                self.error(node.line, node.column, "expected a plain key, found " + node.describe(), _path(self.stack))
                node = Node("scalar", node.line, node.column, None, raw="?", refused=True)
            frame.pending_key = node
        else:
            self._add_entry(frame, node)

    def _add_entry(self, frame: _Frame, value: Node) -> None:
        key = frame.pending_key
        assert key is not None
        frame.pending_key = None
        if frame.flow_mapping and self.join_key(frame, key, value):
            return
        frame.last = value
        mended = _mend_slipped_key(key, value)
        if mended is not None:
            # Reported at the slip, and read as meant: the file is refused either way, and the entry's
            # own problems (an age out of range) are still found, without a second error for the slip.
            key, value, at, slip = mended
            self.error(*at, f"invalid YAML: {slip}", _entry_path(self.stack, key.raw))
        # A refused key's entry is kept (a required key's absence is no problem of its own), under a name of its place:
        # two of them are not one key written twice.
        name = f"{key.raw}@{key.line}:{key.column}" if key.refused else key.raw
        if name in frame.seen:
            first = frame.seen[name]
            self.error(key.line, key.column, f"duplicate key '{name}' (first at line {first.line})",
                       _entry_path(self.stack, name))
        else:
            frame.seen[name] = key
            frame.node.value[name] = Entry(key, value)
            if key.slip is not None and frame.node.slip is None:
                # The mapping misses the key meant: what is missing from it, or wrong with it, is that slip.
                frame.node.slip = key.slip

    def _adjacent(self, before: Node, piece: Node) -> bool:
        """Whether ``piece`` is a plain scalar right after ``before``, a plain scalar, and a comma between them."""
        if not (before.kind == piece.kind == "scalar" and not before.text_column and not piece.text_column
                and not before.written and not piece.written and not before.refused and not piece.refused
                and before.end_line == before.line == piece.line == piece.end_line
                and piece.column == before.end_column + 2):
            return False
        if not self.lines:
            self.lines = text_lines.BREAK.split(self.text)
        return self.lines[piece.line - 1][before.end_column:before.end_column + 1] == ","

    def join_key(self, frame: _Frame, key: Node, value: Node) -> bool:
        """A key of a flow mapping with neither a colon nor a value that is the digits after a comma of the entry
        before's value (``{budget: 1,000,000}``): joined into that value, so no key and no duplicate of it is told.
        No mapping of the format takes such a key (reader/comma_split.py); a key with its own ``:`` is left a key."""
        last = frame.last
        if last is None or not (value.kind == "scalar" and value.value is None and value.raw == ""
                                and not value.text_column and not value.refused) or not self._adjacent(last, key):
            return False
        # _adjacent read self.lines: a colon after the piece (``{a: 1,2: }``) makes it a key written as one.
        if self.lines[key.line - 1][key.end_column:].lstrip().startswith(":"):
            return False
        text = comma_split.joined(last.raw, key.raw, last.split)
        if text is None:
            return False
        last.raw = last.value = text
        last.end_column = key.end_column
        last.split = True
        return True

    def refuse_anchors_and_tags(self, event: Any) -> bool:
        """Report anchors, aliases and written tags; True when the event was an alias (already attached)."""
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            line, col = _pos(event.start_mark)
            sigil = "*" if isinstance(event, yaml.AliasEvent) else "&"
            merge = self.merge_key() if isinstance(event, yaml.AliasEvent) else None
            if merge is not None:
                self.refuse_merge(*merge)
            else:
                self.error(line, col, f"YAML anchors and aliases are not allowed, found '{sigil}{anchor}'",
                           _path(self.stack))
            if isinstance(event, yaml.AliasEvent):
                self.attach(Node("scalar", line, col, None, raw="*" + str(anchor), refused=True))
                return True
        # Events carry a tag only when the text wrote one (libyaml even
        # reports a bare "!" as implicit), so any tag at all is refused.
        if getattr(event, "tag", None) is not None:
            line, col = _pos(event.start_mark)
            # Matched in place: a slice of the rest of the text per tag made a file of tags quadratic.
            match = _WRITTEN_TAG.match(self.text, event.start_mark.index)
            written = match[0] if match else "!"
            self.error(line, col, f"YAML tags are not allowed, found '{written}'", _path(self.stack))
        return False

    def merge_key(self) -> tuple[Node, str] | None:
        """The merge key (``<<``) whose value the next node is, or an item of the list that is, and its path."""
        within = 2 if self.stack and self.stack[-1].node.kind == "seq" else 1
        if len(self.stack) < within:
            return None
        key = self.stack[-within].pending_key
        if self.stack[-within].node.kind != "map" or key is None or key.raw != MERGE_KEY:
            return None
        return key, _path(self.stack[:len(self.stack) - within + 1])

    def refuse_merge(self, key: Node, path: str) -> None:
        """``<<: *base`` (or ``<<: [*a, *b]``) is one problem, the merge key, told once at it: its aliases have
        nothing to refer to without it. The key becomes a stand-in, so the reader's own refusal of it (check_keys), or
        of a key no keyed mapping takes, is a follow-on, not a second line."""
        if not key.refused:
            self.error(key.line, key.column, MERGE_REFUSAL, path)
            key.refused = True

    def count(self, event: Any) -> bool:
        """Count a value that is not a scalar (a list, a mapping, an alias) against ``MAX_SCALARS``, so no
        file of them (``[[], [], ...]``, ``[!a [], ...]``, ``[*x, *x, ...]``) parses past it; False then."""
        self.scalars += 1
        too_many = self.too_many()
        if too_many:
            self.error(*_pos(event.start_mark), too_many, _path(self.stack))
            self.root = None
        return not too_many

    def too_many(self) -> str:
        """What the scalar about to be read breaks, or "" when it is within the limits."""
        if self.scalars > MAX_SCALARS:
            return f"expected at most {MAX_SCALARS:,} keys and values in a file, found more"
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.node.kind == "map" and frame.pending_key is None and len(frame.seen) >= MAX_MAPPING_KEYS:
            return f"expected at most {MAX_MAPPING_KEYS} keys in a mapping, found more"
        return ""

    def feed(self, event: Any) -> bool:
        """Take one parser event; False when reading must stop (a second document, too deep, too many scalars)."""
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
            # Most events of a file: a plain scalar without anchor or tag, taken without the checks below.
            return self._take_scalar(event)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.error(*_pos(event.start_mark), "expected one YAML document, found a second")
                return False
            return True
        counted = isinstance(event, (yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent))
        if counted and not self.count(event):
            return False
        if self.refuse_anchors_and_tags(event):
            return True
        if isinstance(event, yaml.ScalarEvent):
            return self._take_scalar(event)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            line, col = _pos(event.start_mark)
            if len(self.stack) >= MAX_DEPTH:
                self.error(line, col, f"nesting deeper than {MAX_DEPTH} levels")
                self.root = None
                return False
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            flow = kind == "seq" and bool(event.flow_style)
            self.stack.append(_Frame(Node(kind, line, col, {} if kind == "map" else []), flow=flow,
                                     flow_mapping=kind == "map" and bool(event.flow_style)))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.attach(self.stack.pop().node)
        return True

    def _take_scalar(self, event: yaml.ScalarEvent) -> bool:
        self.scalars += 1
        too_many = self.too_many()
        if too_many:
            self.error(*_pos(event.start_mark), too_many, _path(self.stack))
            self.root = None
            return False
        node = _scalar(event, self.restore_breaks)
        # A plain scalar on one line is its value as written: only the others can differ from it (Node.written).
        if event.style or node.end_line > node.line:
            start: Any = event.start_mark
            end: Any = event.end_mark
            written = self.text[start.index:end.index]
            if node.text_column or written != node.raw:
                node.written = written
        # Only a plain scalar is text YAML could have read as ``key: value``; nearly all are ASCII.
        if not event.style and not node.raw.isascii():
            if _separator_slip(node.raw, first=True):
                node.slip = self.slip_in(node)
            elif self.stack and self.stack[-1].flow and (comma := first_comma(node.raw)):
                # Reported at the comma, and read as the items meant, as a slipped key is (_add_entry): their own
                # problems (a name no channel has) are found too. Quoted, the comma is the text's.
                self.error(*node.position_of(comma.start()), f"invalid YAML: {ITEM_COMMAS[comma[0]]}", _path(self.stack))
                for offset, text in items_meant(node.raw):
                    self.attach(_plain_node(text, *node.position_of(offset)))
                return True
        self.attach(node)
        return True

    def slip_in(self, node: Node) -> Slip | None:
        """Where in the file a plain scalar's spoiled separator is: its text may fold several lines into one."""
        if not self.lines:
            self.lines = text_lines.BREAK.split(self.text)
        for number in range(node.line, node.end_line + 1):
            start = node.column - 1 if number == node.line else 0
            end = node.end_column if number == node.end_line else None
            match = _separator_slip(self.lines[number - 1][start:end], first=number == node.line)
            if match:
                return number, start + match.start(1) + 1, _SEPARATOR_SLIPS[match[1]]
        return None


def parse(text: str, filename: str) -> tuple[Node | None, list[ScenarioError]]:
    """Parse one YAML document into a Node tree, with every problem found.

    Returns (None, errors) when the text is not usable YAML at all.
    """
    try:
        return _parse_with(_Loader, text, filename)
    except _ParserTooDeep:
        # libyaml (PyYAML >= 6.0.4) scans ahead and stops near 1,000 levels before the 33rd
        # level reaches the builder; the pure-Python parser streams, so the builder stops it at
        # the 33rd level with the located message, after scanning at most ~1 KiB past it.
        return _parse_with(yaml.SafeLoader, text, filename)


class _ParserTooDeep(Exception):
    """The parser's own nesting limit stopped it before the format's limit could."""


def _parse_with(loader: Any, text: str, filename: str) -> tuple[Node | None, list[ScenarioError]]:
    builder = _TreeBuilder(text, filename)
    # The stand-ins replace one character each, so every offset into ``text`` still holds.
    editors_lines = _lines_as_editors_count(text)
    builder.restore_breaks = editors_lines is not None
    parsed = editors_lines or text
    # The parser's own get_event, not yaml.parse's generator around it: a generator's step per event was a tenth
    # of `validate`'s time over 5,000 files. Both parsers give None past the stream's end.
    parser = None
    try:
        # The pure-Python parser reads the text's characters as it is made, and may refuse one there.
        parser = loader(parsed)
        for event in iter(parser.get_event, None):
            if not builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        if loader is not yaml.SafeLoader and "maximum nesting depth" in (exc.problem or ""):
            raise _ParserTooDeep from exc
        found = _character_slips(text, filename, exc) or _open_quote(text, filename, exc) or [_syntax_error(text, filename, exc)]
        # The builder may have met a slip the scan finds again (a key indented with U+3000 before the
        # parser gave up): one line for it, the scan's.
        seen = {(error.line, error.message) for error in found}
        return None, [error for error in builder.errors if (error.line, error.message) not in seen] + found
    except yaml.YAMLError as exc:
        position = _reader_index(parsed, exc, in_bytes=loader is not yaml.SafeLoader)
        builder.errors.append(_error(filename, *text_lines.position(text, position), f"invalid YAML: {_reader_problem(exc)}"))
        return None, builder.errors
    except UnicodeEncodeError as exc:
        # libyaml reads the text as UTF-8, which holds no lone surrogate: a str given by a program, not a file's.
        builder.errors.append(_error(filename, *text_lines.position(text, exc.start), not_utf8(text[exc.start])))
        return None, builder.errors
    except (ValueError, OverflowError):
        # PyYAML's pure-Python scanner (used where libyaml is not built) passes an escape such as
        # "\UFFFFFFFF" to chr() unchecked; libyaml reports it as a syntax error.
        escape = _escape_position(text)
        if escape is None:
            raise
        builder.errors.append(_error(filename, *escape, "invalid YAML: an escape in a double-quoted "
                                     "string is beyond the last Unicode character \\U0010FFFF"))
        return None, builder.errors
    finally:
        if parser is not None:
            parser.dispose()
    return builder.root, builder.errors


_WIDE_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def _escape_position(text: str) -> tuple[int, int] | None:
    """Line and column of the first ``\\U`` escape past U+10FFFF, if there is one."""
    for match in _WIDE_ESCAPE.finditer(text):
        if int(match.group(1), 16) > 0x10FFFF:
            return text_lines.position(text, match.start())
    return None


_IME_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_0-9][\w-]*[ \t]*(：)")
"""A key (a field's name, or a month's number in points) followed by a full-width colon, as a Chinese input
method types it."""
_SLIPS_AT = ((_IME_KEY, {"：": COLON_SLIP}),
             (re.compile(r"^[ \t]*(＃)"), {"＃": HASH_SLIP}),
             (re.compile(f"^[ \\t]*([{_LOOK_ALIKES}])"), INDENT_SLIPS),
             (re.compile(f"^[ \\t]*(?:-[ \\t]+)?[\\w-]+:([{''.join(SPACE_SLIPS)}])"), SPACE_SLIPS))
"""Where each slip shows: a full-width colon after a key, a full-width '＃' opening a line (YAML reads it as text
without ': ', an error), a look-alike of a space before a line's text or after a key's colon (where YAML needs an
ASCII space)."""


def _character_slips(text: str, filename: str, exc: yaml.MarkedYAMLError) -> list[ScenarioError]:
    """The IME, pasted or joined characters behind a syntax error, each located at the character itself:
    libyaml notices a full-width colon only on the next line, and a full-width quote
    only where the text it failed to quote goes wrong."""
    lines = text_lines.lines(text)
    slips = [_error(filename, number, match.start(1) + 1, f"invalid YAML: {slip_of[match[1]]}")
             for number, line in enumerate(lines, start=1) if not line.lstrip().startswith("#")
             for pattern, slip_of in _SLIPS_AT if (match := pattern.match(line))]
    if slips:
        return slips
    marks = {mark.line for mark in (exc.problem_mark, exc.context_mark) if mark is not None}
    for index in sorted(marks):
        line = lines[index] if index < len(lines) else ""
        quote = next((char for char in line if char in "“”‘’"), None)
        if quote is not None:
            return [_error(filename, index + 1, line.index(quote) + 1,
                           f"invalid YAML: full-width quote '{quote}' (IME input) does not quote in YAML; "
                           "use ASCII quotes \"...\"")]
        code = re.split(r"\s#", line, maxsplit=1)[0]  # a comment may well hold one
        # ｛1: 0.35｝ is text to YAML, whose ': ' inside it is an error there.
        brackets = [char for char in code if char in FLOW_BRACKETS]
        if brackets:
            fixed = "".join(ASCII_TWINS.get(char, char) if char in FLOW_BRACKETS else char for char in code).strip()
            listed = ", ".join(f"'{char}'" for char in dict.fromkeys(brackets))
            return [_error(filename, index + 1, code.index(brackets[0]) + 1,
                           f"invalid YAML: full-width {listed} (IME input) open no list or mapping in YAML; write {fixed}")]
        # Inside [ ] or { } an IME's comma separates nothing: YAML reads on and fails at the next ':'.
        comma = first_comma(code)
        if comma and ("flow" in (exc.context or "") or re.search(r"[\[{]", code)):
            return [_error(filename, index + 1, comma.start() + 1, f"invalid YAML: {ITEM_COMMAS[comma[0]]}")]
    return []


_OPEN_QUOTE = re.compile(r"""^[ \t]*(?:-[ \t]+)?[^\s#:'"][^:#]*:[ \t]+(?P<quote>["'])(?P<rest>.*)$""")
"""A ``key: "value`` line whose value opens a quote; whether the line closes it is decided by ``_closes``."""


def _closes(quote: str, rest: str) -> bool:
    """Whether ``rest`` (the text after an opening ``quote``) holds the closing quote."""
    if quote == "'":
        return "'" in rest.replace("''", "")
    return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None


def _open_quote(text: str, filename: str, exc: yaml.MarkedYAMLError) -> list[ScenarioError]:
    """A quote opened on an earlier line and not closed on it: YAML reads on, across lines, to the next quote
    of its kind and fails there (``name: "My app`` on line 18 fails at line 45). Located at the quote."""
    problem = exc.problem_mark
    if problem is None or "end of stream" in (exc.problem or ""):
        return []  # a quote the file ends in: _syntax_error names it
    for number, line in enumerate(text_lines.lines(text)[:problem.line], start=1):
        match = _OPEN_QUOTE.match(line)
        if match and not _closes(match["quote"], match["rest"]):
            return [_error(filename, number, match.start("quote") + 1,
                           f"invalid YAML: unclosed quote: the quote opened at line {number}, column {match.start('quote') + 1} "
                           f"is not closed on its line (YAML read on to line {problem.line + 1})")]
    return []


def _syntax_error(text: str, filename: str, exc: yaml.MarkedYAMLError) -> ScenarioError:
    """Located where the user must look: at the opening of an unclosed quote or
    bracket (libyaml's context) rather than at the end of the file it reached,
    and at a key left without its ':' rather than at the line after it.
    The parser's wording is kept and followed by the likely cause (reader/yaml_causes.py)."""
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    context = exc.context_mark
    flow = "flow" in (exc.context or "") or "',' or" in problem
    if mark is not None and (key := long_key(text, mark.line, mark.column, flow)) is not None:
        # The parser names a ':' it could not find or did not expect, on a line that has it: the key is what to fix.
        return _error(filename, mark.line + 1, key[0] + 1,
                      f"invalid YAML: a key running {key[1]:,} characters to its ':', past the {MAX_KEY:,} YAML allows: "
                      "shorten it")
    if context is not None and (mark is None or "end of stream" in problem or problem == "could not find expected ':'"):
        mark = context
    line, col = _within(text, *(_pos(mark) if mark is not None else (1, 1)))
    if context is not None and exc.context == "while scanning a quoted scalar" and "end of stream" in problem:
        # Name the cause: the file ended inside a quote, and where that quote opened.
        return _error(filename, line, col, f"invalid YAML: unclosed quote: the quote opened at line {line}, "
                                           f"column {col} is never closed")
    message = f"invalid YAML: {problem}"
    # libyaml gives "while scanning for the next token" the problem's own position: no second place to show.
    if exc.context and context is not None and (at := _within(text, *_pos(context))) != (line, col):
        message += f" ({exc.context} at line {at[0]}, column {at[1]})"
    problem_mark = exc.problem_mark or mark
    hint = cause(problem, exc.context, text, problem_mark.line, problem_mark.column) if problem_mark is not None else ""
    return _error(filename, line, col, message + (f"; {hint}" if hint else ""))


def _within(text: str, line: int, col: int) -> tuple[int, int]:
    """``line``, ``col`` (1-based), or the end of the last line for libyaml's end of the file: it places that on the
    line after the last (after a final newline, or even without one), a line no editor or diff shows."""
    lines = text_lines.lines(text) or [""]
    return (line, col) if line <= len(lines) else (len(lines), len(lines[-1]) + 1)


def _reader_index(parsed: str, exc: yaml.YAMLError, in_bytes: bool) -> int:
    """Index in characters of the character the parser's reader refused in ``parsed``, the text it was given.

    libyaml (``in_bytes``) reads that text as UTF-8 and gives the offset in bytes, while its marks, as all of
    PyYAML's, count characters: after Chinese text a byte offset lands lines past the character."""
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return 0
    if in_bytes:
        # Stand-ins (``_lines_as_editors_count``) are longer in UTF-8 than NEL, so the bytes are those of ``parsed``.
        return len(parsed.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return position


def not_utf8(surrogate: str) -> str:
    """Why text holding a lone surrogate is no text to read: where it was read with ``errors="surrogateescape"``
    (PEP 383: a file's, a command line's), the byte that was not UTF-8, as a file's is reported; otherwise the
    character, half of a pair split apart."""
    code = ord(surrogate)
    if 0xDC80 <= code <= 0xDCFF:
        return f"expected UTF-8 text, found byte 0x{code - 0xDC00:02x}"
    return f"expected UTF-8 text, found U+{code:04X} (a lone surrogate)"


def _reader_problem(exc: yaml.YAMLError) -> str:
    character = getattr(exc, "character", None)
    if character is not None:
        code = ord(character) if isinstance(character, str) else character
        return f"character U+{code:04X} is not allowed"
    return str(exc).splitlines()[0]


def find_node(tree: Node, path: str) -> Node | None:
    """The node at a field path such as ``targets.min_roi``, if present."""
    node: Node | None = tree
    for part in path.replace("[", ".").replace("]", "").split("."):
        if node is None or not part:
            continue
        node = child_node(node, part)
    return node


def child_node(node: Node, part: str) -> Node | None:
    """The node a path's ``part`` (``bid``, ``6``, ``0``, without brackets) names under ``node``: a mapping's key as
    the file wrote it (``written_key``: ``６`` for 6), a list's item by its index; None where the file writes none."""
    if node.kind == "map":
        entry = node.value.get(written_key(node, part))
        return entry.value if entry else None
    if node.kind == "seq" and (index := list_index(part)) is not None and index < len(node.value):
        return node.value[index]
    return None
