"""``python -m marsad``: the command line, for a checkout that is not installed."""

from marsad.cli import main

main()
