"""Runnable figures: `python -m benchmarks.startup` (more figures join as the kiosk grows)."""
