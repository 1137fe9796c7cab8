"""The intake survey as plain Python: conditions, the session (next/back/review/finish) and the outcome."""
