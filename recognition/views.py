"""Routes of the recognition area, split by concept; importing this registers them all."""

from . import (  # noqa: F401 - imported for their routes and hooks
    api,
    award_views,
    board_views,
    complaint_views,
    demo,
    hr_views,
    inbox_views,
    integration,
    public_views,
)
