"""The command line: ``aigc-roi`` is ``aigc_roi.cli:main``."""

import os

# The engine's matrix products are small (months x channels x a chunk of samples): BLAS threads only wait on one
# another, and on a busy 2-core machine they doubled the time of simulate. Set before numpy loads; the user's wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from aigc_roi.cli.app import main  # noqa: E402

__all__ = ["main"]
