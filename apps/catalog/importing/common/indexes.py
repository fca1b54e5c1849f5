"""A compact "have we seen this key?" table for whole-file checks (duplicate SKUs, product keys
that come back later in the file) that must not grow like a dict of strings.

Keys are kept as 64-bit hashes in open-addressing arrays, with a few integer fields each: about
24-48 bytes per key at most, so 500,000 SKUs take ~12 MB instead of ~60 MB for a set of str.
Two different keys colliding on all 64 bits is vanishingly unlikely (~10⁻⁸ for a million keys);
Python's str hash is stable within the process, which is all a single read needs.
"""

from __future__ import annotations

from array import array

_MASK = (1 << 64) - 1


def key_hash(key: str) -> int:
    return (hash(key) & _MASK) or 1  # 0 marks an empty slot


class CompactIndex:
    def __init__(self, fields: tuple[str, ...] = ("I",), capacity: int = 1024) -> None:
        """`fields`: array typecodes of the integer fields stored per key ("I" = 32-bit,
        "Q" = 64-bit)."""
        self._codes = fields
        self._size = 0
        self._allocate(capacity)

    def _allocate(self, capacity: int) -> None:
        self._capacity = capacity
        self._keys = array("Q", bytes(8 * capacity))
        self._fields = [array(code, [0]) * capacity for code in self._codes]

    def __len__(self) -> int:
        return self._size

    def _slot(self, h: int) -> int:
        mask = self._capacity - 1
        slot = h & mask
        keys = self._keys
        while keys[slot] and keys[slot] != h:
            slot = (slot + 1) & mask
        return slot

    def get(self, key: str) -> tuple[int, ...] | None:
        h = key_hash(key)
        slot = self._slot(h)
        if not self._keys[slot]:
            return None
        return tuple(values[slot] for values in self._fields)

    def __contains__(self, key: str) -> bool:
        return bool(self._keys[self._slot(key_hash(key))])

    def put(self, key: str, *values: int) -> None:
        """Insert or overwrite."""
        h = key_hash(key)
        slot = self._slot(h)
        if not self._keys[slot]:
            if (self._size + 1) * 2 > self._capacity:
                self._grow()
                slot = self._slot(h)
            self._keys[slot] = h
            self._size += 1
        for column, value in zip(self._fields, values, strict=False):
            column[slot] = value

    def _grow(self) -> None:
        keys, fields = self._keys, self._fields
        self._allocate(self._capacity * 2)
        for old, h in enumerate(keys):
            if h:
                slot = self._slot(h)
                self._keys[slot] = h
                for new_column, old_column in zip(self._fields, fields, strict=True):
                    new_column[slot] = old_column[old]
