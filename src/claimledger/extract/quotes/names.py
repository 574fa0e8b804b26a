"""Names and roles: the proper-name run a mention holds, its fullest form, its role.

`NameReader` reads one parsed article once: the named entities, the paragraphs, the tokens
inside quotation marks. It gives the name run of a mention with its titles removed
("Police Chief John Pelletier" → "John Pelletier"), the fullest form of a name in the article
("Ryan" → "Mick Ryan"), the role the article gives (a title before the name, an apposition,
a clause or an affiliation after it) and a callsign given in quotation marks.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from claimledger.extract.quotes.lexicon import ALIAS_NOUNS, BODY_WORDS, NAMING_VERBS, TITLE_WORDS

BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
STOP_PUNCT = frozenset({",", "(", "—", "–", ";", ":", "\u201c", "\u201d", '"'})
_NAME_JOINERS = frozenset({"of", "and", "&", "for", "on", "-"})
_CLOSING_ABBREVIATIONS = frozenset(
    "Inc. Corp. Co. Ltd. Bros. Jr. Sr. plc. L.P. LLC. S.A. N.V. AG. Cos.".split()
)
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame"})


def span_text(tokens: list[Token]) -> str:
    """The article text from the first to the last of `tokens`."""
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def strip_np(tokens: list[Token]) -> list[Token]:
    """Drop leading determiners and punctuation, trailing punctuation and possessive marks."""
    if tokens:
        para = [t for t in tokens if "\n" in t.text]
        if para:  # never across a paragraph break
            tokens = [t for t in tokens if t.i < para[0].i] or [
                t for t in tokens if t.i > para[-1].i
            ]
    while tokens and (
        tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in {"the", "a", "an", "also"}
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


def is_acronym(token: Token) -> bool:
    """An organisation's initials ("UNICEF", "IMF", "U.N."), whatever the tagger made of it."""
    text = token.text.replace(".", "")
    return len(text) > 1 and text.isalpha() and text.isupper() and token.text not in {"I", "OK"}


def word_of(token: Token) -> str:
    """A noun's lemma, any other word lowercased."""
    return token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_


class NameReader:
    """Name runs, fullest forms, roles and callsigns of one parsed article."""

    def __init__(self, doc: Doc, paragraphs: list[tuple[int, int]], quoted: set[int]) -> None:
        self.doc = doc
        self._para_starts = [s for s, _ in paragraphs]
        self._tok_para = [bisect_right(self._para_starts, t.idx) - 1 for t in doc]
        self._ents = list(doc.ents)
        self._ent_of = {i: e for e in self._ents for i in range(e.start, e.end)}
        self._by_text: dict[str, list[int]] = {}
        for t in doc:
            if t.pos_ == "PROPN":
                self._by_text.setdefault(t.text, []).append(t.i)
        self._para_first: dict[int, int] = {}
        for t in doc:
            self._para_first.setdefault(self._tok_para[t.i], t.i)
        self._quoted = quoted  # token indices inside quotation marks
        self._names = self._name_runs()

    # -- names ---------------------------------------------------------------------------
    def _name_runs(self) -> list[tuple[str, str]]:
        """(name, label) for every named span outside quotation marks, titles removed."""
        runs: list[tuple[str, str]] = []
        for ent in self._ents:
            if ent.label_ in BODY_LABELS or ent.label_ == "PERSON":
                tokens = self._untitled([t for t in ent if t.pos_ in {"PROPN", "ADP", "CCONJ"}])
                if tokens and any(t.pos_ == "PROPN" for t in tokens):
                    runs.append((span_text(tokens), ent.label_))
        return runs

    def _untitled(self, tokens: list[Token]) -> list[Token]:
        tokens = strip_np(tokens)
        body = bool(tokens) and word_of(tokens[-1]) in BODY_WORDS  # "Interior Ministry"
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS and not body:
            tokens = tokens[1:]
        while tokens and tokens[0].pos_ in {"ADP", "CCONJ", "PUNCT"}:
            tokens = tokens[1:]
        while tokens and tokens[-1].pos_ in {"ADP", "CCONJ", "PUNCT", "PART"}:
            tokens = tokens[:-1]
        return tokens

    def name_tokens(self, head: Token) -> list[Token]:
        """The proper-name run that ends at (or holds) `head`, titles excluded."""
        doc = self.doc
        if head.dep_ == "csubj" and head.text[:1].isupper():  # "Save the Children said"
            run = list(head.subtree)
            if len(run) > 1 and all(t.text[:1].isupper() for t in run if t.pos_ != "DET"):
                return run
        if head.ent_iob_ != "O":
            ent = self._ent_of.get(head.i)
            if ent is not None and len(ent) > 1 and ent.label_ in BODY_LABELS | {"PERSON"}:
                tokens = self._untitled(list(ent))
                if tokens and head in tokens:
                    return tokens
        start = head.i
        while start > 0:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and prev.head.i >= start - 1 and prev.dep_ != "poss":
                start -= 1
            elif (
                prev.lower_ in _NAME_JOINERS
                and start >= 2
                and doc[start - 2].pos_ == "PROPN"
                and prev.head.i >= start - 2
            ):
                start -= 1
            else:
                break
        end = head.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].head.i == head.i:
            end += 1
        run = list(doc[start:end])
        if any(t.ent_type_ == "PERSON" for t in run):
            titles = [k for k, t in enumerate(run[:-1]) if t.lower_ in TITLE_WORDS]
            if titles:
                run = run[titles[-1] + 1 :]
        return self._untitled(run) or [head]

    def fullest(self, name: str, kind: str) -> str:
        """The longest form of `name` written in the article ("Ryan" → "Mick Ryan")."""
        last = name.split()[-1].lower()
        best = name
        if kind == "person" and " " not in name:  # "Chen" for "Chen Wei": family name first
            firsts = [
                run
                for run, label in self._names
                if label == "PERSON" and len(run.split()) == 2 and run.split()[0] == name
            ]
            if firsts and not any(r.split()[-1] == name for r, _ in self._names if r != name):
                best = firsts[0]
        for run, label in self._names:
            if kind == "person" and label != "PERSON" and " " not in name:
                continue
            words = run.lower().split()
            if len(run) > len(best) and (
                (kind == "person" and words[-1] == last and len(words) <= 4)
                or (kind == "body" and f" {name.lower()} " in f" {run.lower()} ")
            ):
                if kind == "body" and len(words) > len(name.split()) + 3:
                    continue
                best = run
        return best

    # -- mentions ------------------------------------------------------------------------
    def paragraph_of(self, token: Token) -> int:
        """Index of the paragraph that holds `token`."""
        return self._tok_para[token.i]

    def np_tokens(self, head: Token) -> list[Token]:
        """The noun phrase headed by `head`, cut at the first comma or bracket after it."""
        sub = list(head.subtree)
        right = [t for t in sub if t.i > head.i]
        end = head.i
        for t in right:
            if t.text in STOP_PUNCT or t.i in self._quoted:
                break
            end = t.i
        left = head.i
        for t in reversed([t for t in sub if t.i < head.i]):
            if t.text in STOP_PUNCT:
                break
            left = t.i
        tokens = list(self.doc[left : end + 1])
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens or [head]

    def role_of(self, head: Token, name: list[Token], body: bool = False) -> str | None:
        """The title before the name or the apposition, clause or affiliation after it."""
        inside = {t.i for t in name}
        np_left = [
            t
            for t in head.subtree
            if t.i < name[0].i and t.i >= head.left_edge.i and t.text not in STOP_PUNCT
        ]
        pre = strip_np(
            [t for t in np_left if t.i in range(np_left[0].i, name[0].i)] if np_left else []
        )
        if pre and all(t.lower_.rstrip(".") in _HONORIFICS for t in pre):
            pre = []
        if pre and not any(t.text == "," for t in self.doc[pre[0].i : name[0].i]):
            return span_text(pre)
        for dep in ("appos",) if body else ("appos", "prep", "acl", "relcl"):
            for child in head.rights:
                if child.dep_ != dep or child.i in inside:
                    continue
                if dep == "acl" and child.lemma_.lower() in NAMING_VERBS:
                    continue
                if dep == "prep" and child.lower_ not in {"of", "from", "at", "with", "in"}:
                    continue
                tokens = strip_np(list(child.subtree))
                if dep == "appos" and child.pos_ == "NUM":  # an age: "Mark Smith, 54,"
                    continue
                if dep == "appos":  # "Syrskyi, Ukraine’s Commander-in-Chief": split appositions
                    tokens = strip_np(self._apposition(child))
                if any(t.lower_ in ALIAS_NOUNS or t.i in self._quoted for t in tokens[:3]):
                    continue
                if dep == "prep" and tokens and tokens[0].lower_ == child.lower_:
                    tokens = strip_np(tokens[1:])
                if tokens and tokens[0].lower_ in {"who", "which", "that"}:
                    tokens = tokens[1:]
                if tokens and tokens[0].tag_ == "VBG":  # "Zelenskiy, speaking in …": no role
                    continue
                if tokens:
                    return span_text(tokens)
        return None

    def _earlier_role(self, head: Token, kind: str) -> str | None:
        """The role an earlier mention of the same name carries ("shared by Ihor, a pilot")."""
        for i in self._by_text.get(head.text, []):
            t = self.doc[i]
            if i < head.i and i not in self._quoted:
                role = self.role_of(t, self.name_tokens(t), kind == "body")
                if role:
                    return role
        return None

    def _apposition(self, child: Token) -> list[Token]:
        """The words between the commas that hold the apposition `child`."""
        doc = self.doc
        start, end = child.left_edge.i, child.right_edge.i
        while end + 1 < len(doc) and doc[end + 1].text not in STOP_PUNCT | {"."}:
            if self._tok_para[end + 1] != self._tok_para[child.i]:
                break
            if doc[end].text in _CLOSING_ABBREVIATIONS and doc[end + 1].text[:1].isupper():
                break  # "chairman of Acme Inc. Mr. Roe added …": a sentence ends in "Inc."
            end = max(end + 1, doc[end + 1].right_edge.i)
        return list(doc[start : end + 1])

    def _callsign(self, head: Token) -> str | None:
        """A quoted name given to the person: "Hryhorii, known by his callsign “Hohi”"."""
        doc = self.doc
        end = min(max(head.right_edge.i, head.i + 6) + 1, len(doc))
        for t in doc[head.i + 1 : end]:
            if t.i not in self._quoted or not t.is_alpha:
                continue
            prev = [p for p in doc[max(t.i - 4, head.i + 1) : t.i] if not p.is_quote]
            intro = bool(prev) and (
                prev[-1].text == "("
                or any(
                    p.lower_ in ALIAS_NOUNS
                    or p.lower_ == "sign"
                    or (p.lemma_.lower() in NAMING_VERBS and p.tag_ == "VBN")
                    for p in prev[-3:]
                )
            )
            if not intro:
                return None
            run = [t]
            while run[-1].i + 1 < len(doc) and run[-1].i + 1 in self._quoted:
                run.append(doc[run[-1].i + 1])
            while run and (run[-1].is_punct or run[-1].is_quote):
                run = run[:-1]
            return span_text(run) or None
        return None

    def _para_start_token(self, para: int) -> int:
        return self._para_first.get(para, len(self.doc))
