from hypothesis import given
from hypothesis import strategies as st

from consultdesk.domain.hlc import (
    FUTURE_TOLERANCE_MS,
    MAX_COUNTER,
    Hlc,
    HlcClock,
    hlc_text,
    packed_of,
)


def test_clock_never_goes_backwards_even_if_the_wall_clock_does():
    times = iter([1000, 900, 900, 2000])
    clock = HlcClock("a", now_ms=lambda: next(times))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 4


def test_observing_a_remote_clock_moves_past_it_and_reports_the_far_future():
    clock = HlcClock("a", now_ms=lambda: 1000)
    assert clock.observe(Hlc(1000 + FUTURE_TOLERANCE_MS + 1, 5, "b"))
    assert clock.now() > Hlc(1000 + FUTURE_TOLERANCE_MS + 1, 5, "b")
    assert not clock.observe(Hlc(900, 0, "c"))


@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**15),
            st.integers(0, 9999),
            st.text("abcdef0123-", min_size=1, max_size=8),
        ),
        min_size=2,
    )
)
def test_text_form_sorts_like_the_clock(values):
    stamps = [Hlc(*v) for v in values]
    assert sorted(stamps) == sorted(stamps, key=str)
    assert all(Hlc.parse(str(s)) == s for s in stamps)


def test_a_burst_of_edits_in_one_millisecond_keeps_text_order():
    clock = HlcClock("a", now_ms=lambda: 5000)
    stamps = [clock.now() for _ in range(12_000)]
    assert [str(s) for s in stamps] == sorted(str(s) for s in stamps)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(s.counter <= 9999 for s in stamps)


def test_many_timestamps_at_once_follow_and_precede_single_ones():
    wall = [5_000]
    clock = HlcClock("dev", now_ms=lambda: wall[0])
    before = clock.now()
    # Past the counter: borrows the next millisecond.
    batch = [hlc_text(packed, "dev") for packed in clock.many(MAX_COUNTER + 5)]
    after = clock.now()
    texts = [str(before), *batch, str(after)]
    assert texts == sorted(set(texts))
    assert [Hlc.parse(t) for t in texts] == sorted(Hlc.parse(t) for t in texts)
    assert Hlc.parse(batch[-1]).wall_ms == 5_001
    assert clock.many(0) == []
    wall[0] = 9_000  # the wall clock moved on: the batch starts there
    assert [hlc_text(p, "dev") for p in clock.many(2)] == [
        "0000000000009000-0000-dev",
        "0000000000009000-0001-dev",
    ]


def test_a_packed_hlc_keeps_the_order_and_reads_back_as_its_text():
    stamps = [
        Hlc(1_763_758_400_000, 0, "b"),
        Hlc(1_763_758_400_000, 9999, "a"),
        Hlc(1_763_758_400_001, 0, "a"),
    ]
    assert [s.packed for s in stamps] == sorted(s.packed for s in stamps)
    for s in stamps:
        assert hlc_text(s.packed, s.device) == str(s)
        assert packed_of(str(s)) == (s.packed, s.device)
