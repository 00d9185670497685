"""Many distinct, realistic articles generated from a few templates (written for tests)."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv", "Sumy", "Mykolaiv"]
TEMPLATES = [
    ("Russian drones strike {city} overnight, {killed} killed",
     "At least {killed} people were killed and {injured} injured when Russian drones struck {city} overnight, "
     "the regional governor said on {weekday}. The air force said Russia launched {drones} drones, "
     "{down} of which were shot down or jammed."),
    ("{city} hit by missiles; {injured} wounded",
     "Russian missiles hit an industrial area of {city} early on {weekday}, wounding {injured} people, "
     "the city's military administration said. Officials said {killed} people died in hospital later in "
     "the day. The air force reported {missiles} missiles launched across the country."),
    ("Air defences down {down} of {drones} drones; damage in {city}",
     "Ukraine's air force said on {weekday} that it had shot down {down} of the {drones} Shahed drones "
     "launched overnight. Falling debris damaged homes in {city}, where {injured} people were injured "
     "and {killed} killed, according to the emergency service."),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(n: int) -> dict:
    day = date(2026, 5, 1) + timedelta(days=n // 3)
    city = CITIES[n % len(CITIES)]
    title, text = TEMPLATES[n % len(TEMPLATES)]
    values = {"city": city, "killed": 1 + n % 7, "injured": 3 + n % 19, "drones": 40 + n, "down": 30 + n,
              "missiles": 2 + n % 9, "weekday": WEEKDAYS[day.weekday()]}
    return {"id": f"gen-{n:04d}", "title": title.format(**values), "text": text.format(**values),
            "published": f"{day.isoformat()}T{8 + n % 10:02d}:15:00+03:00", "outlet": f"Outlet {n % 5}",
            "url": f"https://news{n % 5}.example/story/{n}"}


def write_jsonl(path: Path, count: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(start, start + count):
            out.write(json.dumps(article(n)) + "\n")
    return path
