"""What stops a CI run before any scenario is read: refusals with a reason, not bugs.

The CLI shows each as one line naming the option it came from, and exits 2.
"""


class CiError(Exception):
    """A CI request that cannot be carried out; the message says why."""


class NoScenarioFiles(CiError):
    """A folder given on the command line holds no scenario file (almost always a mistyped path)."""


class BaselineError(CiError):
    """git cannot answer for ``--base``: not installed, not a repository, an unknown revision."""
