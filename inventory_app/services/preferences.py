"""The person's preferences, kept on this computer (not in a shop file): the language.

The language is a preference of whoever sits at the computer, not of a shop: it must be known
before any shop is open (the welcome screen, ``init``, "no such shop file"), it must not change
when another shop file is opened, and an accountant and a clerk may share one shop file in
different languages. So it lives in a small JSON file in the user's config folder
(``platformdirs.user_config_dir``), read by the desktop app and the CLI alike, and it sticks
across shops, restarts and upgrades. ``INVENTORY_APP_CONFIG_DIR`` points elsewhere (tests,
a portable install).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_config_dir

from inventory_app.domain.errors import ValidationError

APP_NAME = "inventory_app"
FILE_NAME = "preferences.json"
#: what ``language`` may be set to: follow the system locale, or a fixed language
LANGUAGE_CHOICES = ("auto", "zh", "en")
LANGUAGES = ("zh", "en")


def config_dir() -> Path:
    override = os.environ.get("INVENTORY_APP_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))


def preferences_path() -> Path:
    return config_dir() / FILE_NAME


def _read() -> dict[str, object]:
    """The saved preferences; a missing, unreadable or damaged file reads as none saved (the
    defaults are always safe, and a preference is not worth refusing to start over)."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(values: Mapping[str, object]) -> None:
    path = preferences_path()
    data = {**_read(), **values}
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)  # whole or not at all: never a half-written file
    except OSError as exc:
        raise ValidationError(
            "preferences.not_saved", path=str(path), reason=exc.strerror or str(exc)
        ) from None


def normal_language(value: str) -> str:
    """ "auto", "zh" or "en" from what a person typed (``ZH``, ``zh_CN``, ``中文`` ...)."""
    text = str(value).strip().lower().replace("-", "_")
    if text in ("auto", "", "system", "自动"):
        return "auto"
    if text.startswith("zh") or text in ("中文", "简体中文", "chinese"):
        return "zh"
    if text.startswith("en") or text in ("english", "英文", "英语"):
        return "en"
    raise ValidationError("preferences.bad_language", value=str(value))


def language_choice() -> str:
    """The saved choice: "auto" (the system locale), "zh" or "en"."""
    value = _read().get("language", "auto")
    try:
        return normal_language(str(value))
    except ValidationError:
        return "auto"


def set_language_choice(value: str) -> str:
    """Save the language choice ("auto", "zh" or "en", or a spelling ``normal_language``
    reads); returns what was saved."""
    choice = normal_language(value)
    _write({"language": choice})
    return choice


def environment_language(env: Mapping[str, str] = os.environ) -> str:
    """ "zh" or "en" from the locale variables in POSIX order of precedence for messages
    (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): a zh_* locale speaks Chinese."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.split(":")[0].lower().startswith("zh") else "en"
    return "en"


def effective_language(env: Mapping[str, str] = os.environ) -> str:
    """The language to speak when nothing more specific is asked (``--lang``): the saved
    choice, or with "auto" the environment's locale."""
    choice = language_choice()
    return choice if choice != "auto" else environment_language(env)


__all__ = [
    "LANGUAGES",
    "LANGUAGE_CHOICES",
    "config_dir",
    "effective_language",
    "environment_language",
    "language_choice",
    "normal_language",
    "preferences_path",
    "set_language_choice",
]
