"""The reader's commands in the command palette (Ctrl+P): chapters, terms,
footnotes, and the layout and word-mode switches."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from reader.views.tui.screen import ReaderScreen

Command = tuple[str, Callable[[], object], str]
"""What the palette lists, what choosing it does, and a line of help."""


class ReaderCommands(Provider):
    """Commands of the reader screen that opened the palette."""

    async def startup(self) -> None:
        # Once per opening of the palette: finding the terms of a long
        # document matches the glossary in every sentence.
        self._list = self._commands()

    def _commands(self) -> list[Command]:
        screen: ReaderScreen = self.screen  # type: ignore[assignment]  # COMMANDS of ReaderScreen
        commands: list[Command] = [
            ("Toggle layout: side by side / stacked", screen.action_toggle_layout, "v"),
            ("Word mode: a word cursor on the German", screen.action_word_mode, "w"),
        ]
        for entry in screen.reading.contents:
            jump = partial(screen.jump, entry.index)
            commands.append((f"Go to chapter: {entry.title}", jump, "a heading of the document"))
        for info in screen.document_terms():
            commands.append((f"Term: {info.summary}", partial(screen.explain, info), "glossary"))
        for paragraph in screen.reading.paragraphs:
            if paragraph.kind == "footnote" and paragraph.sentences:
                text = " ".join(sentence.text for sentence in paragraph.sentences)
                jump = partial(screen.jump, paragraph.sentences[0].index)
                commands.append((f"Footnote {paragraph.marker}: {text}", jump, "go to the note"))
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._list:
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._list:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
