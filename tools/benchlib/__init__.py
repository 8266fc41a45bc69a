"""Pieces of tools/bench: running firmware on the virtual boards, parsing `@` records, reading map
files, and writing BENCHMARKS.md and its charts."""
