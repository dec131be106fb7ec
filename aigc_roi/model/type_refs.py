"""Types an annotation names but its module cannot import as it loads: numpy's array type, which `validate` runs
without, or a type of a module that imports this one. At run time each such name is a forward reference whose text
imports the type, so ``typing.get_type_hints`` (pydantic, sphinx, an IDE) resolves it when it reads it, in whichever
module it does, and the import stays as light as it was (tests/contract/test_api_type_hints.py)."""

from typing import Any, ForwardRef


def imported_when_read(module: str, name: str) -> Any:
    """``module``'s ``name`` for the annotations of a module that must not import ``module`` as it loads. A forward
    reference, not the text alone: ``X | None`` of a text raises TypeError when the annotation is evaluated."""
    return ForwardRef(f"__import__('importlib').import_module({module!r}).{name}")


NUMPY_FLOAT_ARRAY: Any = ForwardRef("__import__('numpy.typing').typing.NDArray[__import__('numpy').float64]")
"""``NDArray[np.float64]`` (model/scenario.py ``FloatArray``), numpy imported when it is read."""
