"""Command-line subcommands. Each module offers `add_arguments(parser)` and `run(args) -> int`.

`cli.py` registers them; exit codes follow DESIGN.md: 0 success, 1 data or file
failure, 2 misuse.
"""
