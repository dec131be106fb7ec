"""The command line: ``aigc-roi`` is ``aigc_roi.cli:main``."""

from aigc_roi.cli.app import main

__all__ = ["main"]
