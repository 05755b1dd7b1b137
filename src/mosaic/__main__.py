"""`python -m mosaic` runs the command line."""

from mosaic.cli.app import main

main()
