"""HTML pages and feeds written for these tests (not copied from any outlet)."""
from __future__ import annotations

from html import escape

PARAGRAPHS = {
    "kyiv": [
        "At least six people were killed and 27 injured when Russian drones and missiles struck Kyiv "
        "overnight, the head of the city military administration said on Tuesday morning.",
        "The air force said Russia launched 270 drones and 18 missiles, of which 251 drones and 15 missiles "
        "were shot down or suppressed by electronic warfare.",
        "Debris fell on a nine-storey apartment building in the Darnytskyi district, where rescuers were "
        "still searching the rubble at dawn, the State Emergency Service said.",
    ],
    "odesa": [
        "A grain terminal in the port of Odesa caught fire after a drone attack late on Saturday, the regional "
        "administration said. One worker was injured and taken to hospital.",
        "Air defences shot down most of the 41 drones launched at the south of the country, the navy said, "
        "adding that a second wave approached from the sea shortly before midnight.",
    ],
    "dnipro": [
        "Two people were killed in Dnipro when a ballistic missile hit a logistics depot on Thursday afternoon, "
        "the head of the regional administration said.",
        "Eleven people were injured, three of them seriously, and a fire broke out across several warehouses.",
    ],
}


def article_page(key: str, title: str, published: str, outlet: str = "Dnipro Ledger", canonical: str | None = None) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS[key])
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(outlet)}</title>{link}
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<main><article><h1>{escape(title)}</h1>{paragraphs}</article></main>
<aside><h3>Most read</h3><ul><li>Football: derby ends in a draw</li><li>Weather: heatwave ahead</li></ul></aside>
<footer>Copyright 2026 {escape(outlet)}. All rights reserved.</footer></body></html>"""


def rss(items: list[dict[str, str]], title: str = "Southern Wire - Latest") -> str:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<pubDate>{i['date']}</pubDate><description>{escape(i.get('summary', ''))}</description></item>"
        for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://wire.example/</link><language>en-gb</language>{entries}</channel></rss>")


def atom(entries: list[dict[str, str]], title: str = "Eastern Desk") -> str:
    body = "".join(
        f"<entry><title>{escape(e['title'])}</title><link href=\"{escape(e['link'])}\"/>"
        f"<id>{escape(e['link'])}</id><updated>{e['date']}</updated>"
        f"<content type=\"html\">{escape(e['content'])}</content></entry>" for e in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:east</id><updated>2026-07-14T09:00:00Z</updated>{body}</feed>")
