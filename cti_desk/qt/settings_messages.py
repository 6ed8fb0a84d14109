"""The settings dialog's field messages in the UI's language: the core's checks
(settings/schema.py, settings/options.py, services/settings_form.py) say what is wrong in
English, the same words the command line prints; the fixed ones are shown translated
here. A message with a value in it (a range, the PBX's own error) is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def field_message(text: str) -> str:
    known = {  # each a literal call, so that lupdate finds it
        "expected the phone's interface as TECH/resource, e.g. PJSIP/2001, SIP/alice or Local/2001@from-queue":
            translate("SettingsMessages", "expected the phone's interface as TECH/resource, e.g. PJSIP/2001, "
                                          "SIP/alice or Local/2001@from-queue"),
        "expected http://HOST[:PORT]/PATH or https://...":
            translate("SettingsMessages", "expected http://HOST[:PORT]/PATH or https://..."),
        "bad host or port": translate("SettingsMessages", "bad host or port"),
        "no host (expected e.g. https://oms.example/api)":
            translate("SettingsMessages", "no host (expected e.g. https://oms.example/api)"),
        "spaces in the URL": translate("SettingsMessages", "spaces in the URL"),
        "not a URL": translate("SettingsMessages", "not a URL"),
        "expected sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB":
            translate("SettingsMessages", "expected sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB"),
        "a password does not belong in the settings file (use the keyring, or the environment: "
        "CTI_DESK_DB / CTI_DESK_SOURCE / ~/.pgpass)":
            translate("SettingsMessages", "a password does not belong in the settings file (use the keyring, or "
                                          "the environment: CTI_DESK_DB / CTI_DESK_SOURCE / ~/.pgpass)"),
        "a host name or address, e.g. pbx.example or 192.0.2.10":
            translate("SettingsMessages", "a host name or address, e.g. pbx.example or 192.0.2.10"),
        "a port, 1-65535": translate("SettingsMessages", "a port, 1-65535"),
        "the AMI user of manager.conf, e.g. cti-desk":
            translate("SettingsMessages", "the AMI user of manager.conf, e.g. cti-desk"),
        "1-512 characters, no spaces": translate("SettingsMessages", "1-512 characters, no spaces"),
        "expected a list of queue names": translate("SettingsMessages", "expected a list of queue names"),
    }
    return known.get(text, text)
