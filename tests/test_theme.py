import pytest

from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, Theme, contrast_ratio


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=lambda p: p.name)
def test_every_text_colour_pair_reaches_7_to_1(palette):
    for name, (foreground, background) in palette.text_pairs().items():
        assert contrast_ratio(foreground, background) >= 7.0, f"{palette.name}: {name}"


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_type_sizes_at_1080p_meet_the_spec():
    theme = Theme(STANDARD, 1920, 1080, 96.0)
    assert theme.body_px >= 28
    assert theme.heading_px >= 44


def test_text_size_control_scales_type():
    base = Theme(STANDARD, 1920, 1080, 96.0, 100)
    assert base.with_changes(text_percent=150).body_px == round(base.body_px * 1.5)


@pytest.mark.parametrize("width,height,dpi", [(1920, 1080, 96), (1280, 800, 96), (1920, 1080, 160),
                                              (1280, 800, 216), (800, 480, 72)])
def test_touch_targets_are_12mm_and_never_below_64px(width, height, dpi):
    theme = Theme(STANDARD, width, height, dpi)
    assert theme.target_px >= 64
    assert theme.target_px / dpi * 25.4 >= 12.0 - 0.2  # rounding to whole pixels
    assert theme.gap_px >= 8


def test_the_focus_ring_stands_out_from_the_page_in_both_colour_schemes():
    from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, contrast_ratio

    for palette in (STANDARD, HIGH_CONTRAST):
        assert contrast_ratio(palette.focus, palette.background) >= 3.0, palette.name
        assert contrast_ratio(palette.focus, palette.surface) >= 3.0, palette.name
