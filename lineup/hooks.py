"""Extension points through which the area blueprints contribute to shared pages.

`lineup/` never imports an area; areas register here when their package is imported
(create_app imports them to register the blueprints). Each hook is a plain list of callables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Panel:
    """A block on the Today page: a template to include and the context it needs."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class WowStory:
    text: str
    attribution: str
    source_id: int | None = None


@dataclass(order=True, frozen=True)
class _Entry:
    order: int
    name: str
    fn: Callable = field(compare=False)


_today_panels: dict[str, _Entry] = {}
_hr_links: dict[str, _Entry] = {}
_team_links: dict[str, _Entry] = {}
_demo_seeders: dict[str, _Entry] = {}
_wow_story_providers: dict[str, _Entry] = {}


def today_panel(order: int) -> Callable:
    """Register fn(user, today_context) -> Panel | None for the Today page."""

    def deco(fn: Callable) -> Callable:
        _today_panels[fn.__qualname__ + fn.__module__] = _Entry(order, fn.__qualname__, fn)
        return fn

    return deco


def hr_link(order: int, audience: str = "hr") -> Callable:
    """Register fn(user) -> list[(label, url)] for the HR hub ("hr") or the Team page ("team")."""

    def deco(fn: Callable) -> Callable:
        registry = _hr_links if audience == "hr" else _team_links
        registry[fn.__qualname__ + fn.__module__] = _Entry(order, fn.__qualname__, fn)
        return fn

    return deco


def demo_seeder(order: int) -> Callable:
    """Register fn(today: date) -> None; run by `flask seed-demo` in order, idempotently."""

    def deco(fn: Callable) -> Callable:
        _demo_seeders[fn.__qualname__ + fn.__module__] = _Entry(order, fn.__qualname__, fn)
        return fn

    return deco


def wow_story_provider(order: int) -> Callable:
    """Register fn(lineup) -> WowStory | None; the first provider with a story wins."""

    def deco(fn: Callable) -> Callable:
        _wow_story_providers[fn.__qualname__ + fn.__module__] = _Entry(order, fn.__qualname__, fn)
        return fn

    return deco


def today_panels() -> list[Callable]:
    return [e.fn for e in sorted(_today_panels.values())]


def hr_links() -> list[Callable]:
    return [e.fn for e in sorted(_hr_links.values())]


def team_links() -> list[Callable]:
    return [e.fn for e in sorted(_team_links.values())]


def demo_seeders() -> list[Callable]:
    return [e.fn for e in sorted(_demo_seeders.values())]


def wow_story_providers() -> list[Callable]:
    return [e.fn for e in sorted(_wow_story_providers.values())]
