"""Who the operator is: --operator / CTI_DESK_OPERATOR, the settings file's agent map for
the seat's phone, its operator name, the OS user -- first match wins."""

from __future__ import annotations

import pytest

from cti_desk.domain.errors import BadArgument
from cti_desk.settings.operator import agent_map, operator_name, resolve_operator

AGENTS = {"PJSIP/2001": "佐藤 花子", "PJSIP/2002": "suzuki"}


def test_named_operator_wins_over_everything():
    assert resolve_operator("tanaka", "PJSIP/2001", AGENTS, "yamada", "osuser") == "tanaka"


def test_the_seats_phone_maps_to_whoever_signed_in_there():
    assert resolve_operator(None, "PJSIP/2001", AGENTS, "yamada", "osuser") == "佐藤 花子"
    assert resolve_operator(None, "PJSIP/2099", AGENTS, "yamada", "osuser") == "yamada"  # not mapped


def test_settings_name_then_os_user():
    assert resolve_operator(None, None, AGENTS, "yamada", "osuser") == "yamada"
    assert resolve_operator(None, None, {}, None, "osuser") == "osuser"
    assert resolve_operator()  # the real OS user (or "operator" without one)


def test_agent_map_from_a_settings_string_or_the_list_a_settings_file_makes():
    assert agent_map("PJSIP/2001=佐藤 花子, PJSIP/2002=suzuki") == AGENTS
    assert agent_map(["PJSIP/2001=佐藤 花子", " PJSIP/2002 = suzuki "]) == AGENTS
    assert agent_map(None) == {} and agent_map("") == {}


@pytest.mark.parametrize("bad", ["PJSIP/2001", "=sato", "PJSIP/2001="])
def test_a_bad_agent_map_item_is_refused_with_what_was_expected(bad):
    with pytest.raises(BadArgument, match=r"INTERFACE=NAME|printable"):
        agent_map(bad)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 101, "sato\x00"])
def test_a_bad_operator_name_is_refused(bad):
    with pytest.raises(BadArgument, match="--operator"):
        operator_name(bad)


def test_spaces_in_a_name_are_tidied():
    assert operator_name("  佐藤   花子 ") == "佐藤 花子"
