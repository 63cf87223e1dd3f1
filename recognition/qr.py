"""The QR code of a site's feedback form, drawn on the server by segno."""

from __future__ import annotations

import segno


def qr_svg_data_uri(url: str) -> str:
    """An SVG data URI (allowed by the CSP's img-src data:) encoding `url`."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2)
