"""`ami://` URLs as a user types them on the command line."""

from __future__ import annotations

import pytest

from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.ami.url import AmiConfig, parse_ami_url


def test_plain_login_url():
    config = parse_ami_url("ami://admin:s3cret@pbx.example:5039")
    assert (config.host, config.port, config.username, config.secret, config.auth) == (
        "pbx.example", 5039, "admin", "s3cret", "plain",
    )
    assert config.events == "on"


def test_md5_default_port_and_percent_decoding():
    config = parse_ami_url("ami://call%20center:p%40ss%3Aw%2Frd@10.0.0.5?auth=md5")
    assert (config.username, config.secret, config.port, config.auth) == (
        "call center", "p@ss:w/rd", 5038, "md5",
    )


def test_secret_from_the_keyring(memory_keyring):
    memory_keyring.set_password("cti-desk", "ami://admin@pbx.example:5038", "from-keyring")
    config = parse_ami_url("ami://admin@PBX.example:5038?secret=keyring")
    assert config.secret == "from-keyring"


def test_keyring_without_the_entry_says_where_to_put_it():
    with pytest.raises(BadArgument, match=r"service 'cti-desk', username 'ami://admin@pbx:5038'"):
        parse_ami_url("ami://admin@pbx?secret=keyring")


def test_event_mask_and_ping_interval():
    config = parse_ami_url("ami://a:b@pbx?events=call,agent&ping=5")
    assert (config.events, config.ping_interval) == ("call,agent", 5.0)


def test_ip_addresses_and_digit_leading_names_are_hosts():
    assert parse_ami_url("ami://u:p@192.168.0.10:5038").host == "192.168.0.10"
    assert parse_ami_url("ami://u:p@[::1]:5038").host == "::1"
    assert parse_ami_url("ami://u:p@1and1.example:5038").host == "1and1.example"


def test_repr_and_display_never_show_the_secret():
    config = parse_ami_url("ami://admin:TopSecret42@pbx:5038")
    assert "TopSecret42" not in repr(config)
    assert "TopSecret42" not in str(config)
    assert config.display() == "ami://admin@pbx:5038"
    assert "TopSecret42" not in repr(AmiConfig(host="h", secret="TopSecret42"))


@pytest.mark.parametrize(
    "url",
    [
        "http://admin:TopSecret42@pbx:5038",
        "ami://admin:TopSecret42@:5038",
        "ami://:TopSecret42@pbx:5038",
        "ami://admin:TopSecret42@pbx:notaport",
        "ami://admin:TopSecret42@pbx:99999",
        "ami://admin:TopSecret42@pbx:5038/path",
        "ami://admin:TopSecret42@pbx:5038?auth=sha1",
        "ami://admin:TopSecret42@pbx:5038?secret=keyring",
        "ami://admin:TopSecret42@pbx:5038?secret=plain",
        "ami://admin:TopSecret42@pbx:5038?colour=red",
        "ami://admin:TopSecret42@pbx:5038?events=call%0D%0AAction:%20Originate",
        "ami://admin:Top%0D%0ASecret42@pbx:5038",
        "ami://admin:TopSecret42@pbx:5038?ping=0",
        "ami://admin:TopSecret42@[::1:5038",
        "ami://admin:TopSecret42@256.1.1.1:5038",
        "ami://admin:TopSecret42@10.0.0:5038",
        "not a url",
    ],
)
def test_malformed_urls_are_bad_arguments_that_do_not_echo_the_secret(url):
    with pytest.raises(BadArgument) as info:
        parse_ami_url(url)
    assert "TopSecret42" not in str(info.value)
    assert "Secret42" not in str(info.value)
