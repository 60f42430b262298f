"""PyInstaller's entry script: the frozen Factdeck runs exactly what `factdeck` runs."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
