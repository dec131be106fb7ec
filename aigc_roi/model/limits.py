"""Number limits every layer agrees on (docs/limits.md): the reader refuses
files beyond them, the what-if searches stay inside them."""

from __future__ import annotations

MAX_MAGNITUDE = 1e15
"""Largest absolute value of any number in a file: far above any real budget,
low enough that no product of amounts the model forms can overflow float64."""
MIN_UNIT_COST = 1e-6
"""Smallest bid or cpm that a budget may divide by (users = budget / bid)."""
MAX_PLANS = 50
"""Subscription plans per scenario."""
MAX_PURCHASES = 50
"""One-off purchase items per scenario."""
MAX_ORDERS = 50
"""B2B order lines per scenario."""
MIN_MAGNITUDE = 1e-9
"""Smallest absolute value of a non-zero number: anything smaller is a unit
mistake, and dividing by it (ROI over a near-zero spend) would overflow."""
MAX_SEED = 2**128 - 1
"""The largest seed: a fresh ``numpy.random.SeedSequence`` draws its entropy as 128 bits, so every seed numpy itself
makes is one, and a larger one would only be a number written out to no purpose (numpy sets no bound)."""
MAX_SEED_WRITTEN = "2^128 - 1"
"""MAX_SEED as the power it is short of, not its 39 digits: the one spelling of the refusals, of ``--help`` in both
languages and of docs/limits.md."""
MAX_CHANNELS = 50
"""Acquisition channels per scenario."""
MAX_HORIZON_MONTHS = 120
FIRST_MONTH = (1900, 1)
"""The earliest ``start``: the first month a spreadsheet's dates hold (Excel's 1900 date system), and no plan
of a business today reaches back further; year 0 is in no calendar Python or Excel use."""
LAST_MONTH = (9999, 12)
"""The last month a horizon may reach: a later one would be labelled with a five-digit year (10009-11)."""
MAX_FIXED_COSTS = 50
"""Most fixed costs (as plans and purchases): far above any real cost ledger, and low enough that every
command, whose work grows with them times the horizon, stays fast."""
MAX_RETENTION_POINTS = MAX_HORIZON_MONTHS
"""One point per month at most: ages are distinct months within the horizon."""
MAX_RETENTION_DAY = 3653
"""Last day a ``retention.days`` point may name: ten years, the longest horizon (120 x 30.4375 days)."""
MIN_RETENTION_DAYS = 2
"""Fewest ``retention.days`` points: a power law needs two to be fitted."""
MAX_MATCH_PATTERNS = 100
"""Globs in one channel's ``match``."""
MAX_MILESTONES = 50
MAX_GATES = 20

MAX_FILE_BYTES = 1024 * 1024
"""Largest scenario file read (1 MiB)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted (the format needs 5)."""
MAX_MAPPING_KEYS = MAX_RETENTION_DAY
"""Most keys in one mapping, 3653: ``retention.days`` holds up to one share per day of ten years (a daily export).
Parsing a mapping costs a dictionary entry a key, and ``MAX_SCALARS`` still bounds the file: a mapping of 3653
unknown keys validates in a tenth of a second."""
MAX_SCALARS = 25_000
"""Most keys and values in a file, each scalar, list, mapping and alias counting one; the largest valid
file within the other limits (50 channels, plans, purchases and fixed costs, each with a 120-month list) has about 17,000.
Both limits stop parsing at once, so the time any file takes is bounded by them, not by its
bytes (a 1 MiB file holds 500,000 scalars, which take seconds just to build)."""

MAX_EXPORT_BYTES = 256 * 1024 * 1024
"""Largest ad-platform export read (256 MiB, about 2.5 million rows of a daily report)."""
MAX_EXPORT_UNPACKED_BYTES = 512 * 1024 * 1024
"""Largest xlsx export once unpacked (512 MiB, all its parts): a sheet of Excel's 1,048,576 rows of a 10-column
daily report is about 440 MB of XML, while a small archive that unpacks to gigabytes (a zip bomb) is refused
from its directory before any part is read."""
MAX_EXPORT_PARTS = 10_000
"""Most entries (parts: sheets, styles, images) an xlsx export's zip directory may list: a workbook Excel writes has
a few per sheet, while a small archive of a million empty entries would take seconds and half a gigabyte just to
open, before its size or contents could be checked."""
MAX_ERRORS_PER_FILE = 100
"""More than this and the rest of an export's errors are counted, not listed: the first hundred show the pattern."""

MAX_SAMPLES = 1_000_000
"""Most Monte Carlo samples a command takes (simulate, compare, check, report, allocate): its memory is measured
in benchmarks/bench_simulate.py, and allocate's search holds a few (candidates x samples) feature arrays at once."""
ALLOCATE_SAMPLES = 10_000
"""The draws of allocate's risk objective or chance limit where the call gives none (``--samples``' default too)."""
MAX_SIMULATE_SAMPLES = 10_000_000
"""Most samples ``simulate`` takes: past 2,000,000 it streams (whatif/simulate.py), within 2 GiB at 120 months."""
MIN_ACTUALS_SAMPLES = 100
"""Fewest draws of the plan ``actuals`` places an actual among: at 100 a percentile moves in steps of one point."""
MAX_ACTUALS_SAMPLES = 100_000

MAX_STEP = 1.0
"""Largest step of ``sensitivity``, whose drivers move by -step and +step of their value (a step is above 0): at 1
the low move reaches 0, past it a price or a count would turn negative."""
MIN_GRID_STEPS = 2
"""Fewest values of each driver of ``sensitivity``'s grid: its two ends."""
MAX_GRID_STEPS = 41
"""Most values of each driver of ``sensitivity``'s grid: a table of 41 x 41 ROIs, one engine call of 1,682 samples."""
