"""User-facing messages of the layers below the GUI.

The domain and services cannot import Qt, yet their messages must go through Qt's
translation. They are written as Chinese templates marked with ``QT_TRANSLATE_NOOP``
(a name ``pyside6-lupdate`` recognises in any Python file) plus parameters; the GUI
translates the template and then formats it, the CLI formats the Chinese source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# How the GUI translates a template: (context, source text) -> text.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


@dataclass(frozen=True)
class Message:
    """A translatable template and the values to put in it."""

    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def format(self, translate: Translate | None = None) -> str:
        """The text, translated by ``translate(context, template)`` when one is given."""
        template = translate(self.context, self.template) if translate else self.template
        # a parameter that is itself a message (a reason inside a refusal) is translated the same way
        params = {k: v.format(translate) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**params)

    def __str__(self) -> str:
        return self.format()


def joined(parts: Sequence[object], sep: str = "、") -> Message:
    """Several parts (messages or plain values) as one list, each part translated where it is a message:
    a list of field names inside a refusal reads in the window's language."""
    template = sep.join(f"{{p{n}}}" for n in range(len(parts)))
    return Message("messages", template, {f"p{n}": part for n, part in enumerate(parts)})


class XzError(Exception):
    """A refusal the user must read: bad input, a broken file, a locked database.

    Carries a :class:`Message` so the GUI can translate it; ``str()`` gives the
    Chinese source text, which is what the CLI prints.
    """

    def __init__(self, message: Message | str, *, details: Sequence[Message | str] | None = None):
        if isinstance(message, str):
            message = Message("errors", message)
        self.message = message
        self.details = list(details or [])
        super().__init__(str(message))

    def lines(self, translate: Translate | None = None) -> list[str]:
        """The message followed by each detail, as text."""
        out = [self.message.format(translate)]
        for d in self.details:
            out.append(d.format(translate) if isinstance(d, Message) else str(d))
        return out
