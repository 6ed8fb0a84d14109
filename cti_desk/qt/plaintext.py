"""Text from outside, shown as text: never let a caller name or a note become HTML.

QLabel takes `Qt.PlainText`, but tooltips and item tooltips have no such switch: Qt
guesses rich text from the content (`Qt.mightBeRichText`), so `<img src=x>` in a note
would be rendered. `tooltip()` escapes the text and states the format itself.
"""

from __future__ import annotations

import html


def tooltip(text: str | None) -> str:
    if not text:
        return ""
    return "<qt><p style='white-space:pre-wrap'>" + html.escape(text) + "</p></qt>"
