"""``python -m chronik``: the same command line as the ``chronik`` script."""

from chronik.interfaces.cli import main

main()
