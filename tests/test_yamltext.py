"""YAML data files and front matter go through libyaml when PyYAML has it, with the same results."""

from datetime import date

import pytest
import yaml

from checker import yamltext


def test_the_c_loader_is_used_when_pyyaml_was_built_with_libyaml():
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML has no libyaml")
    assert yamltext.SafeLoader is yaml.CSafeLoader


def test_front_matter_reads_the_same_as_with_the_python_loader():
    text = "title: Grid strain as heat returns\ndate: 2024-07-18\ntags: [energy, weather]\nviews: 1200\n"
    assert yamltext.load(text) == yaml.safe_load(text)
    assert yamltext.load(text)["date"] == date(2024, 7, 18)


def test_no_python_object_is_built_from_a_tag():
    with pytest.raises(yaml.YAMLError):
        yamltext.load("!!python/object/apply:os.system ['true']")


def test_a_syntax_error_carries_its_line():
    with pytest.raises(yaml.MarkedYAMLError) as error:
        yamltext.load("title: ok\ndate: [2024-07-18\n")
    assert error.value.problem_mark is not None and error.value.problem_mark.line >= 1
