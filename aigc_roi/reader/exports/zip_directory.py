"""How many entries an xlsx's zip directory lists, counted from its bytes before ``zipfile`` reads it.

``zipfile.ZipFile`` builds an object for every entry of the directory as it opens an archive (a million empty
entries, 90 MB on disk, take 7 seconds and half a gigabyte), and each reading of the workbook opens it again, so
a bound on the entries is checked before any of them. The walk is zipfile's own: the directory is the ``size`` bytes that
end where the end record (or its zip64 form) begins, each entry a 46-byte header and its name, extra field and
comment. The count the end record declares is not read: zipfile does not stop at it either.
"""

from __future__ import annotations

import struct

_END = b"PK\x05\x06"
_END_SIZE = 22
_COMMENT_REACH = 1 << 16
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END = b"PK\x06\x06"
_ZIP64_END_SIZE = 56
_ENTRY = b"PK\x01\x02"
_ENTRY_SIZE = 46


def entries_over(data: bytes, limit: int) -> bool:
    """Whether the zip archive ``data`` lists more than ``limit`` entries in its directory; False for bytes that
    are no zip archive, which the workbook reader then names as such."""
    end = len(data) - _END_SIZE
    if end < 0 or data[end:end + 4] != _END or data[-2:] != b"\0\0":
        # A comment follows the end record: the last record within a comment's reach, as zipfile looks for it.
        end = data.rfind(_END, max(0, len(data) - _END_SIZE - _COMMENT_REACH))
    if end < 0 or end + _END_SIZE > len(data):
        return False
    size = struct.unpack_from("<L", data, end + 12)[0]
    locator = end - _ZIP64_LOCATOR_SIZE
    zip64_end = locator - _ZIP64_END_SIZE
    if zip64_end >= 0 and data[locator:locator + 4] == _ZIP64_LOCATOR and data[zip64_end:zip64_end + 4] == _ZIP64_END:
        end, size = zip64_end, struct.unpack_from("<Q", data, zip64_end + 40)[0]
    position, count = end - size, 0
    if position < 0:
        return False
    while position < end and count <= limit:
        if position + _ENTRY_SIZE > end or data[position:position + 4] != _ENTRY:
            return False  # a damaged directory, which zipfile refuses at this entry
        names, extra, comment = struct.unpack_from("<3H", data, position + 28)
        position += _ENTRY_SIZE + names + extra + comment
        count += 1
    return count > limit
