"""Comparator networks: outputs against the 0-1 principle and a full sort, swap counts, and
the drawing's column order."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tron.stdlib.sorting_networks import (
    network_columns,
    network_outputs,
    network_swaps,
    sorting_network,
)


@st.composite
def _networks(draw):
    n = draw(st.integers(2, 6))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=10))
    pairs = [(min(x, y), max(x, y)) for x, y in pairs if x != y]
    values = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
    return values, [p[0] for p in pairs], [p[1] for p in pairs]


@settings(max_examples=80, deadline=None)
@given(_networks())
def test_outputs_permute_inputs_and_each_comparator_orders_its_pair(net):
    values, a, b = net
    out = network_outputs(values, a, b)
    assert sorted(out) == sorted(values)
    # The last comparator leaves its two wires in order.
    if a:
        assert out[a[-1]] <= out[b[-1]]
    assert 0 <= network_swaps(values, a, b) <= len(a)


def test_bubble_network_sorts_every_input():
    n = 4
    a, b = [], []
    for end in range(n - 1, 0, -1):
        for i in range(end):
            a.append(i)
            b.append(i + 1)
    for vals in itertools.product(range(3), repeat=n):
        assert network_outputs(list(vals), a, b) == sorted(vals)
    # A reversed input needs every comparator of bubble sort to swap.
    assert network_swaps([4, 3, 2, 1], a, b) == len(a)


@settings(max_examples=60, deadline=None)
@given(_networks())
def test_columns_keep_the_order_of_comparators_sharing_a_wire(net):
    values, a, b = net
    cols = network_columns(len(values), a, b)
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if not (b[i] < a[j] or b[j] < a[i]):  # spans overlap: j must be drawn later
                assert cols[j] > cols[i]


def test_drawing_keys_every_wire_and_comparator():
    comp = sorting_network([3, 1, 2], [0, 1, 0], [1, 2, 2], ["P", "Q", "R"])
    keys = set(comp.subkeys())
    assert {"w0", "w1", "w2", "k0", "k1", "k2"} <= keys
