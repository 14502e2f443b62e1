"""Run the command line as `python -m resdraft`."""

from resdraft.cli import main

main()
