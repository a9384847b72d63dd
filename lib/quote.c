/* quote: quotations and reported speech, attributed to their speakers.
 *
 * A document is read in windows of whole paragraphs. A window is tokenized
 * (quote_tok.h: words with their classes, punctuation, quotation marks), its
 * quotation marks are paired into quotes, then its sentences are walked in
 * order, attributing quotes and finding reported clauses around cue verbs,
 * while who was mentioned is remembered so that pronouns and definite
 * descriptions can be resolved and surnames completed. Tokenizing depends on a
 * window's text alone, so a second thread may tokenize the windows of a long
 * document ahead of the rules (struct tok_pipe). */
#include "quote.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "quote_tok.h"

/* A window of the document: its bytes and its sentences. */
struct window {
	size_t from, to;
	size_t si0, si1;
};

/* Windows tokenized ahead of the rules wait in a ring of slots: window k
 * goes to slot k % QUOTE_AHEAD. */
#define QUOTE_AHEAD 4

struct tok_slot {
	struct quote_tokens toks;
	int full;
};

/* The last attribution made in the window: a quote standing alone in its
 * paragraph is the words of whoever spoke last. */
struct last_speaker {
	size_t spk_s, spk_e, cue;   /* tokens; spk_s QUOTE_NONE when none */
	int para;
	size_t name_off, name_len;
};

struct quote_finder {
	const char *text;        /* the document being read */
	struct last_speaker last;
	struct quote_lexicon *lex;

	/* scratch reused for every document */
	struct quote_tokens toks;
	struct dquote *dq;
	size_t ndq, dq_cap;
	struct mention *men;
	size_t nmen, men_cap;
	struct name *names;
	size_t nnames, names_cap;
	/* last word of a name -> latest name before the cursor / first name */
	struct name_slot *name_slots;
	size_t nname_slots, name_slots_cap;
	size_t names_seen;       /* names[0..names_seen) are in the latest map */
	size_t names_indexed;    /* names[0..names_indexed) are in the map */
	unsigned char *used;     /* per token: cue already used */
	size_t used_cap;
	/* per sentence of the window: has a word that may cue a reported
	 * clause (find_indirect looks at no other sentence) */
	unsigned char *sent_cues;
	size_t sent_cues_cap;
	struct sent_toks *sent_toks;   /* per sentence of the window: its tokens */
	size_t sent_toks_cap, nsent_toks;
	struct window *win;      /* the windows of the document */
	size_t win_cap;
	int threads;             /* at most this many threads for one document */
	struct tok_slot ahead[QUOTE_AHEAD];
};

struct quote_finder *quote_finder_new(void)
{
	struct quote_finder *qf = news_xcalloc(1, sizeof *qf);
	qf->lex = quote_lexicon_new();
	qf->threads = 1;
	return qf;
}

void quote_finder_set_threads(struct quote_finder *qf, int threads)
{
	qf->threads = threads < 1 ? 1 : threads;
}

struct dquote {
	size_t open, close;    /* token indices of the marks (close: last mark) */
	size_t cs, ce;         /* content bytes */
	int unclosed;          /* recovered: no closing mark */
	int kind;              /* 0 = dropped */
	size_t spk_s, spk_e;   /* token range of the speaker, spk_s = QUOTE_NONE */
	size_t cue;            /* cue token or QUOTE_NONE */
	size_t name_off, name_len;
};

/* The tokens first..end-1 of a sentence of the window. */
struct sent_toks {
	size_t first, end;
};

/* Someone mentioned: a speaker or a sentence subject, for pronouns. */
struct mention {
	size_t pos;            /* byte offset of the mention */
	long para;
	size_t name_off, name_len;   /* canonical name in out->names */
	size_t head_off, head_len;   /* its head word, bytes of the text */
	int plural;
	int person;
};

/* A full name seen in the document, found again by its last word. */
struct name {
	size_t last_s, last_e;   /* last word */
	size_t s, e;             /* the name without titles */
	unsigned long hash;      /* of the case-folded last word */
};

struct name_slot {
	size_t latest, first;    /* name indices + 1, 0 = empty slot */
	unsigned long hash;      /* its names' hash: most probes stop here */
};

/* ---- quotation marks --------------------------------------------------- */

static int tok_is_space_before(const struct quote_finder *qf, const char *text, size_t k)
{
	if (k == 0)
		return 1;
	const struct qtok *p = &qf->toks.t[k - 1];
	if (p->e < qf->toks.t[k].s)
		return 1;
	(void)text;
	return p->type == T_PUNCT && (p->ch == '(' || p->ch == '[' || p->ch == '-' ||
	                              p->ch == '/' || p->ch == '{');
}

static int tok_is_space_after(const struct quote_finder *qf, size_t k)
{
	if (k + 1 >= qf->toks.n)
		return 1;
	const struct qtok *nx = &qf->toks.t[k + 1];
	if (nx->s > qf->toks.t[k].e)
		return 1;
	return nx->type == T_PUNCT && nx->ch != '(' && nx->ch != '$' && nx->ch != '#';
}

static void mark_directions(struct quote_finder *qf, const char *text)
{
	for (size_t m = 0; m < qf->toks.nmarks; m++) {
		size_t k = qf->toks.marks[m];
		struct qtok *t = &qf->toks.t[k];
		int sb = tok_is_space_before(qf, text, k);
		if (!sb && k > 0 && qf->toks.t[k - 1].type == T_QUOTE && qf->toks.t[k - 1].qdir == Q_OPEN)
			sb = 1;
		int sa = tok_is_space_after(qf, k);
		if (!sa && k + 1 < qf->toks.n && qf->toks.t[k + 1].type == T_QUOTE &&
		    qf->toks.t[k + 1].s == t->e)
			sa = 1;   /* ”’ or ’” : decided by the glyph */
		int open_ctx = sb && !sa, close_ctx = !sb && sa;
		if (t->ch == 'd') {
			if (t->curly == 'l')
				t->qdir = close_ctx ? Q_CLOSE : Q_OPEN;
			else if (t->curly == 'r')
				t->qdir = open_ctx ? Q_OPEN : Q_CLOSE;
			else
				t->qdir = open_ctx ? Q_OPEN : close_ctx ? Q_CLOSE : Q_EITHER;
		} else {
			/* single marks: quotation marks only where they cannot be an
			 * apostrophe ('90s, rock 'n' roll, the officials' plan) */
			int next_letter = k + 1 < qf->toks.n && qf->toks.t[k + 1].s == t->e &&
			                  qf->toks.t[k + 1].type == T_WORD &&
			                  !(qf->toks.t[k + 1].flags & F_DIGIT);
			if (open_ctx && next_letter && t->curly != 'r')
				t->qdir = Q_OPEN;
			else if (close_ctx && t->curly != 'l')
				t->qdir = Q_CLOSE;
			else
				t->qdir = Q_APOS;
		}
	}
}

static void add_dquote(struct quote_finder *qf, const char *text, size_t open,
                       size_t close, int unclosed)
{
	size_t cs = qf->toks.t[open].e;
	size_t ce = unclosed ? qf->toks.t[close].e : qf->toks.t[close].s;
	while (cs < ce && (text[cs] == ' ' || text[cs] == '\n' || text[cs] == '\t' ||
	                   text[cs] == '\r'))
		cs++;
	while (ce > cs && (text[ce - 1] == ' ' || text[ce - 1] == '\n' ||
	                   text[ce - 1] == '\t' || text[ce - 1] == '\r'))
		ce--;
	if (ce <= cs)
		return;
	/* trailing no-break space */
	NEWS_GROW(qf->dq, qf->dq_cap, qf->ndq + 1);
	struct dquote *d = &qf->dq[qf->ndq++];
	memset(d, 0, sizeof *d);
	d->open = open;
	d->close = close;
	d->cs = cs;
	d->ce = ce;
	d->unclosed = unclosed;
	d->spk_s = QUOTE_NONE;
	d->cue = QUOTE_NONE;
	for (size_t k = open + 1; k < close + (unclosed ? 1 : 0); k++)
		qf->toks.t[k].dq = (int)(qf->ndq - 1);
}

/* Pair quotation marks into quotes. Double marks pair at the top level
 * (single marks inside them are nested quotes); single marks pair only when
 * no double quote is open. A paragraph that ends inside a quote continues
 * into the next when that one opens with a quotation mark; otherwise the
 * quote is closed at the paragraph's end. */
static void pair_quotes(struct quote_finder *qf, const char *text)
{
	qf->ndq = 0;
	size_t open = QUOTE_NONE;
	char fam = 0;
	size_t m = 0;   /* the next quotation mark */
	for (size_t k = 0; k < qf->toks.n; k++) {
		if (open == QUOTE_NONE) {
			/* outside quotes only the marks matter: go to the next */
			while (m < qf->toks.nmarks && qf->toks.marks[m] < k)
				m++;
			if (m >= qf->toks.nmarks)
				break;
			k = qf->toks.marks[m];
		}
		struct qtok *t = &qf->toks.t[k];
		int last_in_para = k + 1 >= qf->toks.n || qf->toks.t[k + 1].para != t->para;
		if (t->type == T_QUOTE && t->qdir != Q_APOS) {
			if (open == QUOTE_NONE) {
				if (t->qdir == Q_OPEN || (t->qdir == Q_EITHER && t->ch == 'd')) {
					open = k;
					fam = t->ch;
				}
			} else if (fam == 'd' && t->ch == 'd') {
				if (t->qdir == Q_OPEN && qf->toks.t[open].curly && t->curly == 'l') {
					/* a second opening mark: the first was never closed */
					size_t e = k - 1;
					if (e > open)
						add_dquote(qf, text, open, e, 1);
					open = k;
				} else {
					add_dquote(qf, text, open, k, 0);
					open = QUOTE_NONE;
				}
			} else if (fam == 's' && t->ch == 's' && t->qdir != Q_OPEN) {
				if (t->s - qf->toks.t[open].e < 400)
					add_dquote(qf, text, open, k, 0);
				open = QUOTE_NONE;
			} else if (fam == 's' && t->ch == 'd' && t->qdir == Q_OPEN) {
				open = k;   /* the single mark was an apostrophe */
				fam = 'd';
			}
		}
		if (last_in_para && open != QUOTE_NONE && k != open) {
			if (fam == 'd') {
				size_t n = k + 1;
				if (n < qf->toks.n && qf->toks.t[n].type == T_QUOTE &&
				    qf->toks.t[n].ch == 'd' && qf->toks.t[n].qdir != Q_CLOSE) {
					/* continues: the next paragraph's mark is not an opener
					 * of its own; skip it and keep the quote open */
					qf->toks.t[n].qdir = Q_APOS;
					continue;
				}
				add_dquote(qf, text, open, k, 1);
			}
			open = QUOTE_NONE;
		} else if (last_in_para && open == k) {
			open = QUOTE_NONE;
		}
	}
}

/* ---- noun phrases and names -------------------------------------------- */

static int is_cap(const struct qtok *t) { return t->type == T_WORD && (t->flags & F_CAP); }
static int is_punct(const struct qtok *t, char c) { return t->type == T_PUNCT && t->ch == c; }

static int word_is(const char *text, const struct qtok *t, const char *w)
{
	if (t->type != T_WORD || (unsigned char)(text[t->s] | 0x20) != (unsigned char)w[0])
		return 0;   /* most calls end here, before strlen */
	size_t n = strlen(w);
	if (t->e - t->s != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[t->s + i];
		if ((quote_is_upper(c) ? c + 32 : c) != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* A token that can sit inside a name or a title run: capitalised words,
 * name particles, initials. */
static int name_part(const struct qtok *t)
{
	if (t->type != T_WORD)
		return 0;
	if (t->flags & F_CAP)
		return !(t->cls & (W_CLAUSE | W_PRON)) || (t->cls & W_TITLE);
	return (t->cls & W_PARTICLE) != 0;
}

/* Extend a noun phrase leftwards from its head token h (inclusive), not
 * before token lo. Returns the first token. */
static size_t np_left(const struct quote_finder *qf, const char *text, size_t h, size_t lo)
{
	const struct qtok *T = qf->toks.t;
	size_t s = h;
	if (T[h].cls & W_PRON)
		return h;
	if ((T[h].flags & F_DIGIT) && h >= lo + 2 && word_is(text, &T[h - 1], "in") &&
	    T[h - 2].type == T_WORD && ((T[h - 2].cls & W_DET) || (T[h - 2].flags & F_DIGIT)))
		s = h - 2;   /* six in 10 */
	int lower_run = 0;
	while (s > lo) {
		const struct qtok *p = &T[s - 1];
		if (p->sent != T[h].sent)
			break;
		if (p->type == T_PUNCT && p->ch == '.' )
			break;
		if (p->type != T_WORD) {
			/* 's of a possessive (Iraq's) is inside the word; keep going
			 * only over hyphens joined to words */
			break;
		}
		if (p->cls & W_DET) {
			s--;
			/* a determiner starts the phrase, unless a capitalised one
			 * belongs to a name (White House) */
			if (!(p->flags & F_CAP) || !(p->cls & W_TITLE))
				break;
			continue;
		}
		if (p->flags & F_CAP) {
			if ((p->cls & (W_CLAUSE | W_PRON | W_PREP | W_SKIP | W_CUE | W_CUE_B)) &&
			    !(p->cls & W_TITLE))
				break;   /* But, In, He at the start of a sentence; Says in a headline */
			s--;
			lower_run = 0;
			continue;
		}
		if (p->cls & W_PARTICLE) {
			s--;
			continue;
		}
		if (word_is(text, p, "and") && s - 1 > lo && is_cap(&T[s - 2]) && is_cap(&T[s])) {
			s--;
			continue;
		}
		if ((p->cls & W_OFFOR) && s - 1 > lo) {
			/* spokesman for the State Department */
			const struct qtok *pp = &T[s - 2];
			if (pp->type == T_WORD && (pp->cls & (W_NOUN_S | W_NOUN_P | W_TITLE))) {
				s--;
				continue;
			}
			break;
		}
		if (p->cls & (W_CLAUSE | W_PREP | W_PRON | W_SKIP | W_CUE | W_TIME | W_AUX | W_OFFOR))
			break;
		if (p->flags & F_DIGIT)
			break;
		/* a lower-case word: an adjective or a noun of the phrase */
		if (++lower_run > 3)
			break;
		s--;
	}
	return s;
}

/* Determiners that stand alone as a subject: some said, others say. */
static int is_pronoun_det(const struct quote_finder *qf, const struct qtok *t)
{
	static const char *const words[] = {"some", "many", "several", "others", "both",
		"all", "most", "few", "one", "another", "two", "three", "four", "five"};
	(void)qf;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_is(qf->text, t, words[i]))
			return 1;
	return 0;
}

/* The head of the subject of cue token v: skip back over auxiliaries and
 * adverbs, and over an appositive between commas. QUOTE_NONE if none. */
/* Whether token p can be the last word of a subject. */
static int head_ok(const struct quote_finder *qf, const struct qtok *p)
{
	if (p->type != T_WORD)
		return 0;
	if (word_is(qf->text, p, "who") && p > qf->toks.t && is_punct(p - 1, ','))
		return 1;   /* Graham, who says ... */
	if ((p->cls & W_DET) && !(p->cls & W_NOUN_P) && !(p->flags & F_CAP) &&
	    !is_pronoun_det(qf, p))
		return 0;   /* a promised mission */
	if (p->cls & (W_CLAUSE | W_PREP | W_AUX | W_CUE | W_OFFOR) &&
	    !(p->cls & (W_PRON | W_NOUN_S | W_NOUN_P)))
		return 0;
	if (p->cls & W_TIME)
		return 0;
	if ((p->flags & F_DIGIT) && !(p->flags & F_CAP) &&
	    !(p > qf->toks.t + 1 && word_is(qf->text, p - 1, "in") && p[-2].type == T_WORD &&
	      ((p[-2].cls & W_DET) || (p[-2].flags & F_DIGIT))))
		return 0;   /* (but `six in 10 say`) */
	if ((p->flags & F_LOWER) && !(p->cls & (W_NOUN_S | W_NOUN_P)) && p->e - p->s > 3 &&
	    memcmp(qf->text + p->e - 2, "ly", 2) == 0)
		return 0;   /* regularly, jokingly */
	return 1;
}

/* Whether the tokens a..b (inclusive) can be an appositive or a relative
 * clause set off by commas: `a spokesman for ...`, `who ...`, `61`,
 * `R-Utah`, `director of ...`. */
static int is_participle(const char *text, const struct qtok *t);
static int sentence_end_punct(const struct qtok *t);

static int appositive(const struct quote_finder *qf, size_t a, size_t b)
{
	const struct qtok *T = qf->toks.t;
	if (a > b || T[a].type != T_WORD)
		return 0;
	const struct qtok *t = &T[a];
	if (t->cls & (W_DET | W_TITLE | W_NOUN_S | W_NOUN_P))
		return 1;
	if (((t->cls & W_PREP) && !(t->flags & F_CAP)) || word_is(qf->text, t, "however"))
		return 1;   /* Blunt, after a long pause, said */
	if (!(t->flags & F_CAP) && is_participle(qf->text, t))
		return 1;   /* Fiorina, speaking to Iowans, said */
	if ((t->cls & W_CLAUSE) && !(t->flags & F_CAP) && !word_is(qf->text, t, "and") &&
	    !word_is(qf->text, t, "but") && !word_is(qf->text, t, "or") &&
	    !word_is(qf->text, t, "so") && !word_is(qf->text, t, "that") &&
	    !word_is(qf->text, t, "than") && !word_is(qf->text, t, "yet"))
		return 1;   /* Cruz, when asked what is wrong, responded */
	if (word_is(qf->text, t, "who") || word_is(qf->text, t, "whose") ||
	    word_is(qf->text, t, "which") || word_is(qf->text, t, "now") ||
	    word_is(qf->text, t, "then") || word_is(qf->text, t, "himself") ||
	    word_is(qf->text, t, "herself") || word_is(qf->text, t, "itself"))
		return 1;
	if (b - a < 3 && ((t->flags & (F_CAP | F_DIGIT))))
		return 1;   /* R-Utah ; 61 ; Democrat of Vermont */
	for (size_t k = a; k <= b && k < a + 8; k++)
		if (T[k].type == T_WORD && (T[k].cls & (W_NOUN_S | W_NOUN_P | W_TITLE)) &&
		    !(T[k].flags & F_CAP))
			return 1;   /* Twitter's director of political advertising */
	if ((t->flags & F_CAP) && b > a && (T[a + 1].cls & W_OFFOR))
		return 1;
	return 0;
}

/* The head of the subject of cue token v: skip back over auxiliaries and
 * adverbs, and over appositives between commas or parentheses. QUOTE_NONE
 * if there is no subject. */
/* The noun phrase starting at a, when it is the object of `of`/`for` after
 * a phrase that opens its clause (`The author of the book`): where that
 * phrase starts; else a. */
static size_t of_phrase_left(const struct quote_finder *qf, size_t a, size_t lo)
{
	const struct qtok *T = qf->toks.t;
	if (a < lo + 2 || T[a - 1].type != T_WORD || !(T[a - 1].cls & W_OFFOR) ||
	    (T[a - 1].flags & F_CAP) || T[a - 2].type != T_WORD || (T[a - 2].cls & W_OFFOR))
		return a;
	size_t b = np_left(qf, qf->text, a - 2, lo);
	if (b > lo && !is_punct(&T[b - 1], ','))
		return a;   /* inside a longer phrase: leave it */
	if (!(T[b].cls & W_DET) && !(T[b].flags & F_CAP))
		return a;
	return b;
}

/* The head before `of` in the phrase a..h, QUOTE_NONE when there is none. */
static size_t of_head(const struct quote_finder *qf, size_t a, size_t h)
{
	for (size_t k = a + 1; k < h; k++)
		if ((qf->toks.t[k].cls & W_OFFOR) && !(qf->toks.t[k].flags & F_CAP))
			return k - 1;
	return QUOTE_NONE;
}

static size_t subject_head(const struct quote_finder *qf, size_t v, size_t lo)
{
	const struct qtok *T = qf->toks.t;
	size_t k = v;
	int skipped = 0;
	/* in a headline in title case (its cue capitalised) the words between
	 * subject and cue are too: `Trump May Not Have Suggested ...` */
	int headline = T[v].hidden != 0;
	while (k > lo && T[k - 1].type == T_WORD && skipped < 3 &&
	       (!(T[k - 1].flags & F_CAP) || ((T[k - 1].cls & W_TIME) && k - 1 > lo &&
	                                       T[k - 2].type == T_WORD) ||
	        (headline && (T[k - 1].cls & W_SKIP))) &&
	       ((T[k - 1].cls & (W_SKIP | W_TIME)) || (T[k - 1].e - T[k - 1].s > 4 &&
	                                    !(T[k - 1].cls & (W_NOUN_S | W_NOUN_P)) &&
	                                    memcmp(qf->text + T[k - 1].e - 2, "ly", 2) == 0))) {
		k--;   /* has, also, similarly */
		skipped++;
	}
	if (k <= lo)
		return QUOTE_NONE;
	if (T[k - 1].sent != T[v].sent && T[k - 1].sent >= 0 && T[v].sent >= 0)
		return QUOTE_NONE;
	const struct qtok *p = &T[k - 1];
	if (p->type == T_WORD)
		return head_ok(qf, p) ? k - 1 : QUOTE_NONE;
	if (p->type != T_PUNCT || (p->ch != ',' && p->ch != ')'))
		return QUOTE_NONE;
	size_t c = k - 1;   /* the comma or parenthesis before the cue */
	if (p->ch == ')') {
		/* Sen. Rand Paul (R-Ky.) said */
		for (size_t j = c; j > lo && j + 12 > c;) {
			j--;
			if (T[j].type == T_QUOTE && T[j].ch == 'd')
				break;
			if (is_punct(&T[j], '('))
				return j > lo && head_ok(qf, &T[j - 1]) ? j - 1 : QUOTE_NONE;
		}
		return QUOTE_NONE;
	}
	/* Smith, a spokesman for the group, said: walk back over the segments
	 * between commas while they read as appositives or asides; the subject
	 * is the earliest phrase before them that is not inside a prepositional
	 * phrase (`Sandy Phillips, whose daughter died in Aurora, Colorado, in
	 * 2012, said`; but `In Washington, the senator, a Democrat, said`) */
	size_t best = QUOTE_NONE;
	for (int level = 0; level < 6; level++) {
		size_t j = c, limit = c > lo + 40 ? c - 40 : lo;
		int found = 0;
		while (j > limit) {
			j--;
			if (is_punct(&T[j], ',')) {
				found = 1;
				break;
			}
			if ((T[j].type == T_QUOTE && T[j].ch == 'd') ||
			    (T[j].type == T_PUNCT && strchr(";:!?", T[j].ch)) ||
			    (is_punct(&T[j], '.') && !is_punct(&T[j + 1], ',')))
				return best;
		}
		if (!found && j > lo)
			return best;   /* the limit: too long an aside */
		if (!found) {
			/* the first phrase of the sentence: `Tom Fitton, the ...` */
			if (level == 0 || c < lo + 1)
				return best;   /* `..., said Smith` is read elsewhere */
			size_t h = c - 1, a = of_phrase_left(qf, np_left(qf, qf->text, h, lo), lo);
			int pp = a > lo && T[a - 1].type == T_WORD &&
			         (T[a - 1].cls & (W_PREP | W_OFFOR | W_CLAUSE));
			if (a < h && a < c && T[a].type == T_WORD && !pp && head_ok(qf, &T[h]) &&
			    h > a && of_head(qf, a, h) != QUOTE_NONE)
				h = of_head(qf, a, h);
			if (pp && best == QUOTE_NONE && a >= lo + 2 && (T[a - 1].cls & W_PREP) &&
			    !(T[a - 1].flags & F_CAP) && T[a - 2].type == T_WORD &&
			    head_ok(qf, &T[a - 2]) && np_left(qf, qf->text, a - 2, lo) == lo)
				return a - 2;   /* `Six newspapers in New Jersey, including ..., said` */
			return !pp && head_ok(qf, &T[h]) ? h : best;
		}
		if (level == 0) {
			/* `..., Gov. John Kasich (R-OH), said`: a name after its
			 * title, right before the cue, is who speaks, not an
			 * appositive of what precedes it */
			size_t x = j + 1, y;
			while (x < c && T[x].type == T_WORD && (T[x].cls & W_TITLE) && (T[x].flags & F_CAP))
				x++;
			for (y = x; y < c && is_cap(&T[y]) && name_part(&T[y]) &&
			            !(T[y].cls & (W_TITLE | W_NOUN_S | W_NOUN_P | W_DET)); y++)
				;
			if (x > j + 1 && y > x && (y == c || (is_punct(&T[y], '(') && is_punct(&T[c - 1], ')'))))
				return y - 1;
		}
		if (j <= lo || !appositive(qf, j + 1, c - 1))
			return best;
		size_t h = j - 1;
		if (T[h].type != T_WORD)
			return best;
		size_t a = of_phrase_left(qf, np_left(qf, qf->text, h, lo), lo);
		/* a phrase after a word (`heads the Senate Banking Committee`,
		 * `in Aurora`) is an object inside an aside, not the subject */
		int pp = a > lo && !is_punct(&T[a - 1], ',') && T[a - 1].type != T_QUOTE &&
		         !word_is(qf->text, &T[a - 1], "and") && !word_is(qf->text, &T[a - 1], "but");
		if (!pp && head_ok(qf, &T[h])) {
			best = h;
			if (a < h && of_head(qf, a, h) != QUOTE_NONE && !(T[a].cls & W_TITLE))
				best = of_head(qf, a, h);   /* The author of the book */
			/* `the author of the book, Mitchell Zuckoff, said`: the name
			 * set off after a description is who speaks */
			size_t nn = 0;
			for (size_t k = j + 1; k < c && nn == k - j - 1; k++)
				nn += name_part(&T[k]) && !(T[k].cls & (W_DET | W_TITLE));
			if ((T[best].flags & F_LOWER) && nn >= 2 && nn == c - j - 1 && is_cap(&T[c - 1]))
				best = c - 1;
			/* is the phrase itself set off by commas, one more appositive? */
			if (!(a > lo && is_punct(&T[a - 1], ',') && appositive(qf, a, h)))
				return best;
		}
		c = j;
	}
	return best;
}

/* A noun phrase forward from token k (inverted "said Smith", "according to
 * the officials"): returns the last token, QUOTE_NONE if none. */
static size_t np_right(const struct quote_finder *qf, size_t k, size_t hi)
{
	const struct qtok *T = qf->toks.t;
	if (k >= hi || T[k].type != T_WORD)
		return QUOTE_NONE;
	if (T[k].cls & W_PRON)
		return k;
	if ((T[k].cls & (W_CLAUSE | W_PREP | W_CUE | W_AUX | W_SKIP | W_OFFOR | W_TIME)) &&
	    !(T[k].flags & F_CAP) && !(T[k].cls & W_DET))
		return QUOTE_NONE;
	size_t e = k, last = QUOTE_NONE;
	int lower = 0, head = 0;
	while (e < hi && T[e].sent == T[k].sent) {
		const struct qtok *t = &T[e];
		if (t->type == T_PUNCT && (t->ch == '/' || t->ch == '&') && e + 1 < hi &&
		    T[e + 1].type == T_WORD && last == e - 1) {
			e++;
			continue;   /* Reuters/Ipsos, AT&T */
		}
		if (t->type != T_WORD)
			break;
		if (e > k && (t->cls & (W_CLAUSE | W_PREP | W_CUE | W_AUX | W_SKIP)) &&
		    !(t->flags & F_CAP) && !(t->cls & W_OFFOR))
			break;
		if ((t->cls & W_OFFOR) && !(t->flags & F_CAP)) {
			if (last == QUOTE_NONE)
				break;
			e++;
			continue;
		}
		if (e == k && (t->flags & F_CAP) && (t->cls & W_DET) && !(t->cls & W_TITLE)) {
			/* The, His at the start of a sentence: capitalised, no name */
		} else if (t->flags & F_CAP || t->cls & (W_NOUN_S | W_NOUN_P | W_TITLE)) {
			last = e;
			head = 1;
		} else if (!(t->cls & W_DET) && (head || ++lower > 3)) {
			break;   /* a lower-case word after the head: a verb */
		} else if (!(t->cls & W_DET)) {
			last = e;
		}
		e++;
	}
	return last;
}

/* ---- speakers ----------------------------------------------------------- */

struct doc_ctx {
	const char *text;
	size_t len;
	const struct quote_entity *ents;
	size_t nents;
	struct quote_list *out;
};

static int same_fold(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if ((quote_is_upper(x) ? x + 32 : x) != (quote_is_upper(y) ? y + 32 : y))
			return 0;
	}
	return 1;
}

/* Store a name in out->names, white space runs made single spaces. */
static void store_name(struct doc_ctx *c, const char *s, size_t n, size_t *off, size_t *len)
{
	struct nbuf *b = &c->out->names;
	nbuf_reserve(b, n);
	*off = b->len;
	char *o = b->data + b->len, *start = o;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			sp = 1;
			continue;
		}
		if (sp && o > start)
			*o++ = ' ';
		sp = 0;
		*o++ = (char)ch;
	}
	b->len += (size_t)(o - start);
	b->data[b->len] = '\0';
	*len = b->len - *off;
}

/* The entity mention overlapping bytes s..e, preferring a person. */
static const struct quote_entity *entity_at(const struct doc_ctx *c, size_t s, size_t e)
{
	const struct quote_entity *best = NULL;
	for (size_t i = 0; i < c->nents; i++) {
		const struct quote_entity *x = &c->ents[i];
		if (x->start < e && s < x->end) {
			if (!best || (x->is_person && !best->is_person) ||
			    (x->is_person == best->is_person && x->end - x->start > best->end - best->start))
				best = x;
		}
	}
	return best;
}

/* A function word that opens a sentence, capitalised but no part of the
 * name after it (`To Sexton`, `Does Rubio`); Will and May are names too. */
static int not_name_start(const char *text, const struct qtok *t)
{
	return (t->cls & (W_PREP | W_SKIP | W_AUX | W_OFFOR | W_TIME)) && !(t->cls & W_TITLE) &&
	       !word_is(text, t, "will") && !word_is(text, t, "may");
}

/* Collect the full names of the document: runs of capitalised words after
 * their titles, at least two words long. */
static void collect_names(struct quote_finder *qf, const char *text)
{
	const struct qtok *T = qf->toks.t;
	size_t k = 0;
	while (k < qf->toks.n) {
		if (!name_part(&T[k]) || !(T[k].flags & F_CAP)) {
			k++;
			continue;
		}
		size_t s = k, e = k;
		while (e + 1 < qf->toks.n && name_part(&T[e + 1]) && T[e + 1].sent == T[s].sent &&
		       T[e + 1].s <= T[e].e + 1)
			e++;
		size_t a = s;
		/* `To Sexton`, `Does Rubio`: a function word that opens a
		 * sentence is capitalised but no part of a name */
		while (a < e && not_name_start(text, &T[a]))
			a++;
		for (size_t j = a; j <= e; j++)
			if (((T[j].cls & (W_TITLE | W_DET)) || T[j].hidden) && j < e)
				a = j + 1;   /* (hidden: a capitalised cue, `Said Comey`) */
		while (a <= e && !(T[a].flags & F_CAP))
			a++;
		if (a < e && (T[e].flags & F_CAP) && !(T[e].cls & (W_TITLE | W_NOUN_S | W_NOUN_P)) &&
		    !(T[e].flags & F_ALLCAP)) {
			NEWS_GROW(qf->names, qf->names_cap, qf->nnames + 1);
			struct name *nm = &qf->names[qf->nnames++];
			nm->last_s = T[e].s;
			nm->last_e = T[e].e;
			nm->s = T[a].s;
			nm->e = T[e].e;
		}
		k = e + 1;
	}
	(void)text;
}

static unsigned long fold_hash(const char *s, size_t n)
{
	unsigned long h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		h = (h ^ (quote_is_upper(c) ? c + 32u : c)) * 16777619u;
	}
	return h;
}

static struct name_slot *name_slot(struct quote_finder *qf, const char *text,
                                   const char *w, size_t n, unsigned long h)
{
	size_t mask = qf->nname_slots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct name_slot *sl = &qf->name_slots[i];
		if (!sl->first)
			return sl;
		if (sl->hash != h)
			continue;
		const struct name *nm = &qf->names[sl->first - 1];
		if (same_fold(text + nm->last_s, nm->last_e - nm->last_s, w, n))
			return sl;
	}
}

/* Index the names by last word: the first of each now, the latest as the
 * reading goes on (name_for). */
static void index_names(struct quote_finder *qf, const char *text)
{
	size_t want = qf->nname_slots ? qf->nname_slots : 64;
	while (want < qf->nnames * 2)
		want *= 2;
	size_t from = qf->names_indexed;
	if (want != qf->nname_slots) {
		/* grow: index every name again, the latest ones as far as read */
		NEWS_GROW(qf->name_slots, qf->name_slots_cap, want);
		qf->nname_slots = want;
		memset(qf->name_slots, 0, want * sizeof *qf->name_slots);
		from = 0;
	}
	for (size_t i = from; i < qf->nnames; i++) {
		struct name *nm = &qf->names[i];
		if (i >= qf->names_indexed)
			nm->hash = fold_hash(text + nm->last_s, nm->last_e - nm->last_s);
		struct name_slot *sl = name_slot(qf, text, text + nm->last_s,
		                                 nm->last_e - nm->last_s, nm->hash);
		if (!sl->first) {
			sl->first = i + 1;
			sl->hash = nm->hash;
		}
		if (i < qf->names_seen)
			sl->latest = i + 1;
	}
	qf->names_indexed = qf->nnames;
}

/* A full name ending in the word s..e: the latest before pos, else the
 * first after it. Lookups come in reading order (give or take a sentence). */
static const struct name *name_for(struct quote_finder *qf, const char *text,
                                   size_t s, size_t e, size_t pos)
{
	while (qf->names_seen < qf->nnames && qf->names[qf->names_seen].s < pos) {
		const struct name *nm = &qf->names[qf->names_seen];
		struct name_slot *sl = name_slot(qf, text, text + nm->last_s,
		                                 nm->last_e - nm->last_s, nm->hash);
		sl->latest = ++qf->names_seen;
	}
	struct name_slot *sl = name_slot(qf, text, text + s, e - s, fold_hash(text + s, e - s));
	if (!sl->first)
		return NULL;
	const struct name *nm = &qf->names[(sl->latest ? sl->latest : sl->first) - 1];
	return nm->e - nm->s == e - s ? NULL : nm;
}

static void add_mention(struct quote_finder *qf, size_t pos, long para, size_t off,
                        size_t len, size_t head_s, size_t head_e, int plural, int person)
{
	NEWS_GROW(qf->men, qf->men_cap, qf->nmen + 1);
	struct mention *m = &qf->men[qf->nmen++];
	m->pos = pos;
	m->para = para;
	m->name_off = off;
	m->name_len = len;
	m->head_off = head_s;
	m->head_len = head_e - head_s;
	m->plural = plural;
	m->person = person;
}

/* Resolve the speaker tokens s..e (inclusive) to a canonical name. */
static void speaker_name(struct quote_finder *qf, struct doc_ctx *c, size_t s, size_t e,
                         size_t *off, size_t *len, int remember)
{
	const struct qtok *T = qf->toks.t;
	const char *text = c->text;
	size_t bs = T[s].s, be = T[e].e;
	const struct qtok *h = &T[e];
	/* the head: before "of/for" when there is one */
	for (size_t k = s + 1; k <= e; k++)
		if ((T[k].cls & W_OFFOR) && !(T[k].flags & F_CAP)) {
			h = &T[k - 1];
			break;
		}
	size_t hi = (size_t)(h - T);
	int plural = (h->cls & W_NOUN_P) != 0 || word_is(text, h, "they") || word_is(text, h, "we");
	int person = (h->cls & (W_NOUN_S | W_NOUN_P | W_PRON)) != 0 || (h->flags & F_CAP);

	if (s == e && word_is(text, h, "who")) {
		/* the relative pronoun stands for the phrase before its comma */
		if (s >= 2 && is_punct(&T[s - 1], ',') && head_ok(qf, &T[s - 2]) &&
		    !word_is(text, &T[s - 2], "who")) {
			size_t a = np_left(qf, text, s - 2, s > 12 ? s - 12 : 0);
			speaker_name(qf, c, a, s - 2, off, len, 0);
		} else {
			store_name(c, text + bs, be - bs, off, len);
		}
		return;
	}
	if (s == e && (h->cls & W_PRON)) {
		/* he, she, they: the nearest earlier mention that agrees */
		int want_plural = plural;
		int it = word_is(text, h, "it");
		for (size_t i = qf->nmen; i-- > 0;) {
			const struct mention *m = &qf->men[i];
			if (m->pos >= bs)
				continue;
			if (T[s].para - m->para > 3)
				break;
			if (!it && !m->person)
				continue;
			if (m->plural != want_plural)
				continue;
			*off = m->name_off;
			*len = m->name_len;
			return;
		}
		store_name(c, text + bs, be - bs, off, len);
		return;
	}
	const struct quote_entity *ent = entity_at(c, h->s, h->e);
	int several = 0;   /* France and Germany: kept as written */
	for (size_t k = s; k <= e; k++)
		several |= word_is(text, &T[k], "and");
	if (ent && !several) {
		store_name(c, ent->value, ent->value_len, off, len);
	} else if (several) {
		store_name(c, text + bs, be - bs, off, len);
	} else if (h->flags & F_CAP) {
		if (h->cls & W_ORG) {
			/* an organisation: its capitalised words are its name
			 * (State Department, Business Insider), but for an article
			 * or an abbreviated title before them */
			size_t a = hi;
			while (a > s && is_cap(&T[a - 1]) && name_part(&T[a - 1]) &&
			       (!(T[a - 1].cls & W_DET) || (T[a - 1].cls & W_TITLE)) &&
			       !((T[a - 1].cls & W_TITLE) && text[T[a - 1].e - 1] == '.'))
				a--;
			store_name(c, text + T[a].s, h->e - T[a].s, off, len);
			goto remember;
		}
		/* a name: drop titles and roles before it */
		size_t a = s;
		for (size_t k = s; k < hi; k++)
			if (!name_part(&T[k]) || (T[k].cls & (W_TITLE | W_DET)) || (T[k].flags & F_ALLCAP && k + 1 < hi))
				a = k + 1;
		while (a < hi && not_name_start(text, &T[a]))
			a++;   /* `Had Sanders won`: no part of the name */
		while (a < hi && !(T[a].flags & F_CAP))
			a++;
		if (a == hi && !(h->cls & (W_TITLE | W_NOUN_S | W_NOUN_P)) && !(h->flags & F_ALLCAP)) {
			const struct name *nm = name_for(qf, text, h->s, h->e, bs);
			if (nm) {
				store_name(c, text + nm->s, nm->e - nm->s, off, len);
				goto remember;
			}
		}
		if (a <= hi && !(h->cls & (W_TITLE)))
			store_name(c, text + T[a].s, h->e - T[a].s, off, len);
		else
			store_name(c, text + bs, be - bs, off, len);
	} else if (T[s].cls & W_DET && word_is(text, &T[s], "the") && hi == s + 1) {
		/* the official: whoever was last described so */
		for (size_t i = qf->nmen; i-- > 0;) {
			const struct mention *m = &qf->men[i];
			if (m->pos >= bs || !m->head_len)
				continue;
			if (T[s].para - m->para > 20)
				break;
			if (same_fold(text + m->head_off, m->head_len, text + h->s, h->e - h->s)) {
				*off = m->name_off;
				*len = m->name_len;
				return;
			}
		}
		store_name(c, text + bs, be - bs, off, len);
	} else {
		store_name(c, text + bs, be - bs, off, len);
	}
remember:
	if (remember)
		add_mention(qf, bs, T[s].para, *off, *len, h->s, h->e, plural, person);
}

/* ---- attribution -------------------------------------------------------- */

static int is_participle(const char *text, const struct qtok *t)
{
	return t->type == T_WORD && t->e - t->s > 4 && memcmp(text + t->e - 3, "ing", 3) == 0;
}

/* Trump's, Trump’s */
static int is_possessive(const char *text, const struct qtok *t)
{
	size_t n = t->e - t->s;
	const char *w = text + t->s;
	return t->type == T_WORD &&
	       ((n > 2 && (w[n - 1] | 0x20) == 's' && w[n - 2] == '\'') ||
	        (n > 4 && (w[n - 1] | 0x20) == 's' && memcmp(w + n - 4, "\xe2\x80\x99", 3) == 0));
}

/* A word that opens a subordinate clause (After, When, Because ...). */
static int subordinator(const char *text, const struct qtok *t)
{
	static const char *const words[] = {"after", "when", "while", "as", "because", "if",
		"although", "though", "since", "before", "until", "once", "unless", "whether"};
	if (t->type != T_WORD || !(t->cls & W_CLAUSE))
		return 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_is(text, t, words[i]))
			return 1;
	return 0;
}

/* The subject of the sentence's main clause, for `X did Y, saying ...`:
 * the first name, pronoun or person phrase among tokens lo..v that is not
 * inside a prepositional phrase and is followed by a verb. */
static int main_subject(const struct quote_finder *qf, size_t lo, size_t v, size_t *ss,
                        size_t *se)
{
	const struct qtok *T = qf->toks.t;
	if (lo < v && subordinator(qf->text, &T[lo])) {
		/* `After Jerry Brown criticized him, Hillary shot back`: the
		 * subordinate clause's subject is not the sentence's */
		for (size_t k = lo + 1; k < v; k++)
			if (is_punct(&T[k], ',')) {
				lo = k + 1;
				break;
			}
	}
	for (size_t k = lo; k < v; k++) {
		const struct qtok *t = &T[k];
		if (t->type != T_WORD || t->dq >= 0)
			continue;
		if (k > lo && T[k - 1].type == T_WORD && (T[k - 1].cls & (W_PREP | W_OFFOR)))
			continue;   /* in Portsmouth, on Tuesday */
		if ((t->flags & F_CAP) && is_participle(qf->text, t))
			continue;   /* Holding signs, ... */
		int start = (t->flags & F_CAP) ? !(t->cls & (W_PREP | W_CLAUSE | W_TIME | W_SKIP)) :
		            (t->cls & (W_PRON | W_DET | W_NOUN_S | W_NOUN_P)) != 0;
		if (!start)
			continue;
		size_t e = np_right(qf, k, v);
		if (e == QUOTE_NONE)
			continue;
		if (is_possessive(qf->text, &T[e])) {
			k = e;   /* Trump's adviser: the owner is not the subject */
			continue;
		}
		size_t j = e + 1;
		if (j < v && is_punct(&T[j], '(') && (T[e].flags & F_CAP)) {
			/* `Sen. Bernie Sanders (I-Vt.) wants` */
			size_t p = j + 1;
			while (p < v && p < j + 8 && !is_punct(&T[p], ')'))
				p++;
			if (p < v && is_punct(&T[p], ')'))
				j = p + 1;
		}
		if (j + 1 < v && (T[j].cls & W_OFFOR) && is_cap(&T[j + 1])) {
			j++;
			while (j < v && is_cap(&T[j]))
				j++;
		}
		if (j + 2 < v && is_punct(&T[j], ',') && (T[e].flags & F_CAP)) {
			/* `Huma Abedin, vice chairwoman for the campaign, emailed` */
			size_t c = j + 1;
			while (c < v && c < j + 14 && !is_punct(&T[c], ',') && T[c].type != T_QUOTE &&
			       !sentence_end_punct(&T[c]))
				c++;
			if (c < v && c > j + 1 && is_punct(&T[c], ',') && appositive(qf, j + 1, c - 1))
				j = c + 1;
		}
		if (j < v && T[j].type == T_WORD && (T[j].flags & F_LOWER) && !(T[j].flags & F_DIGIT) &&
		    !(T[j].cls & (W_PREP | W_CLAUSE | W_OFFOR | W_DET | W_PRON | W_TIME))) {
			*ss = k;
			*se = e;
			return 1;
		}
		k = e;
	}
	return 0;
}

struct attr {
	size_t spk_s, spk_e;   /* tokens, QUOTE_NONE when none */
	size_t cue;            /* token */
	size_t cue_e;          /* last token of the cue phrase */
};

static int sentence_end_punct(const struct qtok *t)
{
	return t->type == T_PUNCT && (t->ch == '.' || t->ch == '!' || t->ch == '?' || t->ch == ';');
}

static inline int is_according(const char *text, const struct qtok *T, size_t k, size_t n)
{
	return k + 1 < n && (T[k].cls & W_ACCORD) && word_is(text, &T[k + 1], "to");
}

/* A single mark right after a word ending in s and before a space: the
 * possessive of a plural or a name (`Sanders’ campaign manager`), not a
 * quotation mark. */
static int possessive_mark(const struct quote_finder *qf, const char *text, size_t k)
{
	const struct qtok *T = qf->toks.t;
	return T[k].type == T_QUOTE && T[k].ch == 's' && k > 0 && T[k - 1].type == T_WORD &&
	       T[k - 1].e == T[k].s && (text[T[k].s - 1] | 0x20) == 's' &&
	       (k + 1 >= qf->toks.n || T[k + 1].s > T[k].e);
}

/* Attribution after a quote closing at token q: `," X said`, `," said X`,
 * `," according to X`. alone: the quote opens its sentence, so the next
 * sentence may open with its speaker and cue. */
static int attr_after(const struct quote_finder *qf, const char *text, size_t q, size_t lo,
                      int alone, struct attr *a)
{
	const struct qtok *T = qf->toks.t;
	size_t n = qf->toks.n;
	size_t k = q + 1;
	while (k < n && T[k].type == T_PUNCT && (T[k].ch == ',' || T[k].ch == '-'))
		k++;
	if (k >= n || T[k].para != T[q].para)
		return 0;
	size_t first = k;
	for (size_t steps = 0; k < n && steps < 24; k++, steps++) {
		const struct qtok *t = &T[k];
		if (possessive_mark(qf, text, k))
			continue;
		if (t->para != T[q].para || t->type == T_QUOTE ||
		    (sentence_end_punct(t) && !(k + 1 < n && is_punct(&T[k + 1], ','))))
			return 0;   /* (the period of `R-Ky.,` ends no sentence) */
		if (is_according(text, T, k, n)) {
			size_t e = np_right(qf, k + 2, n);
			if (e == QUOTE_NONE)
				return 0;
			a->cue = k;
			a->cue_e = k + 1;
			a->spk_s = k + 2;
			a->spk_e = e;
			return 1;
		}
		if (t->type == T_WORD && ((t->cls & W_CUE) || ((t->cls & W_CUE_N) && k == first) ||
		                          ((t->cls & W_CUE_N) && k > first && k + 1 < n &&
		                           (sentence_end_punct(&T[k + 1]) ||
		                            (T[k + 1].type == T_WORD && (T[k + 1].cls & (W_PREP | W_TIME)) &&
		                             !(T[k + 1].flags & F_CAP)))))) {
			/* a noun-like cue (`notes`, `fumed`) only as `X fumed.` or
			 * `X fumed on Tuesday.` right after the quote */
			/* in the next sentence only as `Smith said.` standing alone,
			 * or when the sentence opens with its speaker and cue
			 * (`Clinton asks as ...`, `Renteria told reporters ...`) */
			if (t->sent != T[q].sent && !(k + 1 < n && (sentence_end_punct(&T[k + 1]) ||
			                                            is_punct(&T[k + 1], ',') ||
			                                            (T[k + 1].cls & (W_PREP | W_TIME)) ||
			                                            T[k + 1].sent != t->sent))) {
				size_t h = alone && k > first && !is_participle(text, t) && (t->cls & W_CUE) ?
				           subject_head(qf, k, first) : QUOTE_NONE;
				if (h == QUOTE_NONE || h + 1 != k || np_left(qf, text, h, first) != first ||
				    T[first].sent != t->sent)
					return 0;
			}
			if (is_participle(text, t)) {
				/* `"...," saying ...`: the sentence's subject speaks */
				if (k != first || !main_subject(qf, lo, q, &a->spk_s, &a->spk_e))
					return 0;
				a->cue = a->cue_e = k;
				return 1;
			}
			if (k == first) {
				size_t e = np_right(qf, k + 1, n);
				if (e == QUOTE_NONE)
					return 0;
				a->cue = a->cue_e = k;
				a->spk_s = k + 1;
				a->spk_e = e;
				return 1;
			}
			size_t h = subject_head(qf, k, first);
			if (h == QUOTE_NONE)
				return 0;
			a->cue = a->cue_e = k;
			a->spk_e = h;
			a->spk_s = np_left(qf, text, h, first);
			return 1;
		}
	}
	return 0;
}

/* Attribution before a quote opening at token q: `X said: "`, `X told
 * reporters, "`, `according to X, "`. lo = first token it may look at. */
static int attr_before(const struct quote_finder *qf, const char *text, size_t q, size_t lo,
                       struct attr *a)
{
	const struct qtok *T = qf->toks.t;
	if (q <= lo)
		return 0;
	size_t k = q;
	int colon = 0;
	if (T[k - 1].type == T_PUNCT && (T[k - 1].ch == ':' || T[k - 1].ch == ',')) {
		colon = T[k - 1].ch == ':';
		k--;
	}
	for (size_t steps = 0; k > lo && steps < (colon ? 10u : 5u); steps++) {
		k--;
		const struct qtok *t = &T[k];
		if (possessive_mark(qf, text, k))
			continue;
		if (t->type == T_QUOTE || sentence_end_punct(t) || t->para != T[q - 1].para)
			return 0;
		/* `But, said Solovey, "..."`, `Said Comey, "..."`: the speaker
		 * after the cue, the quote after its comma */
		if (t->type == T_WORD && k + 1 < q && !colon && is_punct(&T[q - 1], ',') &&
		    ((t->cls & W_CUE) || (k == lo && (t->hidden & (W_CUE >> 13)))) &&
		    !is_participle(text, t) && T[k + 1].type == T_WORD && (T[k + 1].flags & F_CAP) &&
		    !(T[k + 1].cls & W_TIME) && np_right(qf, k + 1, q - 1) == q - 2 &&
		    ((t->cls & W_CUE) ? subject_head(qf, k, lo) : QUOTE_NONE) == QUOTE_NONE) {
			a->cue = a->cue_e = k;
			a->spk_s = k + 1;
			a->spk_e = q - 2;
			return 1;
		}
		if (t->type == T_WORD && (t->cls & W_CUE)) {
			if (is_participle(text, t)) {
				/* `..., Spicer said, adding, "..."`: who said it adds it */
				size_t h = k >= lo + 2 && is_punct(&T[k - 1], ',') &&
				           T[k - 2].type == T_WORD && (T[k - 2].cls & W_CUE) &&
				           !is_participle(text, &T[k - 2]) ?
				           subject_head(qf, k - 2, lo) : QUOTE_NONE;
				if (h != QUOTE_NONE) {
					a->spk_e = h;
					a->spk_s = np_left(qf, text, h, lo);
				} else if (!main_subject(qf, lo, k, &a->spk_s, &a->spk_e)) {
					return 0;
				}
				a->cue = a->cue_e = k;
				return 1;
			}
			size_t h = subject_head(qf, k, lo);
			if (h == QUOTE_NONE)
				return 0;
			a->cue = a->cue_e = k;
			a->spk_e = h;
			a->spk_s = np_left(qf, text, h, lo);
			return 1;
		}
		if (k > lo && is_according(text, T, k - 1, qf->toks.n)) {
			size_t e = np_right(qf, k + 1, q);
			if (e == QUOTE_NONE)
				return 0;
			a->cue = k - 1;
			a->cue_e = k;
			a->spk_s = k + 1;
			a->spk_e = e;
			return 1;
		}
	}
	return 0;
}

/* ---- the document ------------------------------------------------------- */

/* Give every token its sentence and paragraph. In a headline in title case
 * (`Trump Says He Never Pledged ...`) cues are capitalised like every other
 * word: give them back their cue classes (one pass does both). */
static void assign_sentences(struct quote_finder *qf, const struct news_sentence *sents,
                             size_t nsents, int base)
{
	struct qtok *T = qf->toks.t;
	size_t n = qf->toks.n, k = 0;
	int para = 0;   /* tokens outside every sentence: the paragraph before */
	NEWS_GROW(qf->sent_cues, qf->sent_cues_cap, nsents + 1);
	NEWS_GROW(qf->sent_toks, qf->sent_toks_cap, nsents + 1);
	qf->nsent_toks = 0;
	for (size_t si = 0; si < nsents && k < n; si++) {
		for (; k < n && T[k].s < sents[si].start; k++) {
			T[k].sent = -1;
			T[k].para = para;
		}
		size_t g = k;
		int sp = (int)sents[si].para;
		unsigned hidden = 0, cls = 0;
		for (; k < n && T[k].s < sents[si].end; k++) {
			struct qtok *t = &T[k];
			t->sent = base + (int)si;
			t->para = sp;
			hidden |= t->hidden;
			cls |= t->cls;
		}
		qf->sent_toks[si] = (struct sent_toks){g, k};
		qf->nsent_toks = si + 1;
		if (k > g) {
			para = sp;
			int cap = 0, low = 0;
			for (size_t j = g; j < k && hidden; j++)
				if (T[j].type == T_WORD && T[j].e - T[j].s >= 4) {
					cap += (T[j].flags & F_CAP) != 0;
					low += (T[j].flags & F_LOWER) != 0;
				}
			if (hidden && cap >= 3 && low * 5 <= cap)
				for (size_t j = g; j < k; j++) {
					T[j].cls |= (unsigned)T[j].hidden << 13;
					cls |= T[j].cls;
				}
		}
		qf->sent_cues[si] = (cls & (W_CUE_S | W_CUE_T | W_CUE_B | W_ACCORD | W_CUE_N)) != 0;
	}
	for (; k < n; k++) {
		T[k].sent = -1;
		T[k].para = para;
	}
}

static void emit(struct doc_ctx *c, size_t s, size_t e, enum quote_kind kind,
                 struct quote_finder *qf, size_t spk_s, size_t spk_e, size_t cue_s,
                 size_t cue_e, size_t name_off, size_t name_len)
{
	if (spk_s != QUOTE_NONE) {
		/* the last one to speak, for a quote that stands on its own */
		qf->last.spk_s = spk_s;
		qf->last.spk_e = spk_e;
		qf->last.cue = cue_s;
		qf->last.para = qf->toks.t[spk_s].para;
		qf->last.name_off = name_off;
		qf->last.name_len = name_len;
	}
	while (s < e && (c->text[s] == ' ' || c->text[s] == '\n'))
		s++;
	while (e > s && (c->text[e - 1] == ' ' || c->text[e - 1] == '\n'))
		e--;
	if (e <= s)
		return;
	struct quote_list *l = c->out;
	NEWS_GROW(l->q, l->cap, l->n + 1);
	struct quote *q = &l->q[l->n++];
	q->start = s;
	q->end = e;
	q->kind = kind;
	q->spk_start = spk_s == QUOTE_NONE ? QUOTE_NONE : qf->toks.t[spk_s].s;
	q->spk_end = spk_s == QUOTE_NONE ? QUOTE_NONE : qf->toks.t[spk_e].e;
	q->cue_start = cue_s == QUOTE_NONE ? QUOTE_NONE : qf->toks.t[cue_s].s;
	q->cue_end = cue_s == QUOTE_NONE ? QUOTE_NONE : qf->toks.t[cue_e].e;
	q->name_off = name_off;
	q->name_len = name_len;
}

/* The sentence's subject, when it names a person: remembered for pronouns. */
static void note_subject(struct quote_finder *qf, struct doc_ctx *c, size_t k, size_t end)
{
	const struct qtok *T = qf->toks.t;
	while (k < end && T[k].type == T_WORD && (T[k].cls & W_CLAUSE) && !(T[k].cls & W_DET))
		k++;
	if (k >= end || T[k].type != T_WORD || (T[k].cls & (W_PRON | W_PREP | W_TIME)))
		return;
	size_t last = np_right(qf, k, end);
	if (last == QUOTE_NONE || last - k > 7)
		return;
	const struct qtok *h = &T[last];
	int person = (h->cls & (W_NOUN_S | W_NOUN_P)) != 0;
	if (!person && is_cap(h) && last > k && is_cap(&T[last - 1]) &&
	    !(h->flags & F_ALLCAP))
		person = 1;
	if (!person)
		return;
	/* a name is remembered by its canonical form; a description as written */
	size_t off, len;
	speaker_name(qf, c, k, last, &off, &len, 1);
}

/* Whether a quoted fragment is a name or a title rather than words spoken:
 * every longer word but function words capitalised (`"Morning Joe"`, `"This
 * Week with George Stephanopoulos"`), only digits, or the value of a markup attribute (`id="..."`). */
static int is_title_quote(const struct quote_finder *qf, const struct dquote *d)
{
	const struct qtok *T = qf->toks.t;
	if (d->open > 0 && is_punct(&T[d->open - 1], '='))
		return 1;
	size_t words = 0, caps = 0, longer = 0, digits = 0;
	for (size_t k = d->open + 1; k < d->close; k++) {
		if (T[k].type != T_WORD)
			continue;
		words++;
		digits += (T[k].flags & F_DIGIT) != 0;
		if (k == d->open + 1 ||
		    (T[k].e - T[k].s >= 4 && !(T[k].cls & (W_PREP | W_CLAUSE | W_OFFOR | W_DET)))) {
			longer++;
			caps += (T[k].flags & F_CAP) != 0;
		}
	}
	if (words && digits == words)
		return 1;
	return longer > 0 && caps == longer && words <= 8 && !(T[d->open + 1].cls & W_PRON);
}

/* Whether a quote opening at token open right after the cue phrase ending
 * at cue_e, with no comma or colon to set it off, is a quotation (`said
 * "We ...`, `told reporters "`, `said Monday "`) rather than words woven
 * into reported speech (`says that "`, `says he's "`, `vowed to "`,
 * `calling it "`, `said on "Meet the Press"`, `said "all about ..."`). */
static int quote_after_cue(const struct quote_finder *qf, const char *text, size_t cue_e,
                           size_t open)
{
	const struct qtok *T = qf->toks.t;
	if (cue_e + 1 < open) {
		const struct qtok *t = &T[cue_e + 1];
		if (t->type != T_WORD)
			return 0;
		if (t->cls & (W_OBJ | W_TIME))
			return 1;
		return (t->flags & F_CAP) && !(t->cls & (W_DET | W_PRON | W_CLAUSE | W_PREP)) &&
		       !is_possessive(text, t);
	}
	return 1;
}

static void find_direct(struct quote_finder *qf, struct doc_ctx *c, size_t di)
{
	struct dquote *d = &qf->dq[di];
	const struct qtok *T = qf->toks.t;
	const char *text = c->text;
	/* what precedes the opening mark in its sentence */
	size_t lo = d->open;
	while (lo > 0 && T[lo - 1].para == T[d->open].para && !sentence_end_punct(&T[lo - 1]) &&
	       (T[lo - 1].sent == T[d->open].sent || T[lo - 1].sent < 0 || T[d->open].sent < 0) &&
	       !(T[lo - 1].type == T_QUOTE && T[lo - 1].dq < 0 && lo - 1 != d->open &&
	         T[lo - 1].qdir != Q_APOS && di > 0 && qf->dq[di - 1].close == lo - 1))
		lo--;
	struct attr a = {QUOTE_NONE, QUOTE_NONE, QUOTE_NONE, QUOTE_NONE};
	int have = 0, fragment = 0;
	if (d->open == lo && lo > 0 && is_punct(&T[lo - 1], ':') &&
	    T[lo - 1].para + 1 == T[lo].para) {
		/* `he declared:` closing the paragraph before the quote */
		size_t plo = lo - 1;
		while (plo > 0 && T[plo - 1].para == T[lo - 1].para && !sentence_end_punct(&T[plo - 1]) &&
		       T[plo - 1].type != T_QUOTE)
			plo--;
		have = attr_before(qf, text, d->open, plo, &a);
	}
	if (d->open > lo) {
		/* only an attribution may precede a direct quote: `X said: "`,
		 * `X said "`, `X told reporters, "` */
		int sep = is_punct(&T[d->open - 1], ':') || is_punct(&T[d->open - 1], ',');
		have = attr_before(qf, text, d->open, lo, &a);
		if (have && !sep && d->open - a.cue_e > 2)
			have = 0;
		if (have && !sep && !quote_after_cue(qf, text, a.cue_e, d->open))
			have = 0;
		if (have && a.spk_s > lo + 3 && !(T[a.spk_s - 1].type == T_PUNCT))
			have = 0;
		fragment = !have;
	}
	if (fragment && !d->unclosed && attr_after(qf, text, d->close, lo, 0, &a) &&
	    a.cue <= d->close + 4)
		have = 1;
	if (fragment && !have) {
		/* a quoted fragment: the nearest cue before it that has a subject,
		 * but not in a subordinate clause that opens the sentence (`After
		 * Brown criticized her, Hillary shot back, "..."`) */
		size_t from = lo;
		if (subordinator(text, &T[lo]))
			for (size_t k = lo + 1; k < d->open; k++)
				if (is_punct(&T[k], ',')) {
					from = k + 1;
					break;
				}
		for (size_t k = d->open; k-- > from;) {
			if (T[k].type == T_WORD && (T[k].cls & W_CUE) && T[k].dq < 0 &&
			    is_participle(text, &T[k])) {
				if (main_subject(qf, lo, k, &a.spk_s, &a.spk_e)) {
					a.cue = a.cue_e = k;
					have = 1;
					break;
				}
				continue;
			}
			if (T[k].type == T_WORD && (T[k].cls & W_CUE) && T[k].dq < 0) {
				size_t h = subject_head(qf, k, lo);
				if (h != QUOTE_NONE) {
					a.cue = a.cue_e = k;
					a.spk_e = h;
					a.spk_s = np_left(qf, text, h, lo);
					have = 1;
					break;
				}
			} else if (is_according(text, T, k, d->open)) {
				size_t e = np_right(qf, k + 2, d->open);
				if (e != QUOTE_NONE) {
					a.cue = k;
					a.cue_e = k + 1;
					a.spk_s = k + 2;
					a.spk_e = e;
					have = 1;
					break;
				}
			}
		}
	}
	if (!have && !d->unclosed)
		have = attr_after(qf, text, d->close, lo, d->open == lo, &a);
	/* A quote set off by a comma or colon that runs to the end of its
	 * sentence is the whole of what was said, not a fragment woven into
	 * reported speech: `Clinton said at a town hall on Monday, "we would
	 * ..."`, `Sanders shot back, "Secretary Clinton called them out."` */
	int whole = 0;
	if (fragment && (is_punct(&T[d->open - 1], ',') || is_punct(&T[d->open - 1], ':')) &&
	    !d->unclosed) {
		size_t nx = d->close + 1, nw = 0;
		for (size_t k = d->open + 1; k < d->close && nw < 4; k++)
			nw += T[k].type == T_WORD;
		whole = nw >= 4 && (nx >= qf->toks.n || T[nx].sent != T[d->close].sent ||
		                    T[nx].para != T[d->close].para || sentence_end_punct(&T[nx]));
	}
	if (whole && have)
		fragment = 0;
	if (fragment && !have && (is_punct(&T[d->open - 1], ':') ||
	                          (whole && (T[d->open + 1].flags & F_CAP))) &&
	    main_subject(qf, lo, d->open - 1, &a.spk_s, &a.spk_e)) {
		/* `Trump leaned in and boomed: "..."`, `The headline reads: "..."`:
		 * whoever the sentence is about says what follows the colon */
		fragment = 0;
		have = 1;
		a.cue = a.cue_e = QUOTE_NONE;
	}
	if (fragment && !have)
		for (size_t i = di; i-- > 0;) {
			const struct dquote *p = &qf->dq[i];
			if (T[p->open].sent != T[d->open].sent)
				break;
			if (p->kind && p->spk_s != QUOTE_NONE) {
				a.spk_s = p->spk_s;
				a.spk_e = p->spk_e;
				a.cue = a.cue_e = p->cue;
				have = 1;
				break;
			}
		}
	size_t words = 0;
	for (size_t k = d->open + 1; k < d->close && words < 4; k++)
		words += T[k].type == T_WORD;
	if (fragment && !have && whole && is_punct(&T[d->open - 1], ':')) {
		/* `Rep. Trey Gowdy (R-S.C.): "..."`: a name alone before the colon
		 * speaks, as in a transcript; `Then, on CNN: "..."` is a quotation
		 * whose speaker goes unsaid here */
		fragment = 0;
		size_t e = np_right(qf, lo, d->open - 1);
		size_t c = e == QUOTE_NONE ? QUOTE_NONE : e + 1;
		if (c != QUOTE_NONE && is_punct(&T[c], '(')) {
			while (c < d->open - 1 && !is_punct(&T[c], ')'))
				c++;
			c++;
		}
		if (c == d->open - 1 && (T[e].flags & F_CAP)) {
			a.spk_s = lo;
			a.spk_e = e;
			a.cue = a.cue_e = QUOTE_NONE;
			have = 1;
		}
	}
	if (fragment && !have)
		return;   /* a scare quote, a title, a term */
	if (!have && !d->unclosed && d->close + 1 < qf->toks.n) {
		/* `"Orange Is the New Black" star Selenis Leyva`: a title that
		 * the sentence goes on from is a name, not words spoken */
		const struct qtok *nx = &T[d->close + 1];
		if (nx->type == T_WORD && (nx->flags & F_LOWER) && nx->sent == T[d->close].sent &&
		    !(nx->cls & (W_CUE | W_CUE_N | W_DET | W_PRON | W_AUX | W_SKIP | W_CLAUSE)) &&
		    T[d->close - 1].type == T_WORD && is_title_quote(qf, d))
			return;
	}
	if (!have) {
		/* a quote on its own: the speaker of the quote before it, in this
		 * paragraph or the one before */
		if (qf->last.spk_s != QUOTE_NONE && T[d->open].para - qf->last.para <= 1) {
			a.spk_s = qf->last.spk_s;
			a.spk_e = qf->last.spk_e;
			a.cue = a.cue_e = qf->last.cue;
			d->name_off = qf->last.name_off;
			d->name_len = qf->last.name_len;
			have = 2;
		}
		if (!have && words < 4)
			return;
	}
	if (fragment && is_title_quote(qf, d))
		return;   /* on ABC's "This Week", the "Super Tuesday" states */
	d->kind = fragment ? QUOTE_MIXED : QUOTE_DIRECT;
	if (have) {
		d->spk_s = a.spk_s;
		d->spk_e = a.spk_e;
		d->cue = a.cue;
		if (have == 1 && a.spk_s != QUOTE_NONE)
			speaker_name(qf, c, a.spk_s, a.spk_e, &d->name_off, &d->name_len, 1);
	}
	emit(c, d->cs, d->ce, d->kind, qf, d->spk_s, d->spk_e, d->cue,
	     have && a.cue != QUOTE_NONE ? a.cue_e : QUOTE_NONE, d->name_off, d->name_len);
}

/* Whether a quote that was kept (direct or mixed) opens inside tokens s..e. */
static int has_quote(const struct quote_finder *qf, size_t s, size_t e)
{
	for (size_t i = 0; i < qf->ndq; i++) {
		const struct dquote *d = &qf->dq[i];
		if (d->open > e)
			break;
		if (d->open >= s && d->kind)
			return 1;
	}
	return 0;
}

/* Whether a thought or finding verb at v is followed by a clause (`polls
 * show Trump leading`, `he thinks that ...`) rather than an object or an
 * infinitive (`found a way`, `hopes to win`), or ends the sentence after a
 * clause (`..., aides believe.`). */
static int belief_clause(const struct quote_finder *qf, size_t v, size_t e)
{
	const struct qtok *T = qf->toks.t;
	if (v >= e || sentence_end_punct(&T[v + 1]) || is_punct(&T[v + 1], ','))
		return 1;
	const struct qtok *n = &T[v + 1];
	if (n->type != T_WORD)
		return 0;
	if (word_is(qf->text, n, "that"))
		return 1;
	if (v + 3 > e)
		return 0;
	if (n->flags & F_CAP)
		return !(n->cls & (W_PREP | W_CLAUSE | W_TIME));
	return (n->cls & W_PRON) || ((n->cls & W_DET) && word_is(qf->text, &T[v], "show"));
}

/* Reported clauses around the cues of the sentence tokens s..e. */
static void find_indirect(struct quote_finder *qf, struct doc_ctx *c, size_t s, size_t e)
{
	const struct qtok *T = qf->toks.t;
	const char *text = c->text;
	size_t end = e;   /* last token of the sentence, without final punctuation */
	while (end > s && (T[end].type == T_PUNCT || T[end].type == T_QUOTE) &&
	       !(T[end].type == T_QUOTE && T[end].qdir == Q_CLOSE))
		end--;
	size_t main_spk_s = QUOTE_NONE, main_spk_e = QUOTE_NONE;
	for (size_t v = s; v <= e; v++) {
		const struct qtok *t = &T[v];
		/* the cheapest test first: most words are no cue */
		if (!(t->cls & (W_CUE_S | W_CUE_T | W_CUE_B | W_ACCORD | W_CUE_N)))
			continue;
		if (t->type != T_WORD || t->dq >= 0 || qf->used[v])
			continue;
		/* a cue of the noun-like kind reports a clause only with `that`
		 * (`Viguerie notes that ...`) */
		int noun_that = (t->cls & W_CUE_N) && v + 1 <= e && word_is(text, &T[v + 1], "that");
		int according = is_according(text, T, v, e + 1);
		if (!according && !noun_that && !(t->cls & (W_CUE_S | W_CUE_T | W_CUE_B)))
			continue;
		if ((t->cls & W_CUE_B) && !(t->cls & (W_CUE_S | W_CUE_T)) && !belief_clause(qf, v, e))
			continue;
		size_t cs = QUOTE_NONE, ce = QUOTE_NONE, ss = QUOTE_NONE, se = QUOTE_NONE;
		size_t cue_e = v;
		if (according) {
			size_t ne = np_right(qf, v + 2, e + 1);
			if (ne == QUOTE_NONE)
				continue;
			ss = v + 2;
			se = ne;
			cue_e = v + 1;
			size_t b = v;
			while (b > s && T[b - 1].type == T_WORD && (T[b - 1].cls & W_CLAUSE))
				b--;
			if (b == s && ne + 1 <= e && is_punct(&T[ne + 1], ',')) {
				cs = ne + 2;
				ce = end;
			} else if (v > s && is_punct(&T[v - 1], ',')) {
				cs = s;
				ce = v - 2;
			} else {
				continue;
			}
		} else {
			/* never "to say", "is said to", "said to be" */
			if (v > s && (word_is(text, &T[v - 1], "to") || (T[v - 1].cls & W_AUX)))
				continue;
			if (v + 1 <= e && word_is(text, &T[v + 1], "to"))
				continue;
			size_t h = subject_head(qf, v, s);
			int ing = is_participle(text, t);
			if (ing && v > s && is_punct(&T[v - 1], ',') && main_spk_s != QUOTE_NONE) {
				h = QUOTE_NONE;
				ss = main_spk_s;
				se = main_spk_e;
			} else if (ing && main_subject(qf, s, v, &ss, &se)) {
				h = QUOTE_NONE;
			} else if (ing) {
				continue;
			}
			if (h == QUOTE_NONE && ss == QUOTE_NONE && v > s + 1 &&
			    (word_is(text, &T[v - 1], "and") || word_is(text, &T[v - 1], "but") ||
			     ((T[v - 1].cls & W_SKIP) && v > s + 2 &&
			      (word_is(text, &T[v - 2], "and") || word_is(text, &T[v - 2], "but"))))) {
				/* `Ryan said he was not ready, and suggested that ...`: a
				 * second verb of the sentence's subject */
				if (main_spk_s != QUOTE_NONE) {
					ss = main_spk_s;
					se = main_spk_e;
				} else if (!main_subject(qf, s, v, &ss, &se)) {
					ss = se = QUOTE_NONE;
				}
			}
			if (h != QUOTE_NONE) {
				ss = np_left(qf, text, h, s);
				se = h;
			}
			if (ss != QUOTE_NONE && ss > s && word_is(text, &T[ss - 1], "as") && !ing &&
			    v + 3 <= end && is_punct(&T[v + 1], ',')) {
				/* `As the Times noted, Clinton raised ...` */
				cs = v + 2;
				ce = end;
			} else if (ss != QUOTE_NONE && ss > s && is_punct(&T[ss - 1], ',') && !ing &&
			    (v >= e || is_punct(&T[v + 1], ',') || sentence_end_punct(&T[v + 1]) ||
			     (T[v + 1].type == T_WORD && !word_is(text, &T[v + 1], "that") &&
			      (T[v + 1].cls & (W_PREP | W_TIME | W_CLAUSE | W_OFFOR))))) {
				/* `..., officials said.` : the clause comes first; with
				 * `..., he said, ...` it goes on after the attribution */
				size_t b = s;
				while (b < ss && T[b].type == T_WORD && (T[b].cls & W_CLAUSE) &&
				       !(T[b].cls & W_DET))
					b++;
				cs = b;
				ce = ss - 2;
				if (v + 2 <= end && is_punct(&T[v + 1], ',') && ce >= cs &&
				    !has_quote(qf, cs, ce) && !has_quote(qf, v + 2, end)) {
					size_t k2 = v + 2;
					if (word_is(text, &T[k2], "that") && k2 < end)
						k2++;
					if (end >= k2 + 2) {
						size_t off = 0, len = 0;
						speaker_name(qf, c, ss, se, &off, &len, 0);
						emit(c, T[k2].s, T[end].e, QUOTE_INDIRECT, qf, ss, se, v, v,
						     off, len);
					}
				}
			} else if (ss == QUOTE_NONE && v > s && is_punct(&T[v - 1], ',')) {
				/* `..., said Smith.` */
				size_t ne = np_right(qf, v + 1, e + 1);
				if (ne == QUOTE_NONE || (ne < e && !is_punct(&T[ne + 1], ',') &&
				                         !sentence_end_punct(&T[ne + 1])))
					continue;
				ss = v + 1;
				se = ne;
				cs = s;
				ce = v - 2;
			} else if (ss != QUOTE_NONE) {
				/* X said (that) ...: skip the object of told and adverbials */
				size_t k = v + 1;
				size_t that = QUOTE_NONE;
				for (size_t j = k; j <= e && j < k + 12; j++) {
					if (T[j].type != T_WORD && !is_punct(&T[j], ','))
						break;
					if (word_is(text, &T[j], "that")) {
						that = j;
						break;
					}
					if (T[j].cls & W_CUE)
						break;
				}
				/* `said in a telephone interview that`, `said late Wednesday
				 * that`: an adverbial between the cue and its clause (a gap
				 * that opens with an object is kept for relatives: `said the
				 * plan that ...`) */
				int adverbial = that != QUOTE_NONE && that > k && T[k].type == T_WORD &&
				                (T[k].cls & (W_PREP | W_TIME)) && !(T[k].flags & F_CAP) &&
				                !word_is(text, &T[k], "that");
				if (that != QUOTE_NONE && (that == k || adverbial || (T[that - 1].type == T_WORD &&
				                           (T[that - 1].cls & (W_TIME | W_OBJ | W_NOUN_P | W_NOUN_S)) ) ||
				                           is_cap(&T[that - 1]) || is_punct(&T[that - 1], ','))) {
					k = that + 1;
				} else if (t->cls & W_CUE_T) {
					if (k <= e && (T[k].cls & (W_OBJ | W_PRON)))
						k++;
					else if (k <= e && (T[k].cls & W_DET)) {
						k++;
						while (k <= e && is_cap(&T[k]))
							k++;
						if (k <= e && T[k].type == T_WORD && !(T[k].flags & F_CAP) &&
						    !(T[k].cls & (W_DET | W_PRON)))
							k++;
					} else if (k <= e && is_cap(&T[k])) {
						while (k <= e && is_cap(&T[k]))
							k++;
					} else {
						continue;
					}
					if (k <= e && word_is(text, &T[k], "that"))
						k++;
				} else {
					while (k <= e && T[k].type == T_WORD && (T[k].cls & W_TIME))
						k++;
					if (k + 1 <= e && word_is(text, &T[k], "on") && (T[k + 1].cls & W_TIME))
						k += 2;
					if (k <= e && is_punct(&T[k], ':'))
						k++;
				}
				if (k > e || T[k].type != T_WORD)
					continue;
				int after_that = k > v + 1 && word_is(text, &T[k - 1], "that");
				if (!after_that && T[k].cls & (W_PREP | W_OFFOR) && !(T[k].flags & F_CAP) &&
				    !word_is(text, &T[k], "if"))
					continue;
				if (word_is(text, &T[k], "so") || word_is(text, &T[k], "nothing") ||
				    word_is(text, &T[k], "yes") || word_is(text, &T[k], "no") ||
				    word_is(text, &T[k], "goodbye") || word_is(text, &T[k], "hello"))
					continue;
				cs = k;
				ce = end;
				/* stop before `, adding that` and `, according to` */
				for (size_t j = k + 1; j < end; j++) {
					if (T[j].type == T_WORD && (T[j].cls & (W_CUE_S | W_CUE_T)) &&
					    !is_participle(text, &T[j])) {
						/* `..., and Brian Deese, an adviser, said ...`: a
						 * new attribution after a comma ends this clause */
						size_t h2 = subject_head(qf, j, k);
						size_t b = h2 == QUOTE_NONE ? k : np_left(qf, text, h2, k);
						if (b > k && (word_is(text, &T[b - 1], "and") || word_is(text, &T[b - 1], "but")))
							b--;
						if (b > k + 1 && is_punct(&T[b - 1], ',')) {
							ce = b - 2;
							break;
						}
					}
					if (is_punct(&T[j], ',') && j + 2 < end &&
					    (word_is(text, &T[j + 1], "but") || word_is(text, &T[j + 1], "and")) &&
					    T[j + 2].type == T_WORD && (T[j + 2].cls & W_CUE)) {
						ce = j - 1;   /* `..., but said, "..."`: a second attribution */
						break;
					}
					if (is_punct(&T[j], ',') && j + 3 < end &&
					    (word_is(text, &T[j + 1], "but") || word_is(text, &T[j + 1], "and")) &&
					    T[j + 2].type == T_WORD && (T[j + 2].cls & W_PRON) &&
					    (word_is(text, &T[j + 2], "he") || word_is(text, &T[j + 2], "she") ||
					     word_is(text, &T[j + 2], "they")) &&
					    T[j + 3].type == T_WORD && !(T[j + 3].cls & (W_CLAUSE | W_PREP))) {
						/* `X said A, but he hasn't B`: the writer goes on
						 * about the speaker; what was said ends before */
						ce = j - 1;
						break;
					}
					if ((is_punct(&T[j], ',') || word_is(text, &T[j], "and")) &&
					    T[j + 1].type == T_WORD &&
					    ((T[j + 1].cls & W_CUE) || is_according(text, T, j + 1, e + 1))) {
						ce = j - 1;
						size_t h2 = (T[j + 1].cls & W_CUE) && is_punct(&T[j], ',') ?
						            subject_head(qf, j + 1, k) : QUOTE_NONE;
						size_t b = h2 == QUOTE_NONE ? k : np_left(qf, text, h2, k);
						if (b > k && (word_is(text, &T[b - 1], "and") || word_is(text, &T[b - 1], "but")))
							b--;
						if (b > k + 1 && is_punct(&T[b - 1], ','))
							ce = b - 2;   /* `, and Brian Deese, an adviser, said` */
						break;
					}
					if (is_punct(&T[j], ':') || is_punct(&T[j], ';')) {
						ce = j - 1;   /* what follows is quoted or a new clause */
						break;
					}
				}
			} else {
				continue;
			}
		}
		if (cs == QUOTE_NONE || ce == QUOTE_NONE || ce < cs ||
		    (ce - cs < 2 && !(ce >= cs && v + 2 <= e && is_punct(&T[v + 1], ',')) &&
		     !(ce == cs + 1 && (T[cs].cls & W_PRON))))
			continue;
		if (ss != QUOTE_NONE && main_spk_s == QUOTE_NONE) {
			main_spk_s = ss;
			main_spk_e = se;
		}
		qf->used[v] = 1;
		if (has_quote(qf, cs, ce))
			continue;   /* its quotes carry it (direct or mixed) */
		size_t off = 0, len = 0;
		if (ss != QUOTE_NONE)
			speaker_name(qf, c, ss, se, &off, &len, 1);
		emit(c, T[cs].s, T[ce].e, QUOTE_INDIRECT, qf, ss, se, v, cue_e, off, len);
	}
}

/* Where the window of text that starts at byte from ends: a paragraph
 * start at least QUOTE_WINDOW bytes on, or the end of the text. Rules look at
 * most a few paragraphs back, so reading a long document window by window
 * keeps the token arrays small without changing what is found (but for a
 * quote paragraph right after a window's end, which cannot inherit the
 * speaker of the one before). */
#define QUOTE_WINDOW 65536
#define QUOTE_MAX_NAMES 8192

static size_t window_end(const struct news_sentence *sents, size_t nsents, size_t *si,
                         size_t from, size_t len)
{
	size_t j = *si;
	while (j < nsents && sents[j].start < from + QUOTE_WINDOW)
		j++;
	while (j < nsents && j > 0 && sents[j].para == sents[j - 1].para)
		j++;
	*si = j;
	return j < nsents ? sents[j].start : len;
}

static void process_window(struct quote_finder *qf, struct doc_ctx *c)
{
	size_t di = 0;
	for (size_t si = 0; si < qf->nsent_toks; si++) {
		size_t k = qf->sent_toks[si].first, end = qf->sent_toks[si].end;
		if (k == end)
			continue;
		size_t e = end - 1;
		/* quotes opening outside every sentence are left alone */
		while (di < qf->ndq && qf->dq[di].open < k)
			di++;
		note_subject(qf, c, k, end);
		/* direct quotes opening in this sentence first: their cues are
		 * then not taken for reported clauses */
		while (di < qf->ndq && qf->dq[di].open <= e) {
			find_direct(qf, c, di);
			struct dquote *d = &qf->dq[di];
			/* (a cue in the next sentence may still report a clause:
			 * `"..." Clinton said the plan would fail.`) */
			if (d->kind && d->cue != QUOTE_NONE && d->spk_s != QUOTE_NONE &&
			    qf->toks.t[d->cue].sent <= qf->toks.t[d->close].sent)
				qf->used[d->cue] = 1;
			di++;
		}
		if (qf->sent_cues[si])
			find_indirect(qf, c, k, e);
	}
}

/* Cut text[0..len) into windows (qf->win); returns how many. */
static size_t plan_windows(struct quote_finder *qf, const struct news_sentence *sents,
                           size_t nsents, size_t len)
{
	size_t nwin = 0, from = 0, si = 0;
	while (from < len) {
		NEWS_GROW(qf->win, qf->win_cap, nwin + 1);
		struct window *w = &qf->win[nwin++];
		w->from = from;
		w->si0 = si;
		w->to = window_end(sents, nsents, &si, from, len);
		w->si1 = si;
		from = w->to;
	}
	return nwin;
}

/* Documents at least this long are tokenized by two threads while the rules
 * run: shorter ones are not worth starting a thread for. */
#define QUOTE_THREAD_MIN (256 * 1024)

/* Tokenizing is a pure function of a window's text, the rules are not (they
 * carry state from window to window), so the rules take windows strictly in
 * order while the second thread tokenizes the windows ahead of them. The
 * rules' thread, rather than wait for a window still being tokenized,
 * tokenizes the next one nobody has claimed, which shares the tokenizing
 * between the two threads. Output is the same whoever tokenizes a window. */
struct tok_pipe {
	pthread_mutex_t lock;
	pthread_cond_t changed;   /* a slot was filled or emptied */
	struct tok_slot *slots;
	const struct quote_lexicon *lex;
	const char *text;
	const struct window *win;
	size_t nwin;
	size_t claimed;           /* windows [0, claimed) are tokenized or being so */
	size_t taken;             /* windows [0, taken) went to the rules */
	pthread_t worker;
};

/* Claim the next window when its slot is free; called with the lock held,
 * which it releases while tokenizing. Returns 0 when there was none. */
static int tokenize_next(struct tok_pipe *p)
{
	if (p->claimed >= p->nwin || p->claimed >= p->taken + QUOTE_AHEAD)
		return 0;
	size_t k = p->claimed++;
	struct tok_slot *s = &p->slots[k % QUOTE_AHEAD];
	pthread_mutex_unlock(&p->lock);
	quote_tokenize(p->lex, p->text, p->win[k].from, p->win[k].to, &s->toks);
	pthread_mutex_lock(&p->lock);
	s->full = 1;
	pthread_cond_broadcast(&p->changed);
	return 1;
}

static void *tokenize_ahead(void *arg)
{
	struct tok_pipe *p = arg;
	pthread_mutex_lock(&p->lock);
	while (p->claimed < p->nwin) {
		if (!tokenize_next(p))
			pthread_cond_wait(&p->changed, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Put the tokens of window p->taken in toks (whose arrays the slot keeps for
 * a later window). */
static void take_window(struct tok_pipe *p, struct quote_tokens *toks)
{
	struct tok_slot *s = &p->slots[p->taken % QUOTE_AHEAD];
	pthread_mutex_lock(&p->lock);
	while (!s->full) {
		if (!tokenize_next(p))
			pthread_cond_wait(&p->changed, &p->lock);
	}
	struct quote_tokens spent = *toks;
	*toks = s->toks;
	s->toks = spent;
	s->full = 0;
	p->taken++;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
}

/* Start the second thread; returns 0 when it could not start (the caller
 * then tokenizes alone). */
static int pipe_start(struct tok_pipe *p, struct quote_finder *qf, const char *text,
                      size_t nwin)
{
	*p = (struct tok_pipe){.slots = qf->ahead, .lex = qf->lex, .text = text,
	                       .win = qf->win, .nwin = nwin};
	for (int i = 0; i < QUOTE_AHEAD; i++)
		qf->ahead[i].full = 0;
	if (pthread_mutex_init(&p->lock, NULL) != 0)
		return 0;
	if (pthread_cond_init(&p->changed, NULL) != 0) {
		pthread_mutex_destroy(&p->lock);
		return 0;
	}
	if (pthread_create(&p->worker, NULL, tokenize_ahead, p) != 0) {
		pthread_cond_destroy(&p->changed);
		pthread_mutex_destroy(&p->lock);
		return 0;
	}
	return 1;
}

/* Once every window was taken, the worker has nothing left to do. */
static void pipe_stop(struct tok_pipe *p)
{
	pthread_join(p->worker, NULL);
	pthread_cond_destroy(&p->changed);
	pthread_mutex_destroy(&p->lock);
}

void quote_find(struct quote_finder *qf, const char *text, size_t len,
                const struct news_sentence *sents, size_t nsents,
                const struct quote_entity *ents, size_t nents, struct quote_list *out)
{
	out->n = 0;
	nbuf_clear(&out->names);
	qf->nmen = 0;
	qf->nnames = qf->names_seen = qf->names_indexed = 0;
	qf->nname_slots = 0;
	struct doc_ctx c = {text, len, ents, nents, out};
	qf->text = text;
	size_t nwin = plan_windows(qf, sents, nsents, len);
	struct tok_pipe pipe;
	int piped = qf->threads > 1 && len >= QUOTE_THREAD_MIN && nwin > 1 &&
	            pipe_start(&pipe, qf, text, nwin);
	for (size_t k = 0; k < nwin; k++) {
		const struct window *w = &qf->win[k];
		if (piped)
			take_window(&pipe, &qf->toks);
		else
			quote_tokenize(qf->lex, text, w->from, w->to, &qf->toks);
		if (qf->toks.n) {
			assign_sentences(qf, sents + w->si0, w->si1 - w->si0, (int)w->si0);
			mark_directions(qf, text);
			pair_quotes(qf, text);
			if (qf->nnames > QUOTE_MAX_NAMES) {
				/* a huge document: forget the names of its distant past,
				 * which keeps the name index small enough to be fast */
				qf->nnames = qf->names_seen = qf->names_indexed = 0;
				qf->nname_slots = 0;
			}
			collect_names(qf, text);
			index_names(qf, text);
			NEWS_GROW(qf->used, qf->used_cap, qf->toks.n);
			memset(qf->used, 0, qf->toks.n);
			qf->last.spk_s = QUOTE_NONE;
			process_window(qf, &c);
		}
	}
	if (piped)
		pipe_stop(&pipe);
	/* order by start, a longer span first (as the stream orders records,
	 * so that news_doc_write merges them with the sentences) */
	for (size_t i = 1; i < out->n; i++) {
		struct quote q = out->q[i];
		size_t j = i;
		while (j > 0 && (out->q[j - 1].start > q.start ||
		                 (out->q[j - 1].start == q.start && out->q[j - 1].end < q.end))) {
			out->q[j] = out->q[j - 1];
			j--;
		}
		out->q[j] = q;
	}
}

void quote_list_init(struct quote_list *l)
{
	memset(l, 0, sizeof *l);
}

void quote_list_free(struct quote_list *l)
{
	free(l->q);
	nbuf_free(&l->names);
	memset(l, 0, sizeof *l);
}

void quote_finder_free(struct quote_finder *qf)
{
	if (!qf)
		return;
	quote_lexicon_free(qf->lex);
	quote_tokens_free(&qf->toks);
	free(qf->dq);
	free(qf->men);
	free(qf->names);
	free(qf->name_slots);
	free(qf->used);
	free(qf->sent_cues);
	free(qf->sent_toks);
	free(qf->win);
	for (int i = 0; i < QUOTE_AHEAD; i++)
		quote_tokens_free(&qf->ahead[i].toks);
	free(qf);
}
