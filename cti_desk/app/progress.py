"""Progress on long CLI work (demo data, imports), drawn by tqdm on stderr."""

from __future__ import annotations

import sys

_bars: dict[str, object] = {}


def cli_progress(stage: str, done: int, total: int) -> None:
    """Services call this as (stage, done, total); one bar per stage."""
    from tqdm import tqdm

    bar = _bars.get(stage)
    if bar is None:
        bar = _bars[stage] = tqdm(
            total=total, desc=stage, unit="row", unit_scale=True, file=sys.stderr,
            leave=True, dynamic_ncols=True, disable=None,
        )
    bar.n = done
    bar.refresh()
    if done >= total:
        bar.close()
        _bars.pop(stage, None)
