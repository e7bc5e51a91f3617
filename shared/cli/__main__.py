"""`python -m shared.cli`: the hallkit command, for subprocesses that need it by path."""

from shared.cli import main

main()
