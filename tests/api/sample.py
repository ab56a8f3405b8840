"""A small store built row by row (no model): documents, event mentions, actor mentions."""

from __future__ import annotations

from pathlib import Path

from froissart.store import Store, content_hash

FIELDS = ["source_code", "source_country", "target_code", "target_country", "cameo", "root",
          "quad_class", "goldstein", "plover", "date", "location_name", "location_country",
          "lat", "lon"]
DOCS = [  # doc id, published, text, events (evidence phrase, row of FIELDS)
    ("d1", "2024-05-27", "Emmanuel Macron est arrivé à Berlin. Il a rencontré Olaf Scholz.",
     [("Il a rencontré Olaf Scholz", ["FRAGOV", "FRA", "DEUGOV", "DEU", "040", "04", 1, 1.0,
                                       "CONSULT", "2024-05-26", "Berlin", "DE", 52.52, 13.41])]),
    ("d2", "2024-05-28", "Paris et Berlin ont signé un accord. La Russie a condamné l'accord.",
     [("Paris et Berlin ont signé un accord", ["FRAGOV", "FRA", "DEUGOV", "DEU", "057", "05",
                                                1, 8.0, "AGREE", "2024-05-28", "Paris", "FR",
                                                48.85, 2.35]),
      ("La Russie a condamné l'accord", ["RUS", "RUS", "FRAGOV", "FRA", "111", "11", 3, -2.0,
                                          "ACCUSE", "2024-05-28", None, None, None, None])]),
    ("d3", "2024-06-03", "L'armée russe a bombardé Kharkiv. Kiev a accusé Moscou.",
     [("L'armée russe a bombardé Kharkiv", ["RUSMIL", "RUS", "UKR", "UKR", "195", "19", 4,
                                             -10.0, "ASSAULT", "2024-06-02", "Kharkiv", "UA",
                                             49.98, 36.25]),
      ("Kiev a accusé Moscou", ["UKRGOV", "UKR", "RUSGOV", "RUS", "112", "11", 3, -2.0,
                                "ACCUSE", "2024-06-03", "Kyiv", "UA", 50.45, 30.52])]),
    ("d4", "2024-07-10", "La Chine a promis une aide au Kenya.",
     [("La Chine a promis une aide au Kenya", ["CHN", "CHN", "KEN", "KEN", "033", "03", 1, 5.2,
                                               "AID", "2024-07-10", "Nairobi", "KE", -1.29,
                                               36.82])]),
]


def items() -> list[dict]:
    out = []
    for doc_id, published, text, events in DOCS:
        mentions = []
        for k, (phrase, row) in enumerate(events):
            start = text.index(phrase)
            m = dict(zip(FIELDS, row, strict=True))
            m.update(doc_id=doc_id, event_id=f"{doc_id}-m{k}", date_precision="day",
                     source_name=m["source_code"], target_name=m["target_code"],
                     cameo_name=f"code {m['cameo']}", mode="realised",
                     sentence_index=0 if start == 0 else 1, evidence=phrase,
                     evidence_start=start, evidence_end=start + len(phrase),
                     rule=f"fr.{m['cameo']}.test", source_entry="countries:x",
                     target_entry="countries:y", date_rule="time:explicit",
                     location_rule="clause" if m["location_name"] else None, confidence=0.8,
                     lexicon_version="test=1")
            mentions.append(m)
        out.append({"doc": {"doc_id": doc_id, "content_hash": content_hash(text),
                            "input": "sample", "lang": "fr", "published": published,
                            "title": f"Dépêche {doc_id}", "source": "afp.test", "text": text,
                            "repairs": [], "metadata": {"input": "sample"}},
                    "mentions": mentions,
                    "actors": [(0, 0, 5, text[:5], "FRAGOV", "person", "people:x")]})
    return out


def build(path: Path) -> Path:
    with Store(path) as store:
        store.write_batch(items())
        store.recluster()
    return path
