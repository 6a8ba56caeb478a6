"""Entry point of the frozen ``xz`` (console) program."""

import sys

from xz_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
