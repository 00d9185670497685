"""Killed and injured figures on realistic sentences."""


def summary(extract, text, **kw):
    return extract(text, **kw)["summary"]


def test_at_least_and_injured(extract):
    s = summary(extract, "Russian drones struck Odesa overnight, killing at least nine people and injuring 30, officials said.")
    assert s["killed"] == {"low": 9, "high": None}
    assert s["injured"] == {"low": 30, "high": 30}


def test_latest_toll_update_wins(extract):
    text = (
        "A missile hit an apartment block in Dnipro on Tuesday morning. Three people were killed, the governor said.\n\n"
        "By the evening the death toll had risen to nine, including two children."
    )
    s = summary(extract, text)
    assert s["killed"] == {"low": 9, "high": 9}


def test_children_are_a_breakdown_not_an_addition(extract):
    r = extract("Nine people, including two children, were killed when a missile hit a school in Sumy.")
    assert r["summary"]["killed"] == {"low": 9, "high": 9}
    kids = [f for f in r["facts"] if f["group"] == "children"]
    assert kids and kids[0]["scope"] == "breakdown"


def test_sum_across_places(extract):
    text = "Russian strikes killed three people in Kharkiv and two in Sumy. In Kherson, four people were injured."
    s = summary(extract, text)
    assert s["killed"] == {"low": 5, "high": 5}
    assert s["injured"] == {"low": 4, "high": 4}


def test_one_killed_two_others_injured(extract):
    s = summary(extract, "In Zaporizhzhia, one person was killed and two others were wounded when a drone hit a bus stop.")
    assert s["killed"] == {"low": 1, "high": 1}
    assert s["injured"] == {"low": 2, "high": 2}


def test_ages_and_floors_are_not_tolls(extract):
    text = "A 67-year-old woman was killed when a drone hit a nine-story building in Kharkiv at 3 a.m."
    s = summary(extract, text)
    assert s["killed"] == {"low": 1, "high": 1}
    assert s["injured"] is None


def test_context_toll_is_not_the_main_attack(extract):
    text = (
        "Two people were injured in Chernihiv overnight, the mayor said. "
        "Last week, a missile strike on the city killed 18 people."
    )
    r = extract(text)
    assert r["summary"]["killed"] is None
    context = [f for f in r["facts"] if f["kind"] == "killed"]
    assert context and context[0]["attack"] == "context"


def test_machine_translated_victims_are_injured(extract):
    text = "According to the regional administration, one person died and eight persons are victims, among them one child."
    s = summary(extract, text)
    assert s["killed"] == {"low": 1, "high": 1}
    assert s["injured"] == {"low": 8, "high": 8}


def test_explicit_zero(extract):
    s = summary(extract, "Debris fell on a garage cooperative in Lviv. Nobody was killed or injured, the governor said.")
    assert s["killed"] == {"low": 0, "high": 0}
    assert s["injured"] == {"low": 0, "high": 0}


def test_no_figure_is_unknown_not_zero(extract):
    s = summary(extract, "Explosions were heard in Kyiv overnight as air defences worked against drones and missiles.")
    assert s["killed"] is None and s["injured"] is None
    assert s["drones_launched"] is None and s["missiles_launched"] is None


def test_every_fact_points_at_its_evidence(extract):
    text = "Russian strikes on Kharkiv killed four people and wounded 17, Mayor Ihor Terekhov said."
    r = extract(text)
    assert r["facts"]
    for fact in r["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["evidence"]


def test_national_total_with_a_city_inside(extract):
    text = "In total, 12 people were killed across Ukraine, including six in Kyiv. The attack killed two people and wounded 15 in Kharkiv."
    s = extract(text)["summary"]
    assert s["killed"] == {"low": 12, "high": 12}


def test_per_clause_places_are_summed(extract):
    text = "The attack killed two people and wounded 15 in Kharkiv, while in Odesa one person died and three were hurt."
    s = extract(text)["summary"]
    assert s["killed"] == {"low": 3, "high": 3}
    assert s["injured"] == {"low": 18, "high": 18}


def test_a_child_and_two_adults(extract):
    s = extract("A Russian drone hit a residential building in Odesa, injuring a child and two adults.")["summary"]
    assert s["injured"] == {"low": 3, "high": 3}


def test_explicit_past_date_and_its_continuation_are_context(extract):
    text = (
        "Almost exactly a year ago, on 13 April 2025, two missiles struck the centre of Sumy. "
        "Thirty-five people were killed and more than 100 injured.\n\n"
        "The latest attack came overnight into Tuesday: one man was killed and nine people were injured in the city."
    )
    s = extract(text, published="2026-04-15T08:00:00+03:00")["summary"]
    assert s["killed"] == {"low": 1, "high": 1}
    assert s["injured"] == {"low": 9, "high": 9}


def test_ranking_this_attack_is_not_context(extract):
    text = "It was one of the largest attacks this year. Russia launched 310 drones and 42 missiles, the air force said."
    s = extract(text)["summary"]
    assert s["drones_launched"] == {"low": 310, "high": 310}


def test_machine_translation_label_and_further(extract):
    s = extract("As result of night strike on Kharkov the number of injured persons grew to 22. Dead - 2 persons.")["summary"]
    assert s["killed"] == {"low": 2, "high": 2} and s["injured"] == {"low": 22, "high": 22}
    s = extract("In a Russian attack on Charkiw at least three humans are killed and 31 further injured been.")["summary"]
    assert s["killed"] == {"low": 3, "high": None} and s["injured"] == {"low": 31, "high": 31}


def test_two_word_people_nouns_and_the_driver(extract):
    text = (
        "A drone hit a minibus in Kherson. The driver, a 52-year-old father of two, was killed instantly. "
        "In Izmail, two port workers, aged 52 and 47, were injured."
    )
    s = extract(text)["summary"]
    assert s["killed"] == {"low": 1, "high": 1} and s["injured"] == {"low": 2, "high": 2}


def test_river_is_not_the_city(extract):
    r = extract("Kherson lies on the west bank of the Dnipro River. A drone killed one person in Kherson.")
    assert "Dnipro" not in {p["name"] for p in r["places"]}


def test_related_story_links_are_not_this_attack(extract):
    text = (
        "Two people were injured when drones hit Poltava overnight, the governor said.\n\n"
        "READ ALSO: Russian missile strike on Kharkiv kills 11 people\n\n"
        "Air defences shot down most of the drones."
    )
    s = extract(text)["summary"]
    assert s["killed"] is None and s["injured"] == {"low": 2, "high": 2}


def test_reported_feared_believed_and_bodies(extract):
    s = extract("Three people were reported killed and 12 were feared injured after the strike on Sumy.")["summary"]
    assert s["killed"] == {"low": 3, "high": 3} and s["injured"] == {"low": 12, "high": 12}
    s = extract("At least 7 people are believed to have been killed in the attack on Kharkiv.")["summary"]
    assert s["killed"] == {"low": 7, "high": None}
    s = extract("Rescuers pulled the bodies of five people from the rubble in Dnipro on Tuesday.")["summary"]
    assert s["killed"] == {"low": 5, "high": 5}
