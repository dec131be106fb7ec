"""YAML text to a tree of located nodes, built from the parser's events.

Building from events (not ``yaml.load``) is what makes the format safe and
precise: tags, anchors and aliases are refused before anything is
constructed (so no code runs and no alias bomb expands), duplicate keys are
seen, nesting depth is bounded while parsing, and every node keeps the line
and column a message must point to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.numbers import is_number_text

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted (the format needs 5)."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}


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
    """Where the node came from when not the file itself (a ``--set`` option)."""

    def describe(self) -> str:
        """How the node reads in an error's "found ..." part."""
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.value is None:
            return "nothing" if self.raw in ("", "~") else self.raw
        if isinstance(self.value, bool):
            return f"a boolean ({self.raw})"
        text = self.raw if len(self.raw) <= 40 else self.raw[:37] + "..."
        # Numbers YAML 1.1 reads as text (1e6, 1.5万) read as numbers in messages, unquoted.
        if isinstance(self.value, str) and not is_number_text(self.raw):
            return repr(text)
        return text


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


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _scalar(event: yaml.ScalarEvent) -> Node:
    line, col = _pos(event.start_mark)
    value: Any = event.value
    if event.implicit[0] and event.tag is None:
        tag = _resolver.resolve(yaml.ScalarNode, event.value, (True, False))
        construct = _CONSTRUCT.get(tag)
        # YAML 1.1's base-60 numbers (1:30 -> 90) would be a silent surprise;
        # they stay text and fail as "expected a number".
        if construct is not None and ":" not in event.value:
            try:
                value = construct(yaml.ScalarNode(tag, event.value))
            except ValueError:
                pass  # an integer too long for Python's int(); reported later as not a finite number
    return Node("scalar", line, col, value, raw=event.value)


def _error(filename: str, line: int, col: int, message: str, path: str = "") -> ScenarioError:
    return ScenarioError(filename, line, col, path, message)


def join_path(parent: str, child: str | int) -> str:
    """``acquisition`` + 1 -> ``acquisition[1]``; ``costs`` + ``fixed`` -> ``costs.fixed``."""
    if isinstance(child, int):
        return f"{parent}[{child}]"
    return f"{parent}.{child}" if parent else child


def _path(stack: list[_Frame]) -> str:
    """Field path of the node the innermost open collection receives next."""
    path = ""
    for frame in stack:
        if frame.node.kind == "seq":
            path = join_path(path, len(frame.node.value))
        elif frame.pending_key is not None:
            path = join_path(path, frame.pending_key.raw)
    return path


class _TreeBuilder:
    """Builds the Node tree from parser events, collecting every problem on the way."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.errors: list[ScenarioError] = []
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0

    def error(self, line: int, col: int, message: str, path: str = "") -> None:
        self.errors.append(_error(self.filename, line, col, message, path))

    def attach(self, node: Node) -> None:
        """Put a finished node into its parent: a list item, a pending key, or a key's value."""
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if frame.node.kind == "seq":
            frame.node.value.append(node)
        elif frame.pending_key is None:
            if node.kind != "scalar":
                self.error(node.line, node.column, "expected a plain key, found " + node.describe())
                node = Node("scalar", node.line, node.column, None, raw="?")
            frame.pending_key = node
        else:
            self._add_entry(frame, node)

    def _add_entry(self, frame: _Frame, value: Node) -> None:
        key = frame.pending_key
        assert key is not None
        frame.pending_key = None
        name = key.raw
        if name in frame.seen:
            first = frame.seen[name]
            self.error(key.line, key.column, f"duplicate key '{name}' (first at line {first.line})",
                       join_path(_path(self.stack), name))
        else:
            frame.seen[name] = key
            frame.node.value[name] = Entry(key, value)

    def refuse_anchors_and_tags(self, event: Any) -> bool:
        """Report anchors, aliases and written tags; True when the event was an alias (already attached)."""
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            line, col = _pos(event.start_mark)
            sigil = "*" if isinstance(event, yaml.AliasEvent) else "&"
            self.error(line, col, f"YAML anchors and aliases are not allowed, found '{sigil}{anchor}'", _path(self.stack))
            if isinstance(event, yaml.AliasEvent):
                self.attach(Node("scalar", line, col, None, raw="*" + str(anchor)))
                return True
        # Events carry a tag only when the text wrote one (libyaml even
        # reports a bare "!" as implicit), so any tag at all is refused.
        if getattr(event, "tag", None) is not None:
            line, col = _pos(event.start_mark)
            written = self.text[event.start_mark.index:].split(None, 1)[0]
            self.error(line, col, f"YAML tags are not allowed, found '{written}'", _path(self.stack))
        return False

    def feed(self, event: Any) -> bool:
        """Take one parser event; False when reading must stop (a second document, too deep)."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.error(*_pos(event.start_mark), "expected one YAML document, found a second")
                return False
            return True
        if self.refuse_anchors_and_tags(event):
            return True
        if isinstance(event, yaml.ScalarEvent):
            self.attach(_scalar(event))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            line, col = _pos(event.start_mark)
            if len(self.stack) >= MAX_DEPTH:
                self.error(line, col, f"nesting deeper than {MAX_DEPTH} levels")
                self.root = None
                return False
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            self.stack.append(_Frame(Node(kind, line, col, {} if kind == "map" else [])))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.attach(self.stack.pop().node)
        return True


def parse(text: str, filename: str) -> tuple[Node | None, list[ScenarioError]]:
    """Parse one YAML document into a Node tree, with every problem found.

    Returns (None, errors) when the text is not usable YAML at all.
    """
    builder = _TreeBuilder(text, filename)
    events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
    try:
        for event in events:
            if not builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        builder.errors.append(_syntax_error(filename, exc))
        return None, builder.errors
    except yaml.YAMLError as exc:
        builder.errors.append(_error(filename, *_reader_position(text, exc), f"invalid YAML: {_reader_problem(exc)}"))
        return None, builder.errors
    return builder.root, builder.errors


def _syntax_error(filename: str, exc: yaml.MarkedYAMLError) -> ScenarioError:
    """Located where the user must look: at the opening of an unclosed quote or
    bracket (libyaml's context) rather than at the end of the file it reached."""
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    context = exc.context_mark
    if context is not None and (mark is None or "end of stream" in problem):
        mark = context
    line, col = _pos(mark) if mark is not None else (1, 1)
    message = f"invalid YAML: {problem}"
    if exc.context and context is not None:
        message += f" ({exc.context} at line {context.line + 1}, column {context.column + 1})"
    return _error(filename, line, col, message)


def _reader_position(text: str, exc: yaml.YAMLError) -> tuple[int, int]:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return 1, 1
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _reader_problem(exc: yaml.YAMLError) -> str:
    character = getattr(exc, "character", None)
    if character is not None:
        code = ord(character) if isinstance(character, str) else character
        return f"character U+{code:04X} is not allowed"
    return str(exc).splitlines()[0]
