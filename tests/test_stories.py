"""Story grouping as articles are added, and a person's moves, merges and splits."""

from __future__ import annotations

from index.library import Library
from index.stories import group_new
from index.story_store import StoryStore
from tests.helpers import make_article

SUMMIT = [
    "Secretary Blinken and Secretary Austin met Japanese ministers Kamikawa and Kihara in Tokyo.",
    "The United States will upgrade US Forces Japan to a joint force headquarters, Austin said.",
    "Japan hosts more than 54,000 US troops, most of them on Okinawa.",
]
SUMMIT_2 = [
    "Blinken and Austin held 2+2 talks in Tokyo with Kamikawa and Kihara on Sunday.",
    "US Forces Japan will become a joint force headquarters, the Pentagon said.",
    "About 54,000 American troops are stationed in Japan.",
]
FLOOD = [
    "Heavy rain in Kyushu flooded towns along the Chikugo river and forced evacuations.",
    "The meteorological agency warned of landslides in Fukuoka and Saga prefectures.",
]


def _add(library: Library, *articles) -> None:  # type: ignore[no-untyped-def]
    library.store.save_many(list(articles))
    group_new(library)


def test_articles_on_one_event_share_a_story_and_others_do_not(library: Library) -> None:
    a = make_article("US to upgrade forces in Japan", SUMMIT, outlet="Antiwar.com")
    b = make_article("US, Japan deepen alliance at Tokyo talks", SUMMIT_2, outlet="UPI")
    c = make_article("Floods hit Kyushu", FLOOD, outlet="NHK")
    _add(library, a, b, c)
    stories = StoryStore(library.store)
    assert stories.story_of(a.id) == stories.story_of(b.id)
    assert stories.story_of(c.id) != stories.story_of(a.id)
    listed = stories.listing()
    assert [sorted(s.articles) for s in listed] == [sorted([a.id, b.id])]
    assert set(listed[0].outlets) == {"Antiwar.com", "UPI"}


def test_dates_far_apart_keep_similar_articles_apart(library: Library) -> None:
    a = make_article("US to upgrade forces in Japan", SUMMIT, date="2024-07-28")
    b = make_article("US, Japan deepen alliance", SUMMIT_2, date="2021-03-02", outlet="UPI")
    _add(library, a, b)
    stories = StoryStore(library.store)
    assert stories.story_of(a.id) != stories.story_of(b.id)


def test_a_persons_move_is_kept_when_more_articles_arrive(library: Library) -> None:
    a = make_article("US to upgrade forces in Japan", SUMMIT, outlet="Antiwar.com")
    b = make_article("US, Japan deepen alliance at Tokyo talks", SUMMIT_2, outlet="UPI")
    _add(library, a, b)
    stories = StoryStore(library.store)
    new_story = stories.move([b.id], None, title=b.title)
    assert stories.is_pinned(b.id)
    c = make_article("Tokyo talks: joint force headquarters", SUMMIT_2[:2], outlet="Press TV")
    _add(library, c)
    assert stories.story_of(b.id) == new_story
    assert stories.story_of(a.id) != new_story


def test_merge_and_split(library: Library) -> None:
    a = make_article("US to upgrade forces in Japan", SUMMIT, outlet="Antiwar.com")
    c = make_article("Floods hit Kyushu", FLOOD, outlet="NHK")
    _add(library, a, c)
    stories = StoryStore(library.store)
    first, second = stories.story_of(a.id), stories.story_of(c.id)
    assert first and second and first != second
    stories.move(stories.members(second), first)
    assert stories.story_of(c.id) == first
    assert stories.resolve(second) == []  # the emptied story is gone
    split_off = stories.move([c.id], None)
    assert stories.story_of(c.id) == split_off != first
