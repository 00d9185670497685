"""Weapon counts: launched, intercepted, derived figures, breakdowns and counter-claims."""


def test_mixed_list_adds_up_missiles(extract):
    text = "Russia launched 40 cruise and ballistic missiles, two guided air missiles and 310 drones against Ukraine overnight."
    s = extract(text)["summary"]
    assert s["missiles_launched"] == {"low": 42, "high": 42}
    assert s["drones_launched"] == {"low": 310, "high": 310}


def test_all_but_two_of_31(extract):
    text = "Russia fired 31 missiles at Kyiv. Air defences shot down all but two of the 31 missiles, the air force said."
    s = extract(text)["summary"]
    assert s["missiles_launched"] == {"low": 31, "high": 31}
    assert s["missiles_intercepted"] == {"low": 29, "high": 29}


def test_of_which_shot_down_and_lost_to_electronic_warfare(extract):
    text = "Of the 318 drones, 289 were shot down and 12 more were lost to electronic warfare."
    s = extract(text)["summary"]
    assert s["drones_launched"] == {"low": 318, "high": 318}
    assert s["drones_intercepted"] == {"low": 301, "high": 301}


def test_breakdown_after_including_is_not_added(extract):
    text = "Russia launched 47 missiles, including 20 Kh-101 cruise missiles and 10 Kalibr missiles, and 200 Shahed drones."
    r = extract(text)
    assert r["summary"]["missiles_launched"] == {"low": 47, "high": 47}
    kh = [w for w in r["weapons"] if w["model"] == "Kh-101"]
    assert kh and kh[0]["category"] == "cruise"


def test_drones_and_missiles_without_numbers_give_nothing(extract):
    s = extract("Russia attacked Kyiv with drones and missiles overnight, most of which were shot down.")["summary"]
    assert s["drones_launched"] is None and s["missiles_launched"] is None
    assert s["drones_intercepted"] is None


def test_guided_bombs_are_not_missiles(extract):
    text = "Russian aircraft dropped 12 guided aerial bombs on Zaporizhzhia and fired three Iskander-M missiles."
    r = extract(text)
    assert r["summary"]["missiles_launched"] == {"low": 3, "high": 3}
    assert any(w["category"] == "guided_bomb" and w["low"] == 12 for w in r["weapons"])


def test_counter_claim_is_a_separate_attack(extract):
    text = (
        "Russia launched 86 drones against Ukraine overnight. "
        "Russia's defence ministry said its air defences destroyed 41 Ukrainian drones over the Belgorod and Kursk regions."
    )
    r = extract(text)
    assert r["summary"]["drones_launched"] == {"low": 86, "high": 86}
    assert r["summary"]["drones_intercepted"] is None
    counter = [w for w in r["weapons"] if w["attack"] == "counter"]
    assert counter and counter[0]["low"] == 41
    assert {a["id"] for a in r["attacks"]} == {"main", "counter"}


def test_origin_made_in(extract):
    text = "Two KN-23 ballistic missiles, made in North Korea, hit Kharkiv on Friday."
    r = extract(text)
    assert r["weapons"] and r["weapons"][0]["origin"] == "North Korea"


def test_weekly_figure_in_a_quote_is_context(extract):
    text = (
        'Russia launched 142 drones overnight. "Every week Russia sends nearly 1,000 drones against our cities," '
        "President Volodymyr Zelensky said."
    )
    s = extract(text)["summary"]
    assert s["drones_launched"] == {"low": 142, "high": 142}


def test_air_force_digest_with_launch_sites_in_russia(extract):
    text = (
        "On the night of 21 to 22 October, the enemy attacked with 132 Shahed-type attack UAVs and decoy drones "
        "from Kursk, Millerovo and Primorsko-Akhtarsk. As of 09:00, air defence shot down or suppressed 109 of them. "
        "Hits by 20 attack UAVs were recorded at 8 locations in the Sumy and Chernihiv regions."
    )
    r = extract(text, published="2026-10-22T09:30:00+03:00")
    s = r["summary"]
    assert r["event_date"] == "2026-10-22"
    assert s["drones_launched"] == {"low": 132, "high": 132}
    assert s["drones_intercepted"] == {"low": 109, "high": 109}
    assert not {"Kursk", "Millerovo", "Primorsko-Akhtarsk"} & set(s["places_struck"])
    assert {"Sumy Oblast", "Chernihiv Oblast"} <= set(s["places_struck"])


def test_colon_list_and_of_these(extract):
    text = "Russia fired 741 aerial weapons at Ukraine overnight: 728 drones and 13 missiles. Of these, 718 drones and 7 missiles were shot down or suppressed."
    s = extract(text)["summary"]
    assert (s["drones_launched"], s["missiles_launched"]) == ({"low": 728, "high": 728}, {"low": 13, "high": 13})
    assert (s["drones_intercepted"], s["missiles_intercepted"]) == ({"low": 718, "high": 718}, {"low": 7, "high": 7})


def test_out_of_and_hits(extract):
    text = "Ukrainian forces shot down 58 out of 72 drones launched by Russia overnight, adding that 14 drones hit targets in three regions."
    r = extract(text)
    assert r["summary"]["drones_launched"] == {"low": 72, "high": 72}
    assert r["summary"]["drones_intercepted"] == {"low": 58, "high": 58}
    assert any(w["role"] == "hits" and w["low"] == 14 for w in r["weapons"])


def test_drones_and_missiles_counted_together_are_neither(extract):
    r = extract("Russia launched 550 drones and missiles at Ukraine overnight. Air defence neutralised 96 targets.")
    assert r["summary"]["drones_launched"] is None and r["summary"]["missiles_launched"] is None
    assert {w["category"] for w in r["weapons"]} == {"mixed"}


def test_air_force_digest_lists(extract):
    text = (
        "On the night of 2 to 3 March, the enemy carried out a combined strike using 348 means of air attack: - 32 Kh-101 "
        "air-launched cruise missiles from Tu-95MS aircraft over the Volgograd region; - 6 Kalibr sea-launched cruise missiles; "
        "- 14 Iskander-M / KN-23 ballistic missiles from the Kursk and Bryansk regions; - 6 Kh-59/69 guided air missiles from "
        "Su-34 aircraft over the Belgorod region; - 287 Shahed strike UAVs and decoy drones from Shatalovo and Kursk.\n\n"
        "As of 09:00, 308 air targets were shot down/suppressed: - 29 Kh-101 and 6 Kalibr cruise missiles; - 9 Iskander-M / "
        "KN-23 ballistic missiles; - 4 Kh-59/69 guided air missiles; - 259 UAVs (233 shot down, 26 locationally lost due to EW)."
    )
    s = extract(text, published="2026-03-03T09:40:00+02:00")["summary"]
    assert s["missiles_launched"] == {"low": 58, "high": 58}
    assert s["missiles_intercepted"] == {"low": 48, "high": 48}
    assert s["drones_launched"] == {"low": 287, "high": 287}
    assert s["drones_intercepted"] == {"low": 259, "high": 259}
    assert not {"Volgograd Oblast", "Belgorod Oblast", "Kursk Oblast", "Kursk"} & set(s["places_struck"])


def test_dash_breakdown_and_of_the_missiles(extract):
    text = (
        "Russia launched 412 drones and 38 missiles - 24 Kh-101 cruise missiles, nine Iskander-M ballistic missiles, "
        'two Kinzhals and three Kalibrs. Air defence shot down 348 drones and another 23 were "locationally lost". '
        "Of the missiles, 31 were destroyed."
    )
    s = extract(text)["summary"]
    assert s["missiles_launched"] == {"low": 38, "high": 38}
    assert s["drones_intercepted"] == {"low": 371, "high": 371}
    assert s["missiles_intercepted"] == {"low": 31, "high": 31}


def test_neither_was_intercepted(extract):
    s = extract("Russia fired two Iskander-M ballistic missiles at Dnipro. Neither was intercepted.")["summary"]
    assert s["missiles_intercepted"] == {"low": 0, "high": 0}


def test_others_lost_to_electronic_warfare(extract):
    s = extract("Air defences shot down 240 drones, while 35 others were lost due to electronic warfare.")["summary"]
    assert s["drones_intercepted"] == {"low": 275, "high": 275}
