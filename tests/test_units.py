"""The unit registry and the alias table (checker/units.py, rules/lexicon/units.yaml)."""

import pint
import pytest
import yaml

from checker.units import LEXICON_PATH, canonical, lexicon, match_after, registry, unit_alias, unit_name


def test_registry_is_built_once():
    assert registry() is registry()


def test_the_registry_is_built_without_the_cache_folder_when_it_cannot_be_written(monkeypatch):
    built = pint.UnitRegistry

    def no_cache_folder(*args, **kwargs):
        if kwargs.get("cache_folder") is not None:
            raise PermissionError("read-only cache folder")
        return built(*args, **kwargs)

    monkeypatch.setattr(pint, "UnitRegistry", no_cache_folder)
    ureg = registry.__wrapped__()
    assert str(ureg.Quantity(2, "count").dimensionality) == "[count]"
    assert ureg.Quantity(1, "kilometer").to("meter").magnitude == 1000


def test_counted_items_and_currencies_have_their_own_dimensions():
    ureg = registry()
    assert str(ureg.get_dimensionality("count")) == "[count]"
    assert str(ureg.get_dimensionality("USD")) == "[currency_USD]"
    assert canonical("USD").dimension != canonical("EUR").dimension
    assert canonical(None).dimension != canonical("percent").dimension


@pytest.mark.parametrize(
    ("unit", "value", "expected", "base"),
    [
        ("degree_Fahrenheit", 32, 273.15, "kelvin"),
        ("degree_Celsius", 100, 373.15, "kelvin"),
        ("degree_Celsius", -10, 263.15, "kelvin"),
        ("mile", 1, 1609.344, "meter"),
        ("kilometer", 550, 550_000, "meter"),
        ("acre", 1, 4046.86, "meter ** 2"),  # pint uses the US survey acre; 4 ppm apart
        ("kilowatt_hour", 1, 3.6e6, "kilogram * meter ** 2 / second ** 2"),
        ("kilometer_per_hour", 36, 10, "meter / second"),
        ("metric_ton", 2, 2000, "kilogram"),
    ],
)
def test_canonical_conversion_uses_pint_including_offset_units(unit, value, expected, base):
    conversion = canonical(unit)
    assert conversion.unit == base
    assert conversion.convert(value) == pytest.approx(expected, rel=1e-5)


def test_a_temperature_width_converts_without_the_offset():
    assert canonical("degree_Fahrenheit").convert_delta(9) == pytest.approx(5)
    assert canonical("degree_Celsius").convert_delta(2) == pytest.approx(2)


def test_percent_stays_percent_and_points_stay_points():
    assert canonical("percent").unit == "percent"
    assert canonical("percent").convert(40) == 40
    assert canonical("percentage_point").dimension == "[percentage_point]"
    assert canonical("basis_point").convert(60) == pytest.approx(0.6)
    assert canonical("percent").dimension != canonical("percentage_point").dimension


def test_money_subunits_convert_to_the_iso_code():
    assert canonical("US_cent").unit == "USD"
    assert canonical("US_cent").convert(19) == pytest.approx(0.19)
    assert canonical("USD / oil_barrel").dimension == "[currency_USD] / [length] ** 3"


def test_dimensionless_units_are_not_comparable_with_each_other():
    assert canonical("gigabyte").dimension != canonical("ppm").dimension
    assert canonical("gigabyte").convert(1) == pytest.approx(8e9)  # in bits


def test_logarithmic_units_compare_only_with_themselves():
    assert canonical("decibel").convert(120) == 120
    assert canonical("decibel").dimension == "[decibel]"


def test_unknown_unit_names_raise():
    with pytest.raises(pint.UndefinedUnitError):
        canonical("furlong_per_fortnight_squared")


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("km", "kilometer"),
        ("kilometres", "kilometer"),
        ("Kilometers", "kilometer"),
        ("miles", "mile"),
        ("mph", "mile_per_hour"),
        ("km/h", "kilometer_per_hour"),
        ("kph", "kilometer_per_hour"),
        ("°C", "degree_Celsius"),
        ("degrees Celsius", "degree_Celsius"),
        ("ft", "foot"),
        ("feet", "foot"),
        ("sq km", "square_kilometer"),
        ("square kilometres", "square_kilometer"),
        ("hectares", "hectare"),
        ("ha", "hectare"),
        ("tonnes", "metric_ton"),
        ("metric tons", "metric_ton"),
        ("tons", "ton"),
        ("barrels", "oil_barrel"),
        ("MW", "megawatt"),
        ("megawatts", "megawatt"),
        ("TWh", "terawatt_hour"),
        ("terabytes", "terabyte"),
        ("dollars", "USD"),
        ("dlrs", "USD"),
        ("euros", "EUR"),
        ("pounds sterling", "GBP"),
        ("stg", "GBP"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("roubles", "RUB"),
        ("rubles", "RUB"),
        ("hryvnias", "UAH"),
        ("won", "KRW"),
        ("rupees", "INR"),
        ("per cent", "percent"),
        ("percentage points", "percentage_point"),
        ("mths", "month"),
    ],
)
def test_surface_forms_map_to_registry_names(form, name):
    assert unit_name(form) == name


def test_a_fluid_ounce_is_a_volume_and_an_ounce_a_mass():
    assert unit_name("fluid ounces") == unit_name("fl oz") == unit_name("US fluid ounce") == "fluid_ounce"
    assert unit_name("ounces") == unit_name("oz") == "ounce"
    assert canonical("fluid_ounce").dimension == "[length] ** 3"
    assert canonical("ounce").dimension == "[mass]"


def test_bare_pounds_is_mass_and_short_forms_keep_their_case():
    assert unit_name("pounds") == "pound"
    assert unit_name("MW") == "megawatt"
    assert unit_name("mw") is None  # not milliwatt, not megawatt: unknown
    assert unit_name("shells") is None


def test_barrels_per_day_is_a_barrel_with_a_daily_period():
    alias = unit_alias("bpd")
    assert alias is not None and alias.unit == "oil_barrel" and alias.period == "P1D"
    assert unit_alias("barrels").period is None


def test_c_alone_is_celsius_only_right_after_the_digits():
    alias = unit_alias("C")
    assert alias is not None and alias.glued


def test_no_unit_form_begins_with_a_gap_character():
    # The extractor tries a glued unit only when the number is not followed by
    # a space, a hyphen or a no-break space: no form may begin with one.
    forms = lexicon().after_forms
    assert forms
    assert not [form for form in forms if form[0] in " -\u00a0" or form[0].isspace()]
    assert match_after("5 km", 1) is None and match_after("5-km", 1) is None
    assert match_after("5km", 1) is not None


def test_every_unit_of_the_lexicon_is_known_to_the_registry():
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    for name in data["units"]:
        assert canonical(name).dimension, name


@pytest.mark.parametrize(
    ("form", "unit"),
    [
        ("degrees f", "degree_Fahrenheit"),
        ("deg c", "degree_Celsius"),
        ("TeV", "teraelectron_volt"),
        ("electronvolt", "electron_volt"),
        ("mGy", "milligray"),
        ("cl", "centiliter"),
        ("tbsp", "tablespoon"),
    ],
)
def test_science_and_lower_case_temperature_forms(form, unit):
    assert unit_name(form) == unit
    assert canonical(unit).dimension  # every listed unit is one pint knows


def test_gray_alone_is_a_colour_not_a_dose():
    assert unit_name("gray") is None
