"""reports layer (no Qt: see tests/test_layers.py)."""
