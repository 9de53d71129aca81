"""Stage 1: seed bytes -> Article (decode, metadata, parse, report, preservation check)."""
