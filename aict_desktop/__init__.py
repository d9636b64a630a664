"""AICT Secretariat Desktop: the secretariat's program for committees and networks."""

__version__ = "0.1.0"
APP_NAME = "aict-desktop"
