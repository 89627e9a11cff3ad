"""Components: the drawable values stdlib functions build and a spec's draw statement places.

A Component is an ordered list of scene items, each tagged with an optional subkey naming the
part it belongs to ("bar3", "n2"), so the runtime can check per part that what a question
depends on is visible. Drawing under key K gives items the key K or "K/subkey".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tron.render.scene import BBox, Item, Scene, union_bbox

CANVAS = 512  # default canvas side in px; components fill it unless told otherwise


class SampleRejected(Exception):
    """A random construction could not satisfy its constraints within its bounded tries.

    The caller's rejection sampling catches it and retries with a fresh draw.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Component:
    """Scene items in drawing order, each with the subkey of the part it belongs to."""

    items: list[tuple[Item, str | None]] = field(default_factory=list)

    def add(self, item: Item, sub: str | None = None) -> None:
        self.items.append((item, sub))

    def extend(self, other: Component, prefix: str | None = None) -> None:
        """Append `other`'s items; with `prefix`, subkeys become "prefix" or "prefix/sub"."""
        for item, sub in other.items:
            if prefix is None:
                self.items.append((item, sub))
            else:
                self.items.append((item, prefix if sub is None else f"{prefix}/{sub}"))

    def bbox(self) -> BBox:
        """Painted extents (x0, y0, x1, y1) of all items; a zero box at the origin if empty."""
        if not self.items:
            return (0.0, 0.0, 0.0, 0.0)
        return union_bbox(item for item, _ in self.items)

    def subkeys(self) -> list[str]:
        """Distinct subkeys in order of first appearance."""
        return list(dict.fromkeys(sub for _, sub in self.items if sub is not None))


def draw(scene: Scene, key: str, comp: Component) -> None:
    """Add `comp`'s items to `scene` under `key` (or "key/subkey" for items in a named part)."""
    for item, sub in comp.items:
        scene.add(item, key=key if sub is None else f"{key}/{sub}")
