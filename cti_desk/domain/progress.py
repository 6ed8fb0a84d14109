"""How long work reports progress: progress(stage, done, total), drawn by the caller."""

from collections.abc import Callable

ProgressFn = Callable[[str, int, int], None]
