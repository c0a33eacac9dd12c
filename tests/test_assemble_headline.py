import pytest

from briefing.assemble.summary import MAX_HEADLINE_CHARS, MAX_WHOLE_HEADLINE_CHARS, shorten


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause before the comma announces what follows: keep the sentence whole
        (
            "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
            "Waffenstillstand Truppen in die Ukraine zu schicken",
            "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
            "Waffenstillstand Truppen in die Ukraine zu schicken",
        ),
        # a self-contained main clause: cut at the boundary
        (
            "Die Regierung in Berlin hat am Donnerstag ein neues Hilfspaket für die Ukraine beschlossen, "
            "das nach Angaben aus Regierungskreisen auch Luftabwehrsysteme umfassen soll",
            "Die Regierung in Berlin hat am Donnerstag ein neues Hilfspaket für die Ukraine beschlossen",
        ),
        ("Kurze Meldung aus Paris", "Kurze Meldung aus Paris"),
    ],
)
def test_shorten(text, expected):
    assert shorten(text) == expected


def test_overlong_sentence_without_boundary_is_cut_with_ellipsis():
    text = " ".join(["Wort"] * 60)
    out = shorten(text)
    assert out.endswith("…") and len(out) <= MAX_HEADLINE_CHARS + 2
    assert len(text) > MAX_WHOLE_HEADLINE_CHARS
