"""Errors are values with a location; the CLI renders them once (present/errors.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScenarioError:
    """One problem in a scenario source, 1-based line and column."""

    file: str
    line: int
    column: int
    path: str
    """Field path such as ``acquisition[1].bid``; empty for document-level errors."""
    message: str
    end_line: int | None = field(default=None, compare=False)
    """Line of the offending text's last character, when known (a scalar or a key)."""
    end_column: int | None = field(default=None, compare=False)
    """Column of that last character (1-based, inclusive)."""
    scenario: str | None = None
    """The scenario file an error located in a ``--set`` came from applying it to, when one option is applied to
    many (`check`): the option alone would not say which; None for an error located in the file itself."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        located = where + (f"{self.path}: {self.message}" if self.path else self.message)
        return f"{self.scenario}: {located}" if self.scenario else located

    def applied_to(self, scenario: str) -> ScenarioError:
        """This error as found reading ``scenario``: one located elsewhere (a --set) names that file too."""
        return self if self.file == scenario else dataclasses.replace(self, scenario=scenario)


class ScenarioInvalid(Exception):
    """Raised by the loader with every error it found."""

    def __init__(self, errors: list[ScenarioError]):
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors
