import sys

from generator.cli import main

if __name__ == "__main__":  # a spawned worker (Windows, macOS) imports this module again: it must not run
    sys.exit(main())
