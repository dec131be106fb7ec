"""A library call's arguments held to the rules the CLI's options parse theirs by (cli/options.py, cli/allocate.py):
a count is a whole number within its bounds, a share lies in [0, 1], an amount obeys the size of a number
(docs/limits.md); and each of the type its call takes, a text, a path, a flag, a function or a list of them, where
another would fail deep inside as an AttributeError or a TypeError naming nothing the caller wrote. Each refusal is
one line, ``NAME: expected WHAT, found VALUE``, raised as ``error(NAME, "expected WHAT, found VALUE")``: the calling
function's ``ArgumentError`` (whatif/errors.py), of the class it documents. The CLI words its options' refusals with
the same ``expected`` phrases."""

from __future__ import annotations

import math
import numbers
import os
import reprlib
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeGuard, TypeVar

from aigc_roi.model.limits import MAX_MAGNITUDE, MAX_SEED, MAX_SEED_WRITTEN, MIN_MAGNITUDE
from aigc_roi.model.spelled_paths import spelled_path

if TYPE_CHECKING:
    from decimal import Decimal

SHARE = "a share in [0, 1]"
PATH = "a path (a str, bytes or Path)"

Refusal = Callable[[str, str], Exception]
"""What a refusal raises, given the argument's name and what is wrong with it (``ArgumentError``)."""
Item = TypeVar("Item")


def whole_number_wording(low: float, high: float | None) -> str:
    """``a whole number from 1 to 10,000,000``, or ``a whole number >= 0`` without a ``high``; a seed's bound as the
    power it is short of (``MAX_SEED_WRITTEN``), not its 39 digits."""
    if high is None:
        return f"a whole number >= {low:,}"
    return f"a whole number from {low:,} to {MAX_SEED_WRITTEN if high == MAX_SEED else f'{high:,}'}"


def amount_fault(value: float, positive: bool) -> str | None:
    """What was expected of an amount of money that ``value`` is not (``an amount >= 0``, ``a positive amount``), or
    None: a file's size of a number, at most 1e15 and 0 or at least 1e-9, beyond which a search overflows or
    divides by a denormal."""
    if math.isnan(value) or value < 0 or (positive and value == 0):
        return "a positive amount" if positive else "an amount >= 0"
    if value > MAX_MAGNITUDE:
        return f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)"
    if 0 < value < MIN_MAGNITUDE:
        # Where 0 is refused too, the smallest amount taken is the smallest size of a number.
        return f"a positive amount of at least {MIN_MAGNITUDE:g}" if positive else f"0 or a number of at least {MIN_MAGNITUDE:g} in size"
    return None


def refuse(name: str, expected: str, value: object, error: Refusal, count: bool = False) -> NoReturn:
    """The one line of a refusal: ``name: expected ..., found value``, a number with its type where a count is
    expected, anything else with its type always."""
    raise error(name, f"expected {expected}, found {_found(value, count)}")


def refuse_type(name: str, expected: str, value: object, error: Refusal) -> NoReturn:
    """``refuse`` where what is expected is no number: what was found is shown with its type (``1 (int)``)."""
    raise error(name, f"expected {expected}, found {_typed(value)}")


def whole_number(name: str, value: object, low: int, high: int | None, error: Refusal, expected: str | None = None) -> int:
    """``value`` as an int: an int (numpy's too; never a bool, which is no count) from ``low`` to ``high``; ``expected``
    words that where ``whole_number_wording`` would not (``a month within 1..24``)."""
    number = int(value) if _count(value) else None
    if number is None or number < low or (high is not None and number > high):
        refuse(name, expected or whole_number_wording(low, high), value, error, count=True)
    return number


def samples_and_seed(samples: object, seed: object, fewest: int, most: int, error: Refusal) -> tuple[int, int]:
    """``samples`` a whole number from ``fewest`` to ``most`` and ``seed`` one from 0 to ``MAX_SEED``, as a command's
    ``--samples`` and ``--seed`` hold them (simulate's, allocate's, actuals'), each refused as ``whole_number`` refuses
    it."""
    return whole_number("samples", samples, fewest, most, error), whole_number("seed", seed, 0, MAX_SEED, error)


def number_within(name: str, value: object, expected: str, low: float, high: float, error: Refusal,
                  above_low: bool = False) -> float:
    """``value`` as a float from ``low`` (above it with ``above_low``) to ``high``; ``expected`` words that."""
    number = real(value)
    if math.isnan(number) or number > high or (number <= low if above_low else number < low):
        refuse(name, expected, value, error)
    return number


def share(name: str, value: object, error: Refusal) -> float:
    """``value`` as a float in [0, 1]: a probability."""
    return number_within(name, value, SHARE, 0.0, 1.0, error)


def amount(name: str, value: object, error: Refusal, positive: bool = False, signed: bool = False) -> float:
    """``value`` as an amount of money that ``amount_fault`` finds nothing wrong with; ``signed``, one whose size it
    finds nothing wrong with (a cumulative cash milestone, below 0 for a loss no deeper than it)."""
    number = real(value)
    fault = amount_fault(math.inf if math.isnan(number) else abs(number), positive) if signed else amount_fault(number, positive)
    if fault is not None:
        refuse(name, fault, value, error)
    return number


def text(name: str, value: object, error: Refusal, expected: str = "a text") -> str:
    """``value``, a str: a path, a driver's path, a name."""
    if not isinstance(value, str):
        refuse_type(name, expected, value, error)
    return value


def texts(name: str, value: object, error: Refusal, expected: str = "a text", ordered: bool = False) -> tuple[str, ...]:
    """``value``, one text (one item, not its characters) or a list of them, each item named ``name[i]``. ``ordered``:
    the list's order says something (of two ``sets`` of one field the last wins), so a set is refused, whose order
    Python does not keep from one session to the next (``sets={"x=900", "x=5000"}`` read either last: the figures
    changed with ``PYTHONHASHSEED``)."""
    if isinstance(value, str):
        return (value,)
    listed = f"{expected} or a list of them"
    if ordered and isinstance(value, set | frozenset):
        refuse_type(name, f"{listed} in an order (a list or a tuple, not a set, which keeps none)", value, error)
    return items(name, value, listed, lambda item, held: text(item, held, error, expected), error)


def path(name: str, value: object, error: Refusal) -> str:
    """``value``, a str, bytes or a ``Path`` (any ``os.PathLike``), as ``os.fsdecode`` spells it: a message names the
    file so. A NUL is in no file's name: the system refuses it, deep inside, as a bare ValueError."""
    try:
        spelled = os.fsdecode(value)  # type: ignore[arg-type]
    except TypeError:
        spelled = None
    if spelled is None or "\0" in spelled:
        refuse_type(name, PATH, value, error)
    return spelled


def paths(name: str, value: object, error: Refusal) -> list[Path]:
    """``value``, one path (a str or bytes is one, though it is a sequence too) or a list of them, each named as
    written (``missing/``, ``plan.yaml/``: model/spelled_paths.py)."""
    if isinstance(value, str | bytes | os.PathLike):
        return [spelled_path(path(name, value, error))]
    return [spelled_path(spelled) for spelled in items(name, value, f"{PATH} or a list of them",
                                                       lambda item, held: path(item, held, error), error)]


def items(name: str, value: object, expected: str, item: Callable[[str, object], Item], error: Refusal) -> tuple[Item, ...]:
    """Each item of the list ``value`` as ``item`` holds it, named ``name[i]``; a text, bytes or a mapping is no such
    list, though each is iterable, nor is what cannot be iterated, though its class says it can (a 0-d numpy
    array, ``np.array(50)``: its one number)."""
    listed: Iterator[object] | None = None
    if not isinstance(value, str | bytes | Mapping):
        try:
            listed = iter(value)  # type: ignore[call-overload]
        except TypeError:
            listed = None
    if listed is None:
        refuse_type(name, expected, value, error)
    return tuple(item(f"{name}[{index}]", held) for index, held in enumerate(listed))


def amounts(name: str, value: object, error: Refusal) -> dict[str, float]:
    """``value``, a mapping of names to amounts (``amount``), or None for none; each amount named ``name['key']``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        refuse_type(name, "a mapping of names to amounts", value, error)
    for key in value:
        text(name, key, error, "names (texts) as keys")
    return {key: amount(f"{name}[{key!r}]", held, error) for key, held in value.items()}


def flag(name: str, value: object, error: Refusal) -> bool:
    """``value``, True or False (numpy's too): a text such as ``"no"`` is true, and would turn the flag on."""
    if not isinstance(value, bool) and (type(value).__module__, type(value).__name__) not in _NUMPY_BOOLS:
        refuse_type(name, "True or False", value, error)
    return bool(value)


def callback(name: str, value: object, error: Refusal) -> None:
    """``value``, a function to call or None: another is found where it is first called, deep in the work."""
    if value is not None and not callable(value):
        refuse_type(name, "a function or None", value, error)


def one_of(name: str, value: object, choices: Sequence[str], error: Refusal) -> str:
    """``value``, one of the words ``choices``."""
    if not (isinstance(value, str) and value in choices):
        refuse_type(name, f"one of {', '.join(choices)}", value, error)
    return value


_NUMPY_BOOLS = {("numpy", "bool_"), ("numpy", "bool")}
_SHOWN = reprlib.Repr()
"""A value as a refusal shows it: a long text, a long list or a whole scenario given where a path goes is cut, so the
message stays a line."""
_SHOWN.maxstring = _SHOWN.maxother = 80


def _count(value: object) -> TypeGuard[numbers.Integral]:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool) and not is_time(value)


def is_real(value: object) -> TypeGuard[numbers.Real | Decimal]:
    """A real number of any type: numpy's, a Fraction, a Decimal (which ``numbers`` counts no Real); never a bool,
    nor a complex, though Python counts a bool an int and ``20+0j`` a number, nor a time (``is_time``)."""
    return (isinstance(value, numbers.Real) or _is_decimal(value)) and not isinstance(value, bool) and not is_time(value)


def is_time(value: object) -> bool:
    """numpy's datetime64 or timedelta64, a scalar or an array: a time or a span of one, no number, though numpy
    counts a timedelta64 an integer and its ``tolist`` gives nanoseconds as an int."""
    return getattr(getattr(value, "dtype", None), "kind", None) in ("m", "M")


def real(value: object) -> float:
    """``value`` as a float, nan where it is no real number (``is_real``), as for a Decimal's signalling NaN, which
    ``float`` refuses; one beyond a float's range (``Fraction(10**400)``, which ``float`` refuses) is infinite."""
    if not is_real(value):
        return math.nan
    try:
        return float(value)
    except ValueError:
        return math.nan
    except OverflowError:
        return math.inf if value > 0 else -math.inf  # type: ignore[operator]


def _is_decimal(value: object) -> bool:
    # Not imported here: --help's path (cli/options.py) does not load decimal, and no Decimal exists until it is.
    module = sys.modules.get("decimal")
    return module is not None and isinstance(value, module.Decimal)


def _found(value: object, count: bool = False) -> str:
    """``value`` as a message shows it, with its type where it is not the kind of number expected (``10000.0
    (float)`` for a count, ``True (bool)``), so a value that reads as one is not taken for it."""
    if _count(value):
        return str(int(value))
    if is_real(value) and not count:
        return repr(real(value))
    return _typed(value)


def shown(value: object) -> str:
    """``value``'s repr, cut to a line (``_SHOWN``): ``Decimal('33.333333333333333')``."""
    return _SHOWN.repr(value)


def _typed(value: object) -> str:
    return f"{shown(value)} ({type(value).__name__})"
