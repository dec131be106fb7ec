"""The command line: ``aigc-roi`` is ``aigc_roi.cli:main``."""

import os
import sys

# The engine's matrix products are small ((samples, months) by (months, months) at most), where OpenBLAS's
# threads cost more than they gain: on a shared 2-core machine a 100,000-sample `simulate` took 4.4 s of CPU
# with them and 3.0 s without (benchmarks/bench_simulate.py). Set before numpy loads; the user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

EXIT_INTERRUPTED = 130
"""128 + SIGINT: what a shell reports for a command ended by Ctrl-C."""


def interrupted(error: BaseException) -> bool:
    """Whether ``error`` is a Ctrl-C, or one Python wrapped on its way up: Python 3.11 raises a KeyboardInterrupt that
    lands while a class is made as ``RuntimeError: Error calling __set_name__ ...`` from it, which a Ctrl-C during a
    module's import (a dataclass's fields) read as an internal error (QA)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def main() -> None:
    """The console script. Importing it loads this module alone: the app loads here, inside the handler, so a
    Ctrl-C during start-up (most of a short command's time on a cold disk) ends the command as one later does,
    with 130 and nothing on stderr, rather than with a traceback of the imports."""
    try:
        from aigc_roi.cli.app import main as run_app

        run_app()
    except (KeyboardInterrupt, RuntimeError) as error:
        if not interrupted(error):
            raise
        import signal

        # A second Ctrl-C while Python shuts down then ends it at once, instead of printing where it landed.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        sys.exit(EXIT_INTERRUPTED)


__all__ = ["main"]
