"""Word lists for claims: reporting verbs (every form), number qualifiers, titles, pronouns.

The pipeline runs without its lemmatizer (it is slow and not needed), so reporting verbs
are matched by their written forms, generated here from the base forms.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


_SPEECH = """
say tell add write ask note announce argue claim state declare warn insist explain tweet
report acknowledge suggest assert contend maintain stress emphasize emphasise reiterate
confirm deny admit concede reply respond answer recall remark comment predict promise vow
pledge threaten urge describe accuse charge allege complain boast joke quip testify
conclude observe agree disagree estimate indicate reveal disclose caution counter retort
shout yell post inform mention propose demand wonder question proclaim hint brag lament
muse concur cite highlight underscore signal insinuate confess assure call label brand dub
term characterize continue show find criticize attack blast condemn praise echo liken
refuse decline offer endorse reject dispute frame
"""
_THINKING = "think believe hope fear expect feel know worry suspect doubt want plan intend seek"
#: Verbs whose object is what is claimed ("criticized the act as a “crazy system”").
_OBJECT = """
describe criticize cite mention accuse praise attack blast condemn propose demand announce
deny acknowledge confirm reveal highlight question call label brand dub characterize liken
endorse reject dispute predict promise pledge vow threaten urge disclose frame
"""
#: Verbs whose "to" complement is what is claimed ("pledged to push for an amendment").
_INTENT = (
    "pledge vow promise threaten urge refuse decline offer propose demand want plan intend seek"
)

_IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "think": ["thinks", "thought", "thinking"],
    "feel": ["feels", "felt", "feeling"],
    "know": ["knows", "knew", "known", "knowing"],
    "find": ["finds", "found", "finding"],
    "show": ["shows", "showed", "shown", "showing"],
    "seek": ["seeks", "sought", "seeking"],
    "tweet": ["tweets", "tweeted", "tweeting"],
}
_DOUBLED = frozenset({"admit", "quip", "concur", "regret"})


def _forms(verb: str) -> set[str]:
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    plural = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"
    stem = verb + verb[-1] if verb in _DOUBLED else verb
    return {verb, plural, stem + "ed", stem + "ing"}


SPEECH_FORMS = frozenset(f for v in _SPEECH.split() for f in _forms(v))
THINKING_FORMS = frozenset(f for v in _THINKING.split() for f in _forms(v))
OBJECT_FORMS = frozenset(f for v in _OBJECT.split() for f in _forms(v))
INTENT_FORMS = frozenset(f for v in _INTENT.split() for f in _forms(v))
CUE_FORMS = SPEECH_FORMS | THINKING_FORMS

#: Phrases before a number that say how exact it is ("more than 54,000", "about 70%").
QUALIFIERS = frozenset(
    [
        *word_set(
            """about around approximately roughly nearly almost some over under only just
            estimated reportedly below above barely fully"""
        ),
        *("more than", "less than", "fewer than", "at least", "at most", "up to", "close to"),
        *("as many as", "as much as", "as few as", "an estimated", "an average of"),
        *("upwards of", "no more than", "no fewer than", "well over", "just over"),
        *("just under", "more than a"),
    ]
)

#: Leading words dropped from a speaker's name.
TITLES = word_set(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. lt. gen. gen col. sgt. prof.
    president secretary senator representative governor minister spokesman spokeswoman
    spokesperson justice judge chairman chairwoman mayor sir dame lord"""
)

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
ALL_PRONOUNS = PERSONAL_PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS | {"i", "you", "it"}

NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without"})

MONTHS = word_set(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct
    oct. nov nov. dec dec."""
)
