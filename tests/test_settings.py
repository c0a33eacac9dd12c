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
        ('smtp_port = "abc"\n', "smtp_port must be a int"),
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
