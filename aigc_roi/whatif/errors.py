"""What a what-if refuses to do: problems of the request, not bugs.

The CLI turns a ``WhatIfError`` into one line and exit 2; any other
exception is a bug and must not be dressed up as a usage error.
"""


class WhatIfError(ValueError):
    """A what-if asked of a scenario that cannot answer it (the message says why)."""
