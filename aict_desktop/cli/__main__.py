import sys

from aict_desktop.cli import main

sys.exit(main())
