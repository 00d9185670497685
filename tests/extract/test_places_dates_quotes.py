"""Places struck vs mentioned, event dates, durations and speakers."""

import pytest


def test_struck_and_mentioned(extract):
    text = (
        "Russian missiles hit Kyiv's Shevchenkivskyi district overnight, killing two people. "
        "President Volodymyr Zelensky, visiting Rome for talks, called for more air defence. "
        "Poland scrambled jets as a precaution."
    )
    r = extract(text)
    struck = r["summary"]["places_struck"]
    assert "Kyiv" in struck and "Shevchenkivskyi" in struck
    assert "Rome" not in struck and "Poland" not in struck
    assert {p["name"] for p in r["places"]} >= {"Rome", "Poland"}


def test_old_and_foreign_spellings(extract):
    r = extract("Drones struck Charkiw and Odessa overnight, damaging houses in Saporischschja.")
    assert set(r["summary"]["places_struck"]) >= {"Kharkiv", "Odesa", "Zaporizhzhia"}


def test_dateline_alone_is_not_a_target(extract):
    r = extract("KYIV, March 14 (Example Wire) - Russian drones hit an energy facility in the Lviv region overnight.")
    assert "Kyiv" not in r["summary"]["places_struck"]
    assert "Lviv Oblast" in r["summary"]["places_struck"]


def test_duration(extract):
    s = extract("The attack lasted more than nine hours, the air force said.")["summary"]
    assert s["duration_hours"] == {"low": 10, "high": None}


def test_past_hours_are_not_a_duration(extract):
    s = extract("Over the past 24 hours, Russian forces shelled Kherson 40 times.")["summary"]
    assert s["duration_hours"] is None


def test_speaker_resolved_from_role_and_spelling(extract):
    text = (
        "Kyiv Mayor Vitali Klitschko said two people were injured in the Darnytskyi district.\n\n"
        '"Rescuers are working at the scene," the mayor wrote on Telegram. Klychko later said the toll could rise.'
    )
    r = extract(text)
    assert r["summary"]["speakers"] == ["Vitali Klitschko"]
    direct = [q for q in r["quotes"] if q["kind"] == "direct"]
    assert direct and direct[0]["speaker"] == "Vitali Klitschko"


def test_bad_text_never_raises(extract):
    r = extract("\x00\x01 ☃ " * 50)
    assert r["summary"]["killed"] is None


def test_publication_dates_in_feed_formats():
    from strikewatch.extract.dates import parse_published

    assert str(parse_published("Sat, 14 Mar 2026 07:40:00 +0200")) == "2026-03-14"
    assert str(parse_published("2026-03-14 07:40")) == "2026-03-14"
    assert str(parse_published("2026-03-14T05:40Z")) == "2026-03-14"
    assert parse_published("last Tuesday") is None


def test_reporting_day_is_not_the_attack_day(extract):
    text = (
        "The death toll from a Russian missile strike on Kryvyi Rih rose to four on Thursday, officials said. "
        "Nineteen people were injured in Wednesday evening's strike."
    )
    assert extract(text, published="2026-04-09T08:00:00+03:00")["event_date"] == "2026-04-08"


def test_speaker_forms_in_wire_mt_and_live_blogs(extract):
    cases = {
        "According to the head of the regional military administration, Oleh Hryhorov, a drone hit a farm in Sumy.": "Oleh Hryhorov",
        '"Two dead and eight wounded persons," precised the governor of the region, Oleg Kiper, on Telegram.': "Oleh Kiper",
        '10:05 - President Volodymyr Zelensky: "This week alone Russia used more than 1,300 drones." He asked for help.': "Volodymyr Zelensky",
        ("Vladyslav Haivanenko, the head of the regional military administration, said the missile was an Iskander-M. "
         '"There was a playground and a cafe," he said.'): "Vladyslav Haivanenko",
    }
    for text, name in cases.items():
        assert extract(text)["summary"]["speakers"] == [name], text


def test_organisations_are_not_speakers(extract):
    r = extract("Poland's Operational Command said it scrambled jets. The Armed Forces said debris fell near Izmail.")
    assert r["summary"]["speakers"] == []


def test_district_belongs_to_the_city_named_before_it(extract):
    r = extract("Russian drones struck Odesa overnight. In the Kyivskyi district, a drone hit a high-rise, injuring two.")
    districts = [p for p in r["places"] if p["level"] == "district"]
    assert districts and districts[0]["admin1"] == "Odesa" and districts[0]["name"] == "Kyivskyi"
    assert "Kyivskyi" in r["summary"]["places_struck"]


def test_reporting_date_is_neither_the_event_date_nor_another_attack(extract):
    text = (
        "The death toll from the attack on Ternopil has risen to 26, the emergency service reported on 20 November. "
        "Another 93 people were injured."
    )
    r = extract(text, published="2025-11-21T10:00:00+02:00")
    assert r["event_date"] == "2025-11-21"
    assert r["summary"]["killed"] == {"low": 26, "high": 26} and r["summary"]["injured"] == {"low": 93, "high": 93}


def test_headline_confirms_a_place_the_body_names(extract):
    text = (
        "The death toll from Russia's overnight attack on the capital has climbed to 12, Kyiv Mayor Vitali Klitschko said. "
        "In the Darnytskyi district, a drone hit a private house."
    )
    r = extract(text, title="Twelve dead in Kyiv after overnight strike")
    assert set(r["summary"]["places_struck"]) == {"Darnytskyi", "Kyiv"}


# (text, publication time, expected event date): news-relative day phrases resolved
# against the publication date read in Kyiv time.
EVENT_DATES = [
    pytest.param("Russia attacked Odesa with drones overnight into Sunday.", "2026-03-15T09:00:00+02:00",
                 "2026-03-15", id="overnight-into-weekday"),
    pytest.param("Russian missiles struck Dnipro early Tuesday, killing three.", "2026-03-12T18:00:00+02:00",
                 "2026-03-10", id="early-weekday-before-publication"),
    pytest.param("Russian drones struck Sumy on Tuesday night.", None, None, id="undated-article-has-no-date"),
    pytest.param("Russia in the night from Friday to Saturday carried out another massive attack.",
                 "2025-11-08T11:45:00+01:00", "2025-11-08", id="night-from-friday-to-saturday"),
    pytest.param("Russian drones attacked Odesa overnight.", "2026-03-14T23:30:00-05:00", "2026-03-15",
                 id="publication-time-read-in-kyiv"),
    pytest.param("The attack on 30 December killed two people in Kharkiv.", "2026-01-02T10:00:00+02:00",
                 "2025-12-30", id="year-never-after-publication"),
]


@pytest.mark.parametrize(("text", "published", "expected"), EVENT_DATES)
def test_event_date(extract, text, published, expected):
    assert extract(text, published=published)["event_date"] == expected
