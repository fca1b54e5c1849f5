"""The widget's effective colours: the merchant's primary colour, corrected so that text on it
stays readable (WCAG 2.x contrast ratio >= 4.5 for normal text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
LIGHT_TEXT = "#ffffff"
DARK_TEXT = "#111111"
MIN_CONTRAST = 4.5
# Each correction step mixes this much black (or white) into the colour: small enough to stay
# close to the merchant's hue, and at most 1 / STEP steps are needed to reach black or white.
_STEP = 0.02


@dataclass(frozen=True)
class Theme:
    primary: str
    on_primary: str


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _mix(color: tuple[int, int, int], target: tuple[int, int, int], share: float) -> str:
    """`color` with `share` (0..1) of `target` mixed in, as `#rrggbb`."""
    return "#" + "".join(
        f"{round(c + (t - c) * share):02x}" for c, t in zip(color, target, strict=True)
    )


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of `#rrggbb`, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def theme_for(primary: str) -> Theme:
    """Text colour is whichever of white and near-black contrasts more with `primary`; when even
    that is below MIN_CONTRAST, `primary` is darkened (white text) or lightened (dark text)
    step by step until it is not. Colours that already pass come back unchanged."""
    primary = primary.lower()
    on_primary = max((LIGHT_TEXT, DARK_TEXT), key=lambda text: contrast_ratio(primary, text))
    target = (0, 0, 0) if on_primary == LIGHT_TEXT else (255, 255, 255)
    original = _rgb(primary)
    corrected = primary
    step = 0
    while contrast_ratio(corrected, on_primary) < MIN_CONTRAST:
        step += 1
        corrected = _mix(original, target, min(1.0, step * _STEP))
    return Theme(primary=corrected, on_primary=on_primary)
