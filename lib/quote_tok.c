/* quote_tok: tokens and word classes for lib/quote (see quote_tok.h). */
#include "quote_tok.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "wordlist.h"

NEWS_DATA(quote_cues);
NEWS_DATA(quote_titles);
NEWS_DATA(quote_nouns);
NEWS_DATA(quote_orgs);

/* Function words the rules need; compiled in rather than data because the
 * rules are written against exactly these classes. */
static const struct { const char *words; unsigned cls; } function_words[] = {
	{"the a an one another two three four five six seven eight nine ten some many"
	 " several other others both all most few his her their its our my your this"
	 " these those no any each every various numerous multiple top senior u.s."
	 " american british french german russian chinese iraqi israeli iranian"
	 " foreign local federal white house former current", W_DET},
	{"he she they i we you it", W_PRON},
	{"has have had also later previously then repeatedly once often recently"
	 " publicly privately would will could did does do again reportedly first"
	 " further still just even already never initially earlier subsequently"
	 " separately sometimes frequently flatly simply quickly angrily bluntly"
	 " openly loudly long since may might can should must not n't has now always ever"
	 " had", W_SKIP},
	{"that which who whom whose when while because if as after before since so"
	 " yet and but or nor than though although whether where why how what"
	 " however meanwhile instead until unless moreover furthermore nevertheless"
	 " nonetheless therefore thus indeed besides likewise additionally", W_CLAUSE},
	{"in on at to from with by about into over under against during without"
	 " within through between among per via like upon near across toward towards"
	 " behind beyond amid despite out up down off away back around", W_PREP},
	{"monday tuesday wednesday thursday friday saturday sunday today yesterday"
	 " tonight tomorrow week weekend month year morning afternoon evening night"
	 " earlier later last next this recently ago day days weeks months years january"
	 " february march july august september october november december", W_TIME},
	{"of for", W_OFFOR},
	{"de da del della der den di du la le van von bin ibn al el ben", W_PARTICLE},
	{"him her them me us reporters journalists lawmakers congress colleagues"
	 " supporters voters viewers listeners members senators", W_OBJ},
	{"is was were be been being are am", W_AUX},
	{"according", W_ACCORD},
};

/* Kept small (12 bytes, a few thousand slots) so that the table every word
 * is looked up in stays in the first-level cache. */
struct wslot {
	unsigned hash;
	unsigned cls;
	unsigned short key_off;   /* into words arena */
	unsigned char key_len;
};

/* byte classes of ASCII for the tokenizer's inner loop */
enum { B_ALNUM = 1, B_UPPER = 2, B_LOWER = 4, B_DIGIT = 8 };

/* A word's shape for the lexicon prefilter: its first and last bytes
 * (folded) and its length, hashed into a bit set of QUOTE_SHAPE_BITS. Most
 * words of a text have a shape no listed word has and skip the lookup. */
#define QUOTE_SHAPE_BITS 8192

static inline unsigned word_shape(unsigned char first, unsigned char last, size_t n)
{
	return ((unsigned)first * 31u + (unsigned)last * 7u + (unsigned)n * 1021u) %
	       QUOTE_SHAPE_BITS;
}

struct quote_lexicon {
	unsigned char shapes[QUOTE_SHAPE_BITS / 8];
	unsigned char bclass[256];
	unsigned char fold[256]; /* ASCII lower case, other bytes as they are */
	unsigned char wflags[256];   /* F_* of a word by its first byte (but 0xC3) */
	struct wslot *slots;
	size_t nslots;
	struct nbuf words;
};

static unsigned word_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static inline struct wslot *table_slot_hashed(const struct quote_lexicon *qf, const char *s,
                                              size_t n, unsigned hash)
{
	size_t mask = qf->nslots - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		struct wslot *w = &qf->slots[i];
		if (w->key_len == 0)
			return w;
		if (w->hash != hash || w->key_len != n)
			continue;
		const char *key = qf->words.data + w->key_off;
		size_t k = 0;
		while (k < n && key[k] == s[k])
			k++;
		if (k == n)
			return w;
	}
}

static void table_add(struct quote_lexicon *qf, const char *s, size_t n, unsigned cls)
{
	if (n == 0 || n > 40)
		return;
	unsigned h = word_hash(s, n);
	struct wslot *w = table_slot_hashed(qf, s, n, h);
	if (w->key_len == 0) {
		if (qf->words.len + n > 0xffff)
			return;   /* the lists are far smaller than this */
		w->hash = h;
		w->key_off = (unsigned short)qf->words.len;
		unsigned sh = word_shape(qf->fold[(unsigned char)s[0]],
		                         qf->fold[(unsigned char)s[n - 1]], n);
		qf->shapes[sh / 8] |= (unsigned char)(1u << (sh % 8));
		w->key_len = (unsigned char)n;
		nbuf_add(&qf->words, s, n);
	}
	w->cls |= cls;
}

static void table_add_words(struct quote_lexicon *qf, const char *list, unsigned cls)
{
	const char *p = list;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		table_add(qf, w, (size_t)(p - w), cls);
	}
}

/* One entry a line, '#' comment lines, optional TAB and a class letter. */
static void table_add_list(struct quote_lexicon *qf, const char *data, size_t len,
                           unsigned cls)
{
	size_t i = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		if (e > i && data[i] != '#') {
			size_t k = i;
			while (k < e && data[k] != '\t')
				k++;
			unsigned c = cls;
			char v = k + 1 < e ? data[k + 1] : 0;
			if (cls == W_CUE)
				c = v == 't' ? W_CUE_T : v == 'd' ? W_CUE_D : v == 'b' ? W_CUE_B :
				    v == 'n' ? W_CUE_N : W_CUE_S;
			else if (cls == (W_NOUN_S | W_NOUN_P))
				c = v == 'p' ? W_NOUN_P : W_NOUN_S;
			table_add(qf, data + i, k - i, c);
		}
		i = e + 1;
	}
}

struct quote_lexicon *quote_lexicon_new(void)
{
	struct quote_lexicon *qf = news_xcalloc(1, sizeof *qf);
	for (int b = 0; b < 256; b++) {
		unsigned char k = 0;
		if (b >= 'A' && b <= 'Z')
			k = B_ALNUM | B_UPPER;
		else if (b >= 'a' && b <= 'z')
			k = B_ALNUM | B_LOWER;
		else if (b >= '0' && b <= '9')
			k = B_ALNUM | B_DIGIT;
		qf->bclass[b] = k;
		qf->fold[b] = (unsigned char)(k & B_UPPER ? b + 32 : b);
		qf->wflags[b] = k & B_UPPER ? F_CAP : k & B_DIGIT ? F_DIGIT :
		                (k & B_LOWER) || b >= 0x80 ? F_LOWER : 0;
	}
	qf->nslots = 2048;   /* under 1000 words: a load under one half */
	qf->slots = news_xcalloc(qf->nslots, sizeof *qf->slots);
	for (size_t i = 0; i < sizeof function_words / sizeof function_words[0]; i++)
		table_add_words(qf, function_words[i].words, function_words[i].cls);
	table_add_list(qf, news_data_quote_cues, news_data_quote_cues_len, W_CUE);
	table_add_list(qf, news_data_quote_titles, news_data_quote_titles_len, W_TITLE);
	table_add_list(qf, news_data_quote_orgs, news_data_quote_orgs_len, W_ORG);
	table_add_list(qf, news_data_quote_nouns, news_data_quote_nouns_len,
	               W_NOUN_S | W_NOUN_P);
	return qf;
}

void quote_lexicon_free(struct quote_lexicon *lx)
{
	if (!lx)
		return;
	free(lx->slots);
	nbuf_free(&lx->words);
	free(lx);
}

/* ---- tokens ------------------------------------------------------------ */

static int is_ascii_alnum(unsigned char c)
{
	return quote_is_upper(c) || quote_is_lower(c) || (c >= '0' && c <= '9');
}

/* Recognise punctuation and spaces among multi-byte characters; any other
 * non-ASCII character is taken as a letter. Returns its length, sets *kind:
 * 0 letter, 1 space, 2 punctuation (*ch), 3 quotation mark (*ch, *curly). */
static size_t classify_char(const char *t, size_t n, size_t i, int *kind, char *ch,
                            char *curly)
{
	unsigned char c = (unsigned char)t[i];
	*curly = 0;
	if (c < 0x80) {
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			*kind = 1;
			return 1;
		}
		if (is_ascii_alnum(c)) {
			*kind = 0;
			return 1;
		}
		if ((c == '\'' || c == '`') && i + 1 < n && t[i + 1] == (char)c) {
			/* '' and `` : double quotation marks of typewriter style */
			*kind = 3;
			*ch = 'd';
			*curly = c == '`' ? 'l' : 0;
			return 2;
		}
		if (c == '`') {
			*kind = 3;
			*ch = 's';
			*curly = 'l';
			return 1;
		}
		if (c == '"' || c == '\'') {
			*kind = 3;
			*ch = c == '"' ? 'd' : 's';
			return 1;
		}
		*kind = 2;
		*ch = c == '-' ? '-' : (char)c;
		if (c < 0x20 || c == 0x7f)
			*kind = 1;
		return 1;
	}
	unsigned char c1 = i + 1 < n ? (unsigned char)t[i + 1] : 0;
	unsigned char c2 = i + 2 < n ? (unsigned char)t[i + 2] : 0;
	if (c == 0xC2 && (c1 == 0xA0 || c1 == 0x85)) {
		*kind = 1;
		return 2;
	}
	if (c == 0xC2 && (c1 == 0xAB || c1 == 0xBB)) {
		*kind = 3;
		*ch = 'd';
		*curly = c1 == 0xAB ? 'l' : 'r';
		return 2;
	}
	if (c == 0xE2 && c1 == 0x80) {
		switch (c2) {
		case 0x98: case 0x9A: case 0x9B: case 0xB9:
			*kind = 3; *ch = 's'; *curly = 'l'; return 3;
		case 0x99: case 0xBA:
			*kind = 3; *ch = 's'; *curly = 'r'; return 3;
		case 0x9C: case 0x9E: case 0x9F:
			*kind = 3; *ch = 'd'; *curly = 'l'; return 3;
		case 0x9D:
			*kind = 3; *ch = 'd'; *curly = 'r'; return 3;
		case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
			*kind = 2; *ch = '-'; return 3;
		case 0xA6:
			*kind = 2; *ch = '.'; return 3;
		case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85:
		case 0x86: case 0x87: case 0x88: case 0x89: case 0x8A: case 0x8B:
		case 0xA8: case 0xA9: case 0xAF:
			*kind = 1; return 3;
		default:
			*kind = 2; *ch = '*'; return 3;
		}
	}
	if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
		*kind = 1;
		return 3;
	}
	/* another letter: its continuation bytes, as far as they are valid */
	*kind = 0;
	size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1, k = 1;
	while (k < want && i + k < n && ((unsigned char)t[i + k] & 0xC0) == 0x80)
		k++;
	return k;
}

static inline void add_token(struct quote_tokens *out, size_t s, size_t e, unsigned char type,
                      char ch, char curly)
{
	if (out->n >= out->cap)
		NEWS_GROW(out->t, out->cap, out->n + 1);
	out->t[out->n++] = (struct qtok){.s = s, .e = e, .sent = -1, .dq = -1, .type = type,
	                                 .ch = ch, .curly = curly};
}

/* Words longer than this are in no list: they are never looked up. */
#define WORD_MAX 24

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

/* The slot of the word text[s..s+n) (compared case-folded) whose hash of
 * folded bytes is hash: its entry, or an empty slot. */
static inline const struct wslot *table_find_text(const struct quote_lexicon *qf,
                                                  const char *text, size_t n,
                                                  unsigned hash)
{
	size_t mask = qf->nslots - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		const struct wslot *w = &qf->slots[i];
		if (w->key_len == 0)
			return w;
		if (w->hash != hash || w->key_len != n)
			continue;
		const char *key = qf->words.data + w->key_off;
		size_t k = 0;
		while (k < n && key[k] == (char)qf->fold[(unsigned char)text[k]])
			k++;
		if (k == n)
			return w;
	}
}

/* A word's flags and classes. The tokenizer passes what it gathered while
 * reading the word when it could (known = 1: the hash of its folded bytes
 * and the byte classes of all its bytes but the first, OR-ed); otherwise
 * they are computed here from the text. */
static void classify_word(const struct quote_lexicon *qf, const char *text, struct qtok *t,
                          int known, unsigned hash, unsigned rest)
{
	size_t n = t->e - t->s;
	unsigned char c0 = (unsigned char)text[t->s];
	unsigned char f = qf->wflags[c0];
	if (c0 == 0xC3)   /* À..Þ are capitals */
		f = n > 1 && (unsigned char)text[t->s + 1] < 0x9F ? F_CAP : F_LOWER;
	else if (n > 1 && (qf->bclass[c0] & B_UPPER)) {
		/* all capitals? (NATO, U.S.) */
		if (!known) {
			rest = 0;
			for (size_t i = 1; i < n; i++)
				rest |= qf->bclass[(unsigned char)text[t->s + i]];
		}
		if (!(rest & B_LOWER) && (rest & B_UPPER))
			f |= F_ALLCAP;
	}
	t->flags = f;
	if (n > WORD_MAX)
		return;
	/* a word's shape no listed word has: no lookup */
	unsigned sh = word_shape(qf->fold[c0], qf->fold[(unsigned char)text[t->e - 1]], n);
	if (!(qf->shapes[sh / 8] & (1u << (sh % 8))))
		return;
	if (!known) {
		hash = FNV_BASIS;
		for (size_t i = 0; i < n; i++)
			hash = (hash ^ qf->fold[(unsigned char)text[t->s + i]]) * FNV_PRIME;
	}
	const struct wslot *ws = table_find_text(qf, text + t->s, n, hash);
	t->cls = ws->key_len ? ws->cls : 0;
	/* A capitalised cue is a name (Warren, Price) or starts a sentence,
	 * where it is not attributing anything a noun phrase could precede. */
	if (!(f & F_LOWER)) {
		unsigned cues = W_CUE | W_CUE_B | W_CUE_N;
		t->hidden = (unsigned char)((t->cls & cues) >> 13);
		t->cls &= ~cues;
	}
}

/* Abbreviations whose period belongs to the word (Gen. James Jones). */
static const char abbrev_ok[] = "mr mrs ms dr prof sen rep gov gen adm lt col sgt capt maj cmdr rev pres atty supt st jr sr no vs";

static int is_title_abbrev(const char *s, size_t n)
{
	char low[8];
	if (n == 0 || n > 5)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(quote_is_upper((unsigned char)s[i]) ? s[i] + 32 : s[i]);
	const char *p = abbrev_ok;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		if ((size_t)(p - w) == n && memcmp(w, low, n) == 0)
			return 1;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* Tokens of text[from..len). */
void quote_tokenize(const struct quote_lexicon *qf, const char *text, size_t from, size_t len,
                    struct quote_tokens *out)
{
	out->n = 0;
	out->nmarks = 0;
	NEWS_GROW(out->t, out->cap, (len - from) / 4 + 16);
	size_t i = from;
	char ch = 0, curly = 0;   /* what classify_char says of a mark */
	while (i < len) {
		int kind;
		unsigned char c0 = (unsigned char)text[i];
		if (c0 == ' ' || c0 == '\n') {
			i++;
			continue;
		}
		size_t adv;
		if (qf->bclass[c0]) {
			kind = 0;   /* the common case, without the general classifier */
			adv = 1;
		} else if (c0 < 0x80 && c0 > 0x20 && c0 != '"' && c0 != '\'' && c0 != '`' && c0 != 0x7f) {
			add_token(out, i, i + 1, T_PUNCT, (char)c0, 0);
			i++;
			continue;
		} else {
			adv = classify_char(text, len, i, &kind, &ch, &curly);
		}
		if (kind == 1) {
			i += adv;
			continue;
		}
		if (kind == 2) {
			add_token(out, i, i + adv, T_PUNCT, ch, 0);
			i += adv;
			continue;
		}
		if (kind == 3) {
			NEWS_GROW(out->marks, out->marks_cap, out->nmarks + 1);
			out->marks[out->nmarks++] = out->n;
			add_token(out, i, i + adv, T_QUOTE, ch, curly);
			i += adv;
			continue;
		}
		/* a word: letters and digits, joined by apostrophes, hyphens and
		 * periods when a letter follows (O'Brien, US-led, U.S.). Most words
		 * are a run of ASCII letters and digits: read those in one loop
		 * that hashes and classifies as it goes, and fall back to the
		 * general reading at anything that may join. */
		size_t s = i, dots = 0;
		int known = 0;
		unsigned hash = 0, rest = 0;
		if (kind == 0 && adv == 1) {
			hash = (FNV_BASIS ^ qf->fold[c0]) * FNV_PRIME;
			i++;
			unsigned char b;
			while (i < len && (b = qf->bclass[(unsigned char)text[i]])) {
				rest |= b;
				hash = (hash ^ qf->fold[(unsigned char)text[i]]) * FNV_PRIME;
				i++;
			}
			known = 1;
			if (i < len) {
				unsigned char c = (unsigned char)text[i];
				if (c >= 0x80)
					known = 0;
				else if (c == '\'' || c == '-' || c == '.')
					known = !(i + 1 < len && ((unsigned char)text[i + 1] >= 0x80 ||
					                          qf->bclass[(unsigned char)text[i + 1]]));
			}
			if (!known)
				i = s + 1;   /* read it again the general way */
		} else {
			i += adv;
		}
		while (!known && i < len) {
			/* the common case first: a run of ASCII letters and digits */
			while (i < len && qf->bclass[(unsigned char)text[i]])
				i++;
			if (i >= len)
				break;
			unsigned char c = (unsigned char)text[i];
			if (c < 0x80 && c != '\'' && c != '-' && c != '.')
				break;   /* a space or punctuation ends the word */
			size_t a = classify_char(text, len, i, &kind, &ch, &curly);
			if (kind == 0) {
				i += a;
				continue;
			}
			if ((kind == 3 && ch == 's') || (kind == 2 && (ch == '-' || ch == '.') && a == 1)) {
				size_t j = i + a;
				int k2;
				char c2, q2;
				if (j < len) {
					unsigned char cj = (unsigned char)text[j];
					if (cj < 0x80)
						k2 = is_ascii_alnum(cj) ? 0 : 1;
					else
						classify_char(text, len, j, &k2, &c2, &q2);
					if (k2 == 0) {
						if (kind == 2 && ch == '.')
							dots++;
						i = j;
						continue;
					}
				}
			}
			break;
		}
		/* trailing period of U.S. and of title abbreviations */
		if (i < len && text[i] == '.' && (dots > 0 ||
		                                  (i - s <= 5 && quote_is_upper((unsigned char)text[s]) &&
		                                   is_title_abbrev(text + s, i - s)) ||
		                                  (i - s == 1 && quote_is_upper((unsigned char)text[s]) &&
		                                   i + 2 < len && text[i + 1] == ' ' &&
		                                   quote_is_upper((unsigned char)text[i + 2])))) {
			i++;
			hash = (hash ^ '.') * FNV_PRIME;
		}
		add_token(out, s, i, T_WORD, 0, 0);
		classify_word(qf, text, &out->t[out->n - 1], known, hash, rest);
	}
}

void quote_tokens_free(struct quote_tokens *tv)
{
	free(tv->t);
	free(tv->marks);
	tv->t = NULL;
	tv->marks = NULL;
	tv->n = tv->cap = tv->nmarks = tv->marks_cap = 0;
}
