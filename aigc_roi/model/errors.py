"""Errors are values with a location; the CLI renders them once (present/errors.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from aigc_roi.model.limits import MAX_ERRORS_PER_FILE


@dataclass(frozen=True)
class ScenarioError:
    """One problem in a scenario source, 1-based line and column; line 0 where it has no place in a file: a
    ``Scenario`` built or changed in code, whose ``file`` names the argument that gave it (``scenario``,
    ``scenarios[1]``) and whose ``path`` alone locates the field (``scenario: virality: ...``)."""

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

    omitted: int = field(default=0, compare=False)
    """How many errors this line stands for, unlisted, when it ends a capped list (``capped``); 0 for an error."""

    @property
    def counted(self) -> int:
        """The errors this line counts for in a summary: itself, or the ones it stands for."""
        return self.omitted or 1

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: " if self.line else f"{self.file}: "
        located = where + (f"{self.path}: {self.message}" if self.path else self.message)
        return f"{self.scenario}: {located}" if self.scenario else located

    def applied_to(self, scenario: str) -> ScenarioError:
        """This error as found reading ``scenario``: one located elsewhere (a --set) names that file too."""
        return self if self.file == scenario else dataclasses.replace(self, scenario=scenario)


def capped(errors: list[ScenarioError], file: str) -> list[ScenarioError]:
    """The first ``MAX_ERRORS_PER_FILE`` errors of ``file``, then one line counting the rest, located at the
    file: 1 MiB holds 200,000 aliases, and the first hundred show the pattern a CI log can hold."""
    if len(errors) <= MAX_ERRORS_PER_FILE:
        return errors
    return errors[:MAX_ERRORS_PER_FILE] + [_more(file, len(errors) - MAX_ERRORS_PER_FILE, errors[MAX_ERRORS_PER_FILE - 1])]


def _more(file: str, extra: int, last: ScenarioError) -> ScenarioError:
    """The line that counts ``extra`` errors of ``file`` left unlisted, on the line of the ``last`` one listed."""
    line = last.line if last.file == file else 1
    # The noun in its count's number, as present/labels.py ``counted`` writes it (the model may not import it).
    more = f"{extra:,} more error" if extra == 1 else f"{extra:,} more errors"
    return ScenarioError(file, line, 1, "", f"{more} in this file", omitted=extra)


def capped_each_file(errors: list[ScenarioError]) -> list[ScenarioError]:
    """``errors`` of several files (an `actuals` run's exports), each file's capped as ``capped`` caps one's: its first
    ``MAX_ERRORS_PER_FILE`` in the order found, then one line counting the rest, right after its last one listed.
    Every kind of error goes through it, whichever stage found it (a cell, a repeated campaign-day found once every
    export is read, a campaign two channels match), so an export of a repeated 100,000 rows lists 100, not 100,000."""
    found: dict[str, int] = {}
    for error in errors:
        found[error.file] = found.get(error.file, 0) + 1
    if all(count <= MAX_ERRORS_PER_FILE for count in found.values()):
        return errors
    listed: dict[str, int] = {}
    kept: list[ScenarioError] = []
    for error in errors:
        count = listed[error.file] = listed.get(error.file, 0) + 1
        if count <= MAX_ERRORS_PER_FILE:
            kept.append(error)
        if count == MAX_ERRORS_PER_FILE and found[error.file] > MAX_ERRORS_PER_FILE:
            kept.append(_more(error.file, found[error.file] - count, error))
    return kept


class ScenarioWarning(UserWarning):
    """What a scenario may hold but cannot have meant (a discount rate of 500% a year, a gate that always fails), told
    by the library through Python's ``warnings`` (README, "From Python"): the one located warning the CLI prints on
    stderr for the same value, ``warning`` (a ``ScenarioError``), whose text is the message."""

    def __init__(self, warning: ScenarioError):
        # ``args`` is the constructor's: pickle and deepcopy rebuild a warning as ``type(w)(*w.args)``.
        super().__init__(warning)
        self.warning = warning

    def __str__(self) -> str:
        return str(self.warning)


class ScenarioInvalid(Exception):
    """Raised by the loader with every error it found, and the warnings of what it read (``warnings``, in file
    order): `validate` and `check` show them beside the errors, so that a file is fixed in one pass, not warned
    of only once its errors are gone (docs/ci.md)."""

    def __init__(self, errors: list[ScenarioError], warnings: tuple[ScenarioError, ...] = (),
                 file_warnings: tuple[ScenarioError, ...] | None = None, file_errors: tuple[ScenarioError, ...] = ()):
        # The constructor's arguments are ``args``: pickle and deepcopy rebuild an exception as ``type(e)(*e.args)``
        # (a process pool's worker hands what it raised back so), where the message would be taken for the errors.
        super().__init__(errors, warnings, file_warnings, file_errors)
        self.errors = errors
        self.warnings = warnings
        self.file_warnings = warnings if file_warnings is None else file_warnings
        """What `validate`'s and `check`'s record of the file shows beside its errors: ``warnings``, or, where a
        ``--set`` was refused before the file was read with it (a name no item has, a field word in Chinese, a value
        YAML refuses: reader/load.py), the warnings of the file as written, which a command refusing the option in
        its one line (`run`) leaves out."""
        self.file_errors = file_errors
        """Where a ``--set`` was refused before the file was read with it, the errors of the file as written (an
        unknown key, a bad value), in its order, which `check`'s record shows before the refusal (``errors``), as
        beside a --set the reading refuses, and a command refusing the option in its one line (`run`) leaves out;
        empty otherwise, ``errors`` being the file's own."""

    def __str__(self) -> str:
        return "\n".join(map(str, self.errors))
