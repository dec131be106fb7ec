"""What a test may assume of this machine's BLAS about the order it sums a matrix product's columns in.

OpenBLAS's Haswell kernels sum every column of a matrix product in one order, whatever the columns beside it; its
AVX-512 kernels (picked at run time on such a CPU) sum a product of 2-4 columns, and a last column left over from
their blocks of 8, in other orders than the rest. A sum of the same non-negative terms in two orders differs by
at most 2 (n - 1) u of the sum (u = 2^-53, Higham, *Accuracy and Stability of Numerical Algorithms*, §4.2), so
the engine's figures agree across chunkings to that bound wherever a chunk's samples are summed as one product
(docs/simulate.md), and to the last bit where the BLAS sums each column alike.
"""

from __future__ import annotations

import functools

import numpy as np

UNIT_ROUNDOFF = 2.0 ** -53


def reordered_sum_bound(terms: int) -> float:
    """How far apart, relative to the sum, two sums of the same ``terms`` non-negative numbers can be."""
    return 2 * (terms - 1) * UNIT_ROUNDOFF


@functools.cache
def blas_sums_columns_alike() -> bool:
    """Whether every column of a product here is summed as it is alone among 2 or among 2,184 columns."""
    rng = np.random.default_rng(0)
    matrix, column = np.tril(rng.random((120, 120))), rng.random((120, 1))
    reference = matrix @ np.repeat(column, 2, axis=1)
    return all(np.array_equal(matrix @ np.repeat(column, count, axis=1), np.repeat(reference[:, :1], count, axis=1))
               for count in (3, 4, 5, 9, 17, 64, 65, 2184))
