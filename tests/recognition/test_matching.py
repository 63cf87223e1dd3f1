"""Matching guest wording to staff: diacritics, typos, aliases, several people, nobody."""

import pytest

from lineup.extensions import db
from lineup.models import Role
from recognition.matching import distance, fold, keys, match_at_site
from recognition.models import StaffProfile
from tests.support import make_department, make_site, make_user


@pytest.fixture
def people(department):
    front = department
    juergen = make_user(Role.STAFF, front, first_name="Jürgen", last_name="Weiß")
    sophie = make_user(Role.STAFF, front, first_name="Sophie", last_name="Wagner")
    anna_a = make_user(Role.STAFF, front, first_name="Anna", last_name="Albers")
    anna_b = make_user(Role.STAFF, front, first_name="Anna", last_name="Brandt")
    mehmet = make_user(Role.STAFF, front, first_name="Mehmet", last_name="Yılmaz")
    db.session.add(StaffProfile(user_id=mehmet.id, aliases="Memo, Mr Smiley"))
    other_site = make_department("Front Office", make_site("new-york", "America/New_York"))
    elsewhere = make_user(Role.STAFF, other_site, first_name="Jurgen", last_name="Other")
    db.session.commit()
    return {"juergen": juergen, "sophie": sophie, "anna_a": anna_a, "anna_b": anna_b,
            "mehmet": mehmet, "elsewhere": elsewhere}


def test_folding_ignores_case_and_diacritics():
    assert fold("Jürgen") == "jurgen"
    assert fold("ÉMILIE") == "emilie"
    assert "juergen" in keys("Jürgen")
    assert distance("jurgen", "jorgen") == 1


@pytest.mark.parametrize("written", ["Jürgen", "Juergen", "Jurgen", "JURGEN", "jürgen weiss",
                                     "Jürgn", "Jurgen W."])
def test_spellings_of_juergen_match_him_only_at_his_site(site, people, written):
    result = match_at_site(site.id, written, "")
    assert result.matched == [people["juergen"].id]
    assert result.outcome == "one"


def test_small_typo_in_a_longer_name(site, people):
    assert match_at_site(site.id, "Sophei", "").matched == [people["sophie"].id]


def test_alias_and_multi_word_alias(site, people):
    assert match_at_site(site.id, "memo", "").matched == [people["mehmet"].id]
    assert match_at_site(site.id, "the one they call mr smiley", "").matched == [
        people["mehmet"].id]


def test_two_people_in_one_praise(site, people):
    result = match_at_site(site.id, "Sophie and Jürgen", "")
    assert set(result.matched) == {people["sophie"].id, people["juergen"].id}
    assert result.outcome == "several"
    german = match_at_site(site.id, "Sophie und Jurgen", "")
    assert set(german.matched) == {people["sophie"].id, people["juergen"].id}


def test_ambiguous_first_name_gives_candidates_and_last_name_decides(site, people):
    result = match_at_site(site.id, "Anna", "")
    assert result.matched == []
    assert set(result.candidates) == {people["anna_a"].id, people["anna_b"].id}
    assert result.outcome == "candidates"
    assert match_at_site(site.id, "Anna Brandt", "").matched == [people["anna_b"].id]


def test_nobody(site, people):
    result = match_at_site(site.id, "the tall man at the bar", "Great cocktails!")
    assert result.matched == [] and result.candidates == []
    assert result.outcome == "none"


def test_names_in_the_text_count_exactly(site, people):
    result = match_at_site(site.id, "", "We loved how Sophie explained the city map.")
    assert result.matched == [people["sophie"].id]
    # A near miss in free text is not enough: too many ordinary words look like names.
    assert match_at_site(site.id, "", "Sophei was nice").matched == []
