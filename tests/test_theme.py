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


# The millimetre floor for text (ADA 2010 §707.7.2: capital letters at least 4.8 mm tall), from the panel's DPI.

from kiosk.ui.theme import CAP_HEIGHT_EM, CAP_MM, DPI_FALLBACK, TEXT_SCALES, min_text_px, panel_dpi  # noqa: E402


def cap_mm(font_px: float, dpi: float) -> float:
    return font_px * CAP_HEIGHT_EM / dpi * 25.4


@pytest.mark.parametrize("dpi,expected", [(96, 28), (100, 29), (141, 40), (160, 46), (220, 63)])
def test_min_text_px_is_the_smallest_size_with_capitals_4_8mm_tall(dpi, expected):
    assert min_text_px(dpi) == expected
    assert cap_mm(expected, dpi) >= CAP_MM
    assert cap_mm(expected - 1, dpi) < CAP_MM      # and not a pixel more than needed


def test_min_text_px_grows_with_dpi():
    sizes = [min_text_px(dpi) for dpi in range(50, 601)]
    assert sizes == sorted(sizes)


@pytest.mark.parametrize("configured,reported,expected", [
    (141, 96.0, 141.0),                # IT's setting wins over what the screen says
    (None, 141.3, 141.3),              # a plausible report is used as it is
    (None, None, DPI_FALLBACK),        # no screen
    (None, 0.0, DPI_FALLBACK),         # a panel that reports no size
    (None, float("nan"), DPI_FALLBACK),
    (None, float("inf"), DPI_FALLBACK),
    (None, 31.0, DPI_FALLBACK),        # a TV's EDID
    (None, 1410.0, DPI_FALLBACK),      # a size given in cm read as mm
])
def test_panel_dpi_prefers_the_site_setting_then_a_plausible_report(configured, reported, expected):
    assert panel_dpi(configured, reported) == pytest.approx(expected)


@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 800), (1024, 600)])
@pytest.mark.parametrize("dpi", [141, 160])
def test_body_text_meets_the_floor_at_100_and_scales_from_it(width, height, dpi):
    base = Theme(STANDARD, width, height, dpi, 100)
    assert cap_mm(base.body_px, dpi) >= CAP_MM
    for percent in (125, 150):
        bigger = base.with_changes(text_percent=percent)
        assert bigger.body_px >= base.body_px
        assert bigger.body_px_at(percent) == bigger.body_px == base.body_px_at(percent)
        assert bigger.body_px == round(base.body_px * TEXT_SCALES[percent])


def test_the_audit_panel_gets_40px_body_text_instead_of_28():
    """Issue 18: 1920x1080 at 141 dpi had 28 px body text (capitals 3.4 mm)."""
    assert round(cap_mm(28, 141), 1) == 3.4
    theme = Theme(STANDARD, 1920, 1080, 141)
    assert [theme.with_changes(text_percent=p).body_px for p in (100, 125, 150)] == [40, 50, 60]


def test_body_px_at_gives_each_text_size_its_own_body_size():
    theme = Theme(STANDARD, 1280, 800, 96, 100)
    assert [theme.body_px_at(p) for p in (100, 125, 150)] == \
        [theme.with_changes(text_percent=p).body_px for p in (100, 125, 150)]
