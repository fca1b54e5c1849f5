"""Contrast correction of the merchant's primary colour (WCAG relative luminance)."""

from __future__ import annotations

import pytest

from apps.widget.theme import DARK_TEXT, LIGHT_TEXT, contrast_ratio, relative_luminance, theme_for


def test_relative_luminance_follows_wcag() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    # WCAG's example threshold: #767676 is the lightest grey that passes on white
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_yellow_gets_dark_text_instead_of_white() -> None:
    theme = theme_for("#FFD400")
    assert (theme.primary, theme.on_primary) == ("#ffd400", DARK_TEXT)


@pytest.mark.parametrize("color", ["#1f6feb", "#0b3d2e", "#ff8800", "#6c6c6c"])
def test_colours_that_already_contrast_are_unchanged(color: str) -> None:
    theme = theme_for(color)
    assert theme.primary == color
    assert contrast_ratio(theme.primary, theme.on_primary) >= 4.5


@pytest.mark.parametrize("color", ["#777777", "#7a7a7a", "#e5392a", "#c8552a"])
def test_colours_too_weak_for_either_text_are_adjusted_until_they_pass(color: str) -> None:
    theme = theme_for(color)
    assert contrast_ratio(color, LIGHT_TEXT) < 4.5 and contrast_ratio(color, DARK_TEXT) < 4.5
    assert theme.primary != color
    assert contrast_ratio(theme.primary, theme.on_primary) >= 4.5
