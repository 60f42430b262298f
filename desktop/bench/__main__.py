"""`python -m desktop.bench`: measure every figure against its floor, print a table, write JSON."""
import sys

from desktop.bench.runner import main

sys.exit(main())
