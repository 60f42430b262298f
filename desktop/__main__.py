"""`python -m desktop`: the same as the `factdeck` command."""
import sys

from desktop.cli import main

sys.exit(main())
