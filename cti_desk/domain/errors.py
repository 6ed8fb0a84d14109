"""Errors every layer may raise and the CLI maps to exit codes."""


class BadArgument(ValueError):
    """Something the user passed is malformed (a URL, a file kind): exit status 2."""
