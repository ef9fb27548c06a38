"""The line under the text: where you are, which model, how far translation got."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    """``doc.txt · sentence 12/165 · search 2/7 │ opus-mt-de-en · cpu · translated 37/165``."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        & > .status-bar--warning { color: $text-warning; text-style: bold; }
        & > .status-bar--dim { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-bar--warning", "status-bar--dim"}

    document: reactive[str] = reactive("")
    chapter: reactive[str] = reactive("")
    """The heading the current sentence is under (empty: none)."""
    position: reactive[tuple[int, int]] = reactive((0, 0))
    growing: reactive[bool] = reactive(False)
    """Whether the rest of the document is still being segmented (the total grows)."""
    model: reactive[str] = reactive("loading model…")
    model_missing: reactive[bool] = reactive(False)
    progress: reactive[tuple[int, int] | None] = reactive(None)
    cached: reactive[int] = reactive(0)
    search: reactive[str] = reactive("")

    def render(self) -> Text:
        dim = self.get_component_rich_style("status-bar--dim", partial=True)
        current, total = self.position
        left = Text.assemble(self.document, overflow="ellipsis")
        if self.chapter:
            left.append(f" · {self.chapter}")
        left.append(f" · sentence {current + 1}/{total}{'…' if self.growing else ''}", style=dim)
        if self.search:
            left.append(f" · {self.search}")
        model_style = (
            self.get_component_rich_style("status-bar--warning", partial=True)
            if self.model_missing
            else dim
        )
        right = Text(self.model, style=model_style)
        if self.progress is not None:
            done, total_pairs = self.progress
            right.append(f" · translated {done}/{total_pairs}")
            if self.cached:
                right.append(f" · {self.cached} cached", style=dim)
        gap = max(self.size.width - left.cell_len - right.cell_len, 1)
        return Text.assemble(left, " " * gap, right, no_wrap=True, overflow="ellipsis")
