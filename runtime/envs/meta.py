"""An instance's `meta` dict whose "state" entry (the latent state as JSON) is built on first
read: a trainer that never looks at it does not pay for it (3 ms for the largest states).

The key is present from the start, in its place, so key order, `len` and `in` never change;
every way of reading the dict (indexing, `get`, iteration, items, copies, `==`, json, pickle)
builds the value first, so what a reader sees is exactly the eagerly built dict."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

STATE = "state"


class _Unbuilt:
    def __repr__(self) -> str:
        return "<state not built yet>"


UNBUILT = _Unbuilt()


class LazyMeta(dict[str, Any]):
    """A dict; meta[STATE] is `build()` on first read (or whatever was stored there since)."""

    __slots__ = ("_build",)

    def __init__(self, items: dict[str, Any], build: Callable[[], Any]):
        super().__init__(items)
        dict.__setitem__(self, STATE, UNBUILT)
        self._build: Callable[[], Any] | None = build

    def _force(self) -> None:
        build = self._build
        if build is not None:
            self._build = None
            if dict.get(self, STATE) is UNBUILT:
                dict.__setitem__(self, STATE, build())

    @property
    def built(self) -> bool:
        return self._build is None

    def __getitem__(self, key: str) -> Any:
        if key == STATE:
            self._force()
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        if key == STATE:
            self._force()
        return dict.get(self, key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        if key == STATE:
            self._build = None
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        if key == STATE:
            self._build = None
        dict.__delitem__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._force()  # dict(m), {**m} and f(**m) then take the slow path through keys/getitem
        return dict.__iter__(self)

    def keys(self) -> Any:
        self._force()
        return dict.keys(self)

    def values(self) -> Any:
        self._force()
        return dict.values(self)

    def items(self) -> Any:
        self._force()
        return dict.items(self)

    def pop(self, key: str, *default: Any) -> Any:
        self._force()
        return dict.pop(self, key, *default)

    def popitem(self) -> tuple[str, Any]:
        self._force()
        return dict.popitem(self)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._force()
        return dict.setdefault(self, key, default)

    def copy(self) -> dict[str, Any]:
        self._force()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._force()
        if isinstance(other, LazyMeta):
            other._force()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def __or__(self, other: Any) -> Any:
        self._force()
        return dict(dict.items(self)) | other

    def __ror__(self, other: Any) -> Any:
        self._force()
        return other | dict(dict.items(self))

    def __repr__(self) -> str:
        self._force()
        return dict.__repr__(self)

    def __reduce__(self) -> Any:
        # Pickled still lazy: the builder (jsonable over the state the instance carries
        # anyway) travels, not the JSON; a pickled built dict travels as it is.
        self_items = dict(dict.items(self))
        if self._build is None:
            return (dict, (self_items,))
        return (_rebuild, (self_items, self._build))


def _rebuild(items: dict[str, Any], build: Callable[[], Any]) -> LazyMeta:
    return LazyMeta(items, build)
