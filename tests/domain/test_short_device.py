"""The 8 characters shown for a laptop tell apart laptops set up in the same minute."""

from consultdesk.domain.ids import new_id, short_device


def test_laptops_set_up_together_show_different_short_ids() -> None:
    devices = [new_id().replace("-", "") for _ in range(50)]  # as a new workspace makes them
    assert len({d[:8] for d in devices}) <= 2  # the start is a timestamp: alike
    assert len({short_device(d) for d in devices}) == 50
    assert all(len(short_device(d)) == 8 for d in devices)
