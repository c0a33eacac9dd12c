import pytest

from briefing.errors import SettingsError
from briefing.settings import Settings, load


def test_defaults_without_any_layer():
    s = load(env={})
    assert s.sources == "seeds" and s.out == "out" and s.undated == "include" and s.model == "blank"


def test_layers_file_env_flags_in_order(tmp_path):
    cfg = tmp_path / "briefing.toml"
    cfg.write_text('out = "from-file"\nsources = "file-src"\nsmtp_port = 2525\n', encoding="utf-8")
    env = {"BRIEFING_OUT": "from-env", "BRIEFING_SMTP_PORT": "587"}
    s = load(config=str(cfg), env=env, flags={"out": "from-flag", "sources": None})
    assert s.out == "from-flag"  # flag beats env beats file
    assert s.sources == "file-src"  # a None flag does not override
    assert s.smtp_port == 587  # env beats file, coerced to int


def test_config_path_from_environment(tmp_path):
    cfg = tmp_path / "b.toml"
    cfg.write_text('[briefing]\nundated = "exclude"\n', encoding="utf-8")
    assert load(env={"BRIEFING_CONFIG": str(cfg)}).undated == "exclude"


def test_from_alias_in_environment():
    assert load(env={"BRIEFING_FROM": "Desk <desk@example.org>"}).from_addr == "Desk <desk@example.org>"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('outt = "x"\n', "unknown setting 'outt'"),
        ("out = [\n", "not valid TOML"),
        ('undated = "sometimes"\n', "undated must be one of"),
        ('smtp_port = "abc"\n', "smtp_port must be a whole number"),
        ('[other]\nx = 1\n[briefing]\nout = "x"\n', "unknown table or key 'other'"),
    ],
)
def test_bad_config_file_is_a_one_line_error(tmp_path, content, message):
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load(config=str(cfg), env={})
    assert message in str(err.value)
    assert "\n" not in str(err.value).strip() or "TOML" in str(err.value)


def test_unknown_environment_variable_is_an_error():
    with pytest.raises(SettingsError, match="unknown setting 'smtp_hots'"):
        load(env={"BRIEFING_SMTP_HOTS": "x"})


def test_missing_config_file():
    with pytest.raises(SettingsError, match="does not exist"):
        load(config="/nonexistent/briefing.toml", env={})


def test_secrets_are_masked_in_public_view():
    s = Settings(smtp_password="hunter2")
    assert s.public()["smtp_password"] == "***"
    assert "hunter2" not in repr(s.public())


def test_password_not_in_repr():
    assert "hunter2" not in repr(Settings(smtp_password="hunter2"))


# ---------------------------------------------------------------- issue 13: every setting validated at load


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BRIEFING_SMTP_TIMEOUT": "0"}, "smtp_timeout must be greater than 0"),
        ({"BRIEFING_SMTP_TIMEOUT": "-1"}, "smtp_timeout must be greater than 0"),
        ({"BRIEFING_SMTP_DATA_TIMEOUT": "0"}, "smtp_data_timeout must be greater than 0"),
        ({"BRIEFING_RATE": "-1"}, "rate must be 0 or more"),
        ({"BRIEFING_RATE": "nan"}, "rate must be a finite number"),
        ({"BRIEFING_RATE": "inf"}, "rate must be a finite number"),
        ({"BRIEFING_RATE": "schnell"}, "rate must be a number"),
        ({"BRIEFING_SMTP_BACKOFF": "-0.5"}, "smtp_backoff must be 0 or more"),
        ({"BRIEFING_SMTP_PORT": "0"}, "smtp_port must be a port between 1 and 65535"),
        ({"BRIEFING_SMTP_PORT": "70000"}, "smtp_port must be a port between 1 and 65535"),
        ({"BRIEFING_SMTP_PORT": "25.5"}, "smtp_port must be a whole number"),
        ({"BRIEFING_SMTP_ATTEMPTS": "0"}, "smtp_attempts must be 1 or more"),
        ({"BRIEFING_MAX_STORIES": "0"}, "max_stories must be 1 or more"),
        ({"BRIEFING_QUOTE_THRESHOLD": "1.5"}, "quote_threshold must be between 0 and 1"),
        ({"BRIEFING_QUOTE_THRESHOLD": "-0.1"}, "quote_threshold must be between 0 and 1"),
        ({"BRIEFING_OUT": ""}, "out must be a non-empty string"),
        ({"BRIEFING_SMTP_HOST": "a\nb"}, "smtp_host must be a single line"),
        ({"BRIEFING_SMTP_PASSWORD": "Päßwort"}, "smtp_password must be ASCII only"),
        ({"BRIEFING_SMTP_ALLOW_PLAIN_AUTH": "vielleicht"}, "smtp_allow_plain_auth must be true or false"),
        ({"BRIEFING_SMTP_UNKNOWN_OUTCOME": "guess"}, "smtp_unknown_outcome must be one of hold, resend"),
    ],
)
def test_bad_environment_values_are_one_line_errors(env, message):
    with pytest.raises(SettingsError, match=message) as err:
        load(env=env)
    assert "\n" not in str(err.value)
    assert "Päßwort" not in str(err.value)  # a secret is never echoed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("out = { a = 1 }\n", "out must be a string, not dict"),
        ("sources = 3\n", "sources must be a string, not int"),
        ("templates = [1, 2]\n", "templates must be a string, not list"),
        ("smtp_port = 25.0\n", "smtp_port must be a whole number"),
        ("smtp_port = true\n", "smtp_port must be a whole number"),
        ("rate = nan\n", "rate must be a finite number"),
        ("rate = inf\n", "rate must be a finite number"),
        ("rate = -2\n", "rate must be 0 or more"),
        ("smtp_timeout = 0\n", "smtp_timeout must be greater than 0"),
        ("db = 2025-09-04\n", "db must be a string, not date"),
        ("smtp_allow_plain_auth = \"ja\"\n", "smtp_allow_plain_auth must be true or false"),
        ("out = " + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply|not valid TOML"),
    ],
)
def test_bad_file_values_are_one_line_errors(tmp_path, content, message):
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=message) as err:
        load(config=str(cfg), env={})
    assert "\n" not in str(err.value)


def test_valid_values_pass_and_are_typed(tmp_path):
    cfg = tmp_path / "briefing.toml"
    cfg.write_text("smtp_port = 587\nrate = 2\nsmtp_allow_plain_auth = true\n", encoding="utf-8")
    s = load(config=str(cfg), env={"BRIEFING_SMTP_TIMEOUT": "12.5", "BRIEFING_SMTP_UNKNOWN_OUTCOME": "resend"})
    assert (s.smtp_port, s.rate, s.smtp_allow_plain_auth, s.smtp_timeout) == (587, 2.0, True, 12.5)
    assert s.smtp_unknown_outcome == "resend"
    assert load(env={}).smtp_data_timeout == 600.0  # RFC 5321 §4.5.3.2.6
