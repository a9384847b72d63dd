#include "summ.h"

#include <libstemmer.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "record.h"
#include "rx.h"
#include "summ_map.h"
#include "wordlist.h"

NEWS_DATA(summ_stopwords);

/* Concept keys in the one concept map: two tag bits, then the payload. */
#define TAG_WORD   (UINT64_C(1) << 62)   /* a content stem */
#define TAG_BIGRAM (UINT64_C(2) << 62)   /* two consecutive stems */
#define TAG_NOTE   (UINT64_C(3) << 62)   /* an entity or date value */
#define TAG_DOC    (UINT64_C(3) << 62 | UINT64_C(1) << 61)   /* being from a document */

#define STOP_BIT   UINT32_C(0x80000000)  /* in a word's term id: a stop word */

/* Tuning of the selection. The figures were set on multiling2011-en at 100
 * and 250 words; moving any of them by half moves ROUGE by about a point at
 * most, so none is fitted to that set. */
struct summ_params {
	double unigram_share;    /* a word concept against a word-pair concept */
	double note_share;       /* an entity/date concept (light: its words are concepts already) */
	double lead_bonus;       /* extra worth of an article's first sentence */
	double lead_decay;       /* sentences over which it fades */
	double length_power;     /* cost exponent of a sentence's length */
	double repeat_shingles;  /* word-pair containment that makes a repeat */
	double repeat_words;     /* content-word containment that makes one */
	double support_shingles; /* the same for crediting a document */
	double support_words;
	double support_longer;    /* what the shared part must be of the longer */
	double min_df_share;     /* share of the documents a concept needs */
	double lead_concepts;    /* extra worth of a concept found in a lead */
	double doc_share;        /* worth of drawing on one more article */
};

static const struct summ_params default_params = {
	.unigram_share = 0.25, .note_share = 0.1, .lead_bonus = 1.5, .lead_decay = 2.0,
	.length_power = 0.8, .repeat_shingles = 0.3, .repeat_words = 0.7,
	.support_shingles = 0.5, .support_words = 0.75,
	.support_longer = 0.5, .min_df_share = 0.3, .lead_concepts = 1.0,
	.doc_share = 2.0,
};

struct sdoc {
	size_t id_off, id_len, text_off, text_len, date_off, date_len;
	size_t first_sent, nsents;
};

struct ssent {
	uint32_t doc, pos;          /* pos: 0-based among its document's sentences */
	size_t start, end;          /* in its document (start past a dateline) */
	size_t sent_start;          /* where its sentence record starts */
	uint32_t words, bytes;      /* size as the budget counts it */
	size_t con_off;             /* sorted unique concept ids in s->cons */
	uint32_t ncon;
	uint32_t nword;             /* of them, word concepts (for paraphrase tests) */
	size_t sh_off;              /* sorted unique word-pair shingles in s->shingles */
	uint32_t nsh;
	size_t num_off;             /* sorted unique number terms in s->nums */
	uint32_t nnum;
	double quality;             /* 0: never chosen */
	double lead;                /* worth of its place in its article */
	long para;                  /* paragraph number */
	uint32_t epos;              /* place among its article's eligible sentences */
	unsigned char headline;
	unsigned char direct_quote; /* a direct quote record without a speaker */
};

enum note_type { NOTE_ENTITY, NOTE_DATE };
enum ctype { C_WORD, C_BIGRAM, C_NOTE, C_DOC };

struct hent {
	double score;
	uint32_t g;
};

struct snote {
	size_t sent;                /* global sentence index */
	size_t val_off, val_len;    /* in s->arena */
	enum note_type type;
};

struct summ {
	struct summ_params par;
	struct sb_stemmer *stemmer;
	struct news_rx *dateline;   /* "CANBERRA, Australia (AP)_ " before a lead */
	struct summ_smap stop;      /* stop words, loaded once */

	/* the story */
	struct nbuf arena;          /* ids, texts, dates, note values */
	struct sdoc *docs;
	size_t ndocs, docs_cap;
	struct ssent *sents;
	size_t nsents, sents_cap;
	struct snote *notes;
	size_t nnotes, notes_cap;

	/* working memory of summ_run, kept between stories */
	struct summ_smap words;     /* lower-cased word -> term id | STOP_BIT */
	struct summ_smap stems;     /* stem -> term id */
	uint32_t *word_term;        /* words map id -> term id | STOP_BIT */
	size_t word_term_cap;
	struct summ_umap concepts;
	unsigned char *ctype;       /* enum ctype, per concept */
	size_t ctype_cap;
	uint32_t *cons;
	size_t ncons, cons_cap;
	uint64_t *shingles;
	size_t nshingles, shingles_cap;
	uint32_t *nums;
	size_t nnums, nums_cap;
	uint32_t *toks;             /* term ids of the sentence being read */
	size_t ntoks, toks_cap;
	double *weight;             /* per concept */
	double *early;              /* per concept: how near a lead it comes */
	uint32_t *df, *tf, *lastdoc;
	unsigned char *covered;
	size_t concept_cap;
	uint32_t *post_start, *posts;   /* inverted index concept -> sentences */
	size_t posts_cap;
	uint32_t *hits, *cand;          /* per sentence, for the support search */
	uint32_t *touched;              /* the chosen sentences */
	struct hent *heap;              /* candidates of the greedy choice */
	size_t heap_cap;
	size_t sent_cap;
	uint32_t *docmark;              /* per document */
	size_t docmark_cap;
	struct nbuf lower;
	struct news_fields fields;
	struct nbuf field;

	struct summ_pick *picks;
	size_t npicks, picks_cap;
	size_t *support;
	size_t nsupport, support_cap;
};

/* ---- bytes ------------------------------------------------------------ */

/* Length of the white-space character at s[i], or 0 (the characters Python's
 * str.split() and ROUGE's word counts split on, no-break spaces included). */
static size_t space_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f))
		return 1;
	if (c < 0xc2 || i + 1 >= n)
		return 0;
	unsigned char c1 = (unsigned char)s[i + 1];
	if (c == 0xc2)
		return (c1 == 0x85 || c1 == 0xa0) ? 2 : 0;
	if (i + 2 >= n)
		return 0;
	unsigned char c2 = (unsigned char)s[i + 2];
	if ((c2 & 0xc0) != 0x80)
		return 0;   /* not a complete character */
	if (c == 0xe1 && c1 == 0x9a && c2 == 0x80)
		return 3;
	if (c == 0xe2 && c1 == 0x80 && (c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf))
		return 3;
	if (c == 0xe2 && c1 == 0x81 && c2 == 0x9f)
		return 3;
	if (c == 0xe3 && c1 == 0x80 && c2 == 0x80)
		return 3;
	return 0;
}

/* The length of a link remnant at the head of word w[0..n): a lone
 * lower-case word in parentheses, "(search)"; 0 if there is none. */
static size_t link_remnant(const char *w, size_t n)
{
	if (n < 3 || w[0] != '(')
		return 0;
	size_t j = 1;
	while (j < n && w[j] >= 'a' && w[j] <= 'z')
		j++;
	if (j == 1 || j >= n || w[j] != ')')
		return 0;
	for (size_t k = j + 1; k < n; k++)   /* only punctuation may follow */
		if (w[k] != ',' && w[k] != '.' && w[k] != ';' && w[k] != ':')
			return 0;
	return j + 1;
}

static void tidy(struct nbuf *out, const char *text, size_t n, int drop_remnants)
{
	int pending = 0, any = 0;
	for (size_t i = 0; i < n;) {
		size_t sl = space_len(text, n, i);
		if (sl) {
			pending = 1;
			i += sl;
			continue;
		}
		size_t j = i + 1;
		while (j < n && !space_len(text, n, j))
			j++;
		size_t skip = drop_remnants && any ? link_remnant(text + i, j - i) : 0;
		if (skip) {
			nbuf_add(out, text + i + skip, j - i - skip);   /* "Iraq (search)," -> "Iraq," */
			i = j;
			continue;
		}
		if (pending && any)
			nbuf_addc(out, ' ');
		nbuf_add(out, text + i, j - i);
		any = 1;
		pending = 0;
		i = j;
	}
}

void summ_tidy(struct nbuf *out, const char *text, size_t n)
{
	tidy(out, text, n, 0);
}

void summ_readable(struct nbuf *out, const char *text, size_t n)
{
	tidy(out, text, n, 1);
}

/* words and tidied bytes of text[0..n) */
static void measure(const char *text, size_t n, uint32_t *words, uint32_t *bytes)
{
	size_t w = 0, b = 0;
	for (size_t i = 0; i < n;) {
		size_t sl = space_len(text, n, i);
		if (sl) {
			i += sl;
			continue;
		}
		size_t j = i + 1;
		while (j < n && !space_len(text, n, j))
			j++;
		b += (j - i) + (w ? 1 : 0);
		w++;
		i = j;
	}
	*words = (uint32_t)w;
	*bytes = (uint32_t)b;
}

size_t summ_count_words(const char *text, size_t n)
{
	uint32_t w, b;
	measure(text, n, &w, &b);
	return w;
}

/* Whether the character at s[i] can be part of a word: ASCII letters and
 * digits, and any non-ASCII character but spaces, the general punctuation
 * block (dashes, curly quotes, ellipsis), guillemets and the BOM. *adv gets
 * its length. */
static int word_char(const char *s, size_t n, size_t i, size_t *adv)
{
	unsigned char c = (unsigned char)s[i];
	*adv = 1;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	if (c < 0xc2)
		return 0;   /* continuation or invalid byte */
	size_t len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (i + len > n)
		return 0;
	for (size_t k = 1; k < len; k++)
		if (((unsigned char)s[i + k] & 0xc0) != 0x80)
			return 0;
	*adv = len;
	unsigned char c1 = (unsigned char)s[i + 1];
	if (c == 0xc2)
		return !(c1 < 0xc0 && c1 != 0xaa && c1 != 0xb5 && c1 != 0xba);
	if (c == 0xc3)
		return c1 != 0x97 && c1 != 0xb7;   /* × ÷ */
	if (c == 0xe2 && (c1 >= 0x80 && c1 <= 0xaf))
		return 0;   /* punctuation, currency, letterlike symbols, arrows */
	if (c == 0xe3 && c1 == 0x80)
		return 0;
	if (c == 0xef && c1 == 0xbb && (unsigned char)s[i + 2] == 0xbf)
		return 0;
	return 1;
}

/* ---- setup ------------------------------------------------------------ */

struct summ *summ_new(void)
{
	struct sb_stemmer *st = sb_stemmer_new("english", NULL);
	if (!st)
		return NULL;
	struct summ *s = news_xcalloc(1, sizeof *s);
	s->stemmer = st;
	s->par = default_params;
	/* A wire dateline: a place in capitals (with its region), the agency in
	 * parentheses, or both, then a dash or underscore, then the start of a
	 * sentence. */
	s->dateline = news_rx_new(
		"(?:[A-Z][A-Z.'\\-]+(?:[ \\t]+[A-Z][A-Z.'\\-]+)*"
		"(?:,[ \\t]*[A-Z][\\w.'\\-]*(?:[ \\t]+[A-Z][\\w.'\\-]*){0,3})?"
		"[ \\t]*(?:\\([A-Z][A-Za-z .\\-]{0,30}\\))?"
		"|\\([A-Z][A-Za-z .\\-]{0,30}\\))"
		"[ \\t]*(?:_|--|\\x{2014}|\\x{2013}|-)[ \\t]*"
		"(?=\\p{Lu}|\\p{N}|[\"'\\x{201c}\\x{2018}])", 0);
	const char *p = news_data_summ_stopwords, *end = p + news_data_summ_stopwords_len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		size_t n = (size_t)(e - p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n && *p != '#')
			summ_smap_intern(&s->stop, p, n, NULL);
		p = e + 1;
	}
	return s;
}

void summ_free(struct summ *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->stemmer);
	news_rx_free(s->dateline);
	summ_smap_free(&s->stop);
	summ_smap_free(&s->words);
	summ_smap_free(&s->stems);
	summ_umap_free(&s->concepts);
	nbuf_free(&s->arena);
	nbuf_free(&s->lower);
	nbuf_free(&s->field);
	news_fields_free(&s->fields);
	free(s->docs);
	free(s->sents);
	free(s->notes);
	free(s->cons);
	free(s->shingles);
	free(s->toks);
	free(s->nums);
	free(s->word_term);
	free(s->ctype);
	free(s->weight);
	free(s->early);
	free(s->df);
	free(s->tf);
	free(s->lastdoc);
	free(s->covered);
	free(s->post_start);
	free(s->posts);
	free(s->hits);
	free(s->touched);
	free(s->cand);
	free(s->heap);
	free(s->docmark);
	free(s->picks);
	free(s->support);
	free(s);
}

void summ_clear(struct summ *s)
{
	nbuf_clear(&s->arena);
	s->ndocs = s->nsents = s->nnotes = 0;
	s->npicks = s->nsupport = 0;
}

size_t summ_ndocs(const struct summ *s)
{
	return s->ndocs;
}

const char *summ_doc_id(const struct summ *s, size_t doc, size_t *len)
{
	*len = s->docs[doc].id_len;
	return s->arena.data + s->docs[doc].id_off;
}

const char *summ_doc_text(const struct summ *s, size_t doc, size_t *len)
{
	*len = s->docs[doc].text_len;
	return s->arena.data + s->docs[doc].text_off;
}

static size_t arena_put(struct summ *s, const char *p, size_t n)
{
	size_t off = s->arena.len;
	nbuf_add(&s->arena, p, n);
	return off;
}

static void add_note(struct summ *s, size_t sent, enum note_type type,
                     const char *val, size_t n)
{
	if (!n)
		return;
	NEWS_GROW(s->notes, s->notes_cap, s->nnotes + 1);
	struct snote *no = &s->notes[s->nnotes++];
	no->sent = sent;
	no->type = type;
	no->val_len = n;
	no->val_off = arena_put(s, val, n);
}

/* Whether v[0..n) is a day, YYYY-MM-DD. */
static int is_day(const char *v, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	if (n != 10)
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (v[i] < '0' || v[i] > '9') : v[i] != '-')
			return 0;
	return 1;
}

/* Entities and dates become concepts of their sentence; a direct quote with
 * no speaker marks its sentence as a quote without context. */
static void read_records(struct summ *s, const struct news_doc *d, struct sdoc *sd)
{
	for (size_t i = 0; i < d->nrecs; i++) {
		const struct news_record *r = &d->recs[i];
		if (r->is_sentence || r->sent < 1 || (size_t)r->sent > sd->nsents)
			continue;
		size_t g = sd->first_sent + (size_t)r->sent - 1;
		news_fields_split(&s->fields, news_record_line(d, r), r->line_len);
		struct news_field kind = news_field_get(&s->fields, NEWS_F_KIND);
		struct news_field value = news_field_get(&s->fields, NEWS_F_VALUE);
		enum note_type type;
		if (news_field_is(kind, "entity"))
			type = NOTE_ENTITY;
		else if (news_field_is(kind, "date"))
			type = NOTE_DATE;
		else {
			if (news_field_is(kind, "quote") &&
			    news_field_is(news_field_get(&s->fields, NEWS_F_LABEL), "direct") &&
			    value.len == 0)
				s->sents[g].direct_quote = 1;
			continue;
		}
		nbuf_clear(&s->field);
		news_field_unescape(value, &s->field);
		if (type == NOTE_DATE && !sd->date_len && r->sent <= 3 && is_day(s->field.data, s->field.len)) {
			/* an undated article's dateline date stands for its own */
			sd->date_off = arena_put(s, s->field.data, 10);
			sd->date_len = 10;
		}
		nbuf_clear(&s->lower);
		for (size_t k = 0; k < s->field.len; k++) {
			char c = s->field.data[k];
			nbuf_addc(&s->lower, (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c);
		}
		add_note(s, g, type, s->lower.data, s->lower.len);
	}
}

void summ_add_doc(struct summ *s, const struct news_doc *d)
{
	NEWS_GROW(s->docs, s->docs_cap, s->ndocs + 1);
	struct sdoc *sd = &s->docs[s->ndocs];
	sd->id_off = arena_put(s, d->id.data, d->id.len);
	sd->id_len = d->id.len;
	sd->text_off = arena_put(s, d->text.data, d->text.len);
	sd->text_len = d->text.len;
	sd->date_off = arena_put(s, d->date.data, d->date.len);
	sd->date_len = d->date.len;
	sd->first_sent = s->nsents;
	sd->nsents = d->nsents;
	NEWS_GROW(s->sents, s->sents_cap, s->nsents + d->nsents);
	for (size_t i = 0; i < d->nsents; i++) {
		struct ssent *t = &s->sents[s->nsents++];
		memset(t, 0, sizeof *t);
		t->doc = (uint32_t)s->ndocs;
		t->pos = (uint32_t)i;
		t->para = d->sents[i].para;
		t->start = d->sents[i].start;
		t->end = d->sents[i].end;
		if (t->end > d->text.len)
			t->end = d->text.len;
		if (t->start > t->end)
			t->start = t->end;
		t->sent_start = t->start;
	}
	read_records(s, d, sd);
	s->ndocs++;
}

/* ---- features --------------------------------------------------------- */

/* The term id of word w[0..n) (any case), with STOP_BIT for stop words.
 * Each distinct word is stemmed once per story. */
static uint32_t term_of(struct summ *s, const char *w, size_t n)
{
	nbuf_clear(&s->lower);
	nbuf_add(&s->lower, w, n);
	for (size_t i = 0; i < n; i++) {
		char c = s->lower.data[i];
		if (c >= 'A' && c <= 'Z')
			s->lower.data[i] = (char)(c - 'A' + 'a');
	}
	int added;
	uint32_t wid = summ_smap_intern(&s->words, s->lower.data, n, &added);
	if (!added)
		return s->word_term[wid];
	NEWS_GROW(s->word_term, s->word_term_cap, (size_t)wid + 1);
	uint32_t stop = summ_smap_find(&s->stop, s->lower.data, n) != UINT32_MAX ? STOP_BIT : 0;
	const char *stem = s->lower.data;
	size_t stem_len = n;
	if (n <= 64) {   /* longer "words" are debris: no use stemming them */
		const sb_symbol *st = sb_stemmer_stem(s->stemmer, (const sb_symbol *)s->lower.data, (int)n);
		if (st) {
			stem = (const char *)st;
			stem_len = (size_t)sb_stemmer_length(s->stemmer);
		}
	}
	uint32_t tid = summ_smap_intern(&s->stems, stem, stem_len, NULL);
	s->word_term[wid] = tid | stop;
	return tid | stop;
}

static uint32_t concept_of(struct summ *s, uint64_t key, enum ctype type)
{
	int added;
	uint32_t id = summ_umap_intern(&s->concepts, key, &added);
	if (added) {
		NEWS_GROW(s->ctype, s->ctype_cap, (size_t)id + 1);
		s->ctype[id] = (unsigned char)type;
	}
	return id;
}

static void push_con(struct summ *s, uint32_t id)
{
	NEWS_GROW(s->cons, s->cons_cap, s->ncons + 1);
	s->cons[s->ncons++] = id;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Sentences hold a few dozen keys: insertion sort beats qsort's calls. */
static void sort_u32(uint32_t *a, size_t n)
{
	if (n > 64) {
		qsort(a, n, sizeof *a, cmp_u32);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t v = a[i];
		size_t j = i;
		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

static void sort_u64(uint64_t *a, size_t n)
{
	if (n > 64) {
		qsort(a, n, sizeof *a, cmp_u64);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t v = a[i];
		size_t j = i;
		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

static int is_quote_at(const char *p, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)p[i];
	*len = 1;
	if (c == '"' || c == '\'')
		return 1;
	if (i + 2 < n && c == 0xe2 && (unsigned char)p[i + 1] == 0x80) {
		unsigned char c2 = (unsigned char)p[i + 2];
		if (c2 >= 0x98 && c2 <= 0x9f) {
			*len = 3;
			return 1;
		}
	}
	if (i + 1 < n && c == 0xc2 && ((unsigned char)p[i + 1] == 0xab || (unsigned char)p[i + 1] == 0xbb)) {
		*len = 2;
		return 1;
	}
	return 0;
}

static int has_substr(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	const char *end = p + n, *q = p;
	while (end - q >= (ptrdiff_t)k && (q = memchr(q, needle[0], (size_t)(end - q) - k + 1))) {
		if (memcmp(q, needle, k) == 0)
			return 1;
		q++;
	}
	return 0;
}

/* Words that send a reader back to a sentence the summary may not hold. */
static const char *const needs_context[] = {
	"he", "she", "it", "they", "this", "these", "those", "his", "her", "their",
	"its", "but", "and", "yet", "however", "also", "so", "then", "there", "such",
	"that", "both", "meanwhile", "still", "instead", "nevertheless", NULL
};

/* How fit sentence text[0..n) of `words` words is to stand in a summary:
 * 0 rules it out, 1 is a clean declarative sentence. */
static double quality_of(const char *p, size_t n, uint32_t words, int direct_quote)
{
	size_t a = 0, b = n;
	while (a < b && space_len(p, b, a))
		a++;
	while (b > a && ((unsigned char)p[b - 1] <= ' ' ||
	                 (b - a >= 2 && (unsigned char)p[b - 2] == 0xc2 && (unsigned char)p[b - 1] == 0xa0)))
		b -= (unsigned char)p[b - 1] <= ' ' ? 1 : 2;
	if (words < 6 || words > 70 || b <= a)
		return 0;
	/* the end: past closing quotes and brackets, a full stop or ! */
	size_t e = b;
	for (;;) {
		size_t ql;
		if (e > a && (p[e - 1] == ')' || p[e - 1] == ']' || p[e - 1] == '"' || p[e - 1] == '\''))
			e--;
		else if (e >= a + 3 && is_quote_at(p, b, e - 3, &ql) && ql == 3)
			e -= 3;
		else if (e >= a + 2 && is_quote_at(p, b, e - 2, &ql) && ql == 2)
			e -= 2;
		else
			break;
	}
	if (e == a || (p[e - 1] != '.' && p[e - 1] != '!'))
		return 0;   /* question, headline, dateline, list item, debris */
	if (e >= a + 3 && p[e - 2] == '.' && p[e - 3] == '.')
		return 0;   /* trails off */
	unsigned char first = (unsigned char)p[a];
	if (first >= 'a' && first <= 'z')
		return 0;   /* a fragment */
	if (memchr(p + a, '|', b - a) || has_substr(p + a, b - a, "![") ||
	    has_substr(p + a, b - a, "http") || has_substr(p + a, b - a, "www.") ||
	    has_substr(p + a, b - a, "\xc2\xa9"))
		return 0;   /* web page debris */
	double q = 1.0;
	if (words < 9)
		q *= 0.6;
	else if (words > 45)
		q *= 0.7;
	size_t ql;
	int quotes = 0, opens = 0, closes = 0;   /* double quotation marks */
	for (size_t i = a; i < b; i++) {
		if ((p[i] != '"' && p[i] != '\xe2' && p[i] != '\xc2') || !is_quote_at(p, b, i, &ql))
			continue;
		if (ql == 3 && (unsigned char)p[i + 2] < 0x9c) {
			i += 2;   /* a single quotation mark: as often an apostrophe */
			continue;
		}
		quotes++;
		if (ql == 3 && ((unsigned char)p[i + 2] == 0x9c))
			opens++;
		if (ql == 3 && ((unsigned char)p[i + 2] == 0x9d))
			closes++;
		i += ql - 1;
	}
	int starts_quoted = is_quote_at(p, b, a, &ql) && p[a] != '\'';
	if ((quotes - opens - closes) % 2 || opens != closes)
		q *= 0.5;   /* a quote that opens or closes in another sentence */
	if (starts_quoted || direct_quote)
		q *= 0.5;   /* someone's words, and whose they are comes later or never */
	/* a lone lower-case word in parentheses: a link remnant such as "(search)" */
	for (size_t i = a; i < b; i++) {
		if (p[i] != '(' || i + 1 >= b || p[i + 1] < 'a' || p[i + 1] > 'z')
			continue;
		size_t j = i + 1;
		while (j < b && p[j] >= 'a' && p[j] <= 'z')
			j++;
		if (j < b && p[j] == ')') {
			q *= 0.7;
			break;
		}
	}
	/* a first word that refers back */
	size_t j = a;
	while (j < b && ((p[j] >= 'a' && p[j] <= 'z') || (p[j] >= 'A' && p[j] <= 'Z')))
		j++;
	if (j > a && j - a < 16) {
		char w[16];
		for (size_t k = a; k < j; k++)
			w[k - a] = (p[k] >= 'A' && p[k] <= 'Z') ? (char)(p[k] - 'A' + 'a') : p[k];
		w[j - a] = '\0';
		for (const char *const *c = needs_context; *c; c++)
			if (strcmp(w, *c) == 0) {
				q *= 0.75;
				break;
			}
	}
	return q;
}

static int cmp_note(const void *x, const void *y)
{
	const struct snote *a = x, *b = y;
	if (a->sent != b->sent)
		return (a->sent > b->sent) - (a->sent < b->sent);
	return (a->val_off > b->val_off) - (a->val_off < b->val_off);
}

/* Tokens, concepts, shingles, size and quality of every sentence. */
static void read_sentences(struct summ *s)
{
	if (s->nnotes > 1)
		qsort(s->notes, s->nnotes, sizeof *s->notes, cmp_note);
	size_t ni = 0;
	s->ncons = s->nshingles = s->nnums = 0;
	NEWS_GROW(s->cons, s->cons_cap, 1);   /* never a null base below */
	NEWS_GROW(s->nums, s->nums_cap, 1);
	for (size_t g = 0; g < s->nsents; g++) {
		struct ssent *t = &s->sents[g];
		const char *text = s->arena.data + s->docs[t->doc].text_off;
		/* a dateline opening one of the first paragraphs is the wire's
		 * heading, not the news: the sentence starts after it */
		t->start = t->sent_start;
		t->headline = 0;
		if (t->para <= 3 && (t->pos == 0 || s->sents[g - 1].para != t->para) &&
		    news_rx_match_at(s->dateline, text, t->end, t->start) > 0)
			t->start = news_rx_end(s->dateline, 0);
		measure(text + t->start, t->end - t->start, &t->words, &t->bytes);
		s->ntoks = 0;
		t->num_off = s->nnums;
		for (size_t i = t->start; i < t->end;) {
			size_t adv;
			if (!word_char(text, t->end, i, &adv)) {
				i += adv;
				continue;
			}
			size_t j = i + adv;
			while (j < t->end && word_char(text, t->end, j, &adv))
				j += adv;
			if (i > t->start && text[i - 1] == '(' && j < t->end && text[j] == ')' &&
			    link_remnant(text + i - 1, j - i + 2)) {
				i = j;   /* "(search)" is page debris, not a word of the story */
				continue;
			}
			NEWS_GROW(s->toks, s->toks_cap, s->ntoks + 1);
			uint32_t term = term_of(s, text + i, j - i);
			s->toks[s->ntoks++] = term;
			if (text[i] >= '0' && text[i] <= '9') {
				NEWS_GROW(s->nums, s->nums_cap, s->nnums + 1);
				s->nums[s->nnums++] = term & ~STOP_BIT;
			}
			i = j;
		}
		t->con_off = s->ncons;
		for (size_t k = 0; k < s->ntoks; k++) {
			uint32_t a = s->toks[k];
			if (!(a & STOP_BIT))
				push_con(s, concept_of(s, TAG_WORD | a, C_WORD));
			if (k == 0)
				continue;
			uint32_t prev = s->toks[k - 1];
			if ((prev & STOP_BIT) && (a & STOP_BIT))
				continue;
			uint64_t key = TAG_BIGRAM | ((uint64_t)(prev & ~STOP_BIT) << 31) | (a & ~STOP_BIT);
			push_con(s, concept_of(s, key, C_BIGRAM));
		}
		if (s->par.doc_share > 0)
			push_con(s, concept_of(s, TAG_DOC | t->doc, C_DOC));
		for (; ni < s->nnotes && s->notes[ni].sent == g; ni++) {
			const struct snote *no = &s->notes[ni];
			nbuf_clear(&s->lower);
			nbuf_addc(&s->lower, no->type == NOTE_ENTITY ? '\1' : '\2');
			nbuf_add(&s->lower, s->arena.data + no->val_off, no->val_len);
			uint32_t id = summ_smap_intern(&s->stems, s->lower.data, s->lower.len, NULL);
			push_con(s, concept_of(s, TAG_NOTE | id, C_NOTE));
		}
		uint32_t *c = s->cons + t->con_off;
		size_t nc = s->ncons - t->con_off, u = 0;
		sort_u32(c, nc);
		for (size_t k = 0; k < nc; k++)
			if (k == 0 || c[k] != c[u - 1])
				c[u++] = c[k];
		s->ncons = t->con_off + u;
		t->ncon = (uint32_t)u;
		t->nword = 0;
		for (size_t k = 0; k < u; k++)
			t->nword += s->ctype[c[k]] == C_WORD;

		uint32_t *nu = s->nums + t->num_off;
		size_t nn = s->nnums - t->num_off;
		sort_u32(nu, nn);
		u = 0;
		for (size_t k = 0; k < nn; k++)
			if (k == 0 || nu[k] != nu[u - 1])
				nu[u++] = nu[k];
		s->nnums = t->num_off + u;
		t->nnum = (uint32_t)u;

		t->sh_off = s->nshingles;
		NEWS_GROW(s->shingles, s->shingles_cap, s->nshingles + s->ntoks + 1);
		uint64_t *sh = s->shingles + t->sh_off;
		size_t nsh = 0;
		for (size_t k = 1; k < s->ntoks; k++)
			sh[nsh++] = ((uint64_t)(s->toks[k - 1] & ~STOP_BIT) << 32) | (s->toks[k] & ~STOP_BIT);
		sort_u64(sh, nsh);
		u = 0;
		for (size_t k = 0; k < nsh; k++)
			if (k == 0 || sh[k] != sh[u - 1])
				sh[u++] = sh[k];
		s->nshingles += u;
		t->nsh = (uint32_t)u;
		t->quality = quality_of(text + t->start, t->end - t->start, t->words, t->direct_quote);
	}
}

/* ---- selection -------------------------------------------------------- */

static void size_story_arrays(struct summ *s)
{
	size_t nc = s->concepts.n;
	if (nc + 1 > s->concept_cap) {   /* + 1: never a null array */
		size_t cap = nc + nc / 2 + 1;
		s->weight = news_xrealloc(s->weight, cap * sizeof *s->weight);
		s->early = news_xrealloc(s->early, cap * sizeof *s->early);
		s->df = news_xrealloc(s->df, cap * sizeof *s->df);
		s->tf = news_xrealloc(s->tf, cap * sizeof *s->tf);
		s->lastdoc = news_xrealloc(s->lastdoc, cap * sizeof *s->lastdoc);
		s->covered = news_xrealloc(s->covered, cap * sizeof *s->covered);
		s->post_start = news_xrealloc(s->post_start, (cap + 1) * sizeof *s->post_start);
		s->concept_cap = cap;
	}
	if (s->nsents + 1 > s->sent_cap) {
		size_t cap = s->nsents + s->nsents / 2 + 1;
		s->hits = news_xrealloc(s->hits, cap * sizeof *s->hits);
		s->touched = news_xrealloc(s->touched, cap * sizeof *s->touched);
		s->cand = news_xrealloc(s->cand, cap * sizeof *s->cand);
		s->sent_cap = cap;
	}
	if (s->ncons + 1 > s->posts_cap) {
		s->posts_cap = s->ncons + s->ncons / 2 + 1;
		s->posts = news_xrealloc(s->posts, s->posts_cap * sizeof *s->posts);
	}
	NEWS_GROW(s->docmark, s->docmark_cap, s->ndocs);
	memset(s->docmark, 0, s->ndocs * sizeof *s->docmark);
	memset(s->covered, 0, nc);
	memset(s->hits, 0, s->nsents * sizeof *s->hits);
}

/* A concept is worth the number of documents that mention it (of sentences,
 * in a one-document story), when enough of them do to make it the story's
 * rather than one writer's. */
static void weigh_concepts(struct summ *s)
{
	size_t nc = s->concepts.n;
	for (size_t c = 0; c < nc; c++)
		s->df[c] = s->tf[c] = 0, s->lastdoc[c] = UINT32_MAX, s->early[c] = 0;
	for (size_t g = 0; g < s->nsents; g++) {
		const struct ssent *t = &s->sents[g];
		double early = t->headline ? 1 : t->quality > 0 ? exp(-(double)t->epos / s->par.lead_decay) : 0;
		for (uint32_t k = 0; k < t->ncon; k++) {
			uint32_t c = s->cons[t->con_off + k];
			s->tf[c]++;
			if (early > s->early[c])
				s->early[c] = early;
			if (s->lastdoc[c] != t->doc)
				s->df[c]++, s->lastdoc[c] = t->doc;
		}
	}
	/* e.g. 2 of 3 to 6 documents, 3 of 10; never fewer than 2 */
	uint32_t min_count = (uint32_t)(s->par.min_df_share * (double)s->ndocs + 0.5);
	if (min_count < 2)
		min_count = 2;
	double total = 0;
	for (int pass = 0; pass < 2 && total == 0; pass++) {
		for (size_t c = 0; c < nc; c++) {
			uint32_t count = s->ndocs > 1 ? s->df[c] : s->tf[c];
			double share = s->ctype[c] == C_WORD ? s->par.unigram_share
			             : s->ctype[c] == C_NOTE ? s->par.note_share : 1.0;
			/* a story too small to repeat itself: every concept counts */
			s->weight[c] = (count >= min_count || pass == 1) ? count * share : 0;
			if (s->ctype[c] == C_DOC)
				s->weight[c] = s->par.doc_share;
			s->weight[c] *= 1.0 + s->par.lead_concepts * s->early[c];
			total += s->weight[c];
		}
	}
}

/* Whether a sentence's last period belongs to an initialism (U.S., U.N.),
 * so that it has no full stop of its own. */
static int ends_in_initialism(const struct summ *s, const struct ssent *t)
{
	const char *p = s->arena.data + s->docs[t->doc].text_off;
	size_t e = t->end;
	while (e > t->start && space_len(p, e, e - 1))
		e--;
	return e >= t->start + 4 && p[e - 1] == '.' && p[e - 2] >= 'A' && p[e - 2] <= 'Z' &&
	       p[e - 3] == '.' && p[e - 4] >= 'A' && p[e - 4] <= 'Z';
}

/* Each sentence's worth of place: an article's first real sentences carry
 * its news. Headlines and datelines (quality 0) do not count as places; a
 * first sentence alone in its paragraph, with more to follow, is a headline
 * when it has no full stop of its own ("... deductible for 2004 in the U.S."). */
static void place_sentences(struct summ *s)
{
	for (size_t d = 0; d < s->ndocs; d++) {
		uint32_t pos = 0;
		struct ssent *first = &s->sents[s->docs[d].first_sent];
		if (s->docs[d].nsents > 1 && first[1].para != first[0].para &&
		    (first[0].quality == 0 || ends_in_initialism(s, &first[0]))) {
			first[0].quality = 0;
			first[0].headline = 1;
		}
		for (size_t k = 0; k < s->docs[d].nsents; k++) {
			struct ssent *t = &first[k];
			/* a short paragraph of its own: a caption or a subheading */
			if (t->words < 8 && (k == 0 || first[k - 1].para != t->para) &&
			    (k + 1 == s->docs[d].nsents || first[k + 1].para != t->para))
				t->quality = 0;
			t->lead = 1.0 + s->par.lead_bonus * exp(-(double)pos / s->par.lead_decay);
			t->epos = pos;
			if (t->quality > 0)
				pos++;
		}
	}
}

/* |a & b| of two sorted arrays */
static size_t common_u64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			n++, i++, j++;
	}
	return n;
}

/* shared content words of two sentences */
static size_t common_words(const struct summ *s, const struct ssent *x, const struct ssent *y)
{
	const uint32_t *a = s->cons + x->con_off, *b = s->cons + y->con_off;
	size_t i = 0, j = 0, n = 0;
	while (i < x->ncon && j < y->ncon) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else {
			n += s->ctype[a[i]] == C_WORD;
			i++, j++;
		}
	}
	return n;
}

/* Whether x and y say the same thing: most word pairs of the shorter are in
 * the longer, or most of its content words are. With longer_share > 0 what
 * they share must also make that part (relative to the thresholds) of the
 * longer: a headline's few words, or an attribution "said Tony Blair, the
 * Prime Minister", inside a long sentence do not make it a paraphrase. */
static int same_thing(const struct summ *s, const struct ssent *x, const struct ssent *y,
                      double shingle_share, double word_share, double longer_share)
{
	size_t msh = x->nsh < y->nsh ? x->nsh : y->nsh;
	size_t xsh = x->nsh < y->nsh ? y->nsh : x->nsh;
	size_t common = common_u64(s->shingles + x->sh_off, x->nsh, s->shingles + y->sh_off, y->nsh);
	if (msh && common > shingle_share * (double)msh &&
	    common >= longer_share * shingle_share * (double)xsh)
		return 1;
	size_t mw = x->nword < y->nword ? x->nword : y->nword;
	size_t xw = x->nword < y->nword ? y->nword : x->nword;
	if (mw < 4)
		return 0;
	common = common_words(s, x, y);
	return common > word_share * (double)mw && common >= longer_share * word_share * (double)xw;
}

/* Whether each of x and y holds a number the other lacks ("stage 13" and
 * "stage 15"): then they report different facts however alike they read. */
static int numbers_differ(const struct summ *s, const struct ssent *x, const struct ssent *y)
{
	const uint32_t *a = s->nums + x->num_off, *b = s->nums + y->num_off;
	size_t i = 0, j = 0;
	int only_x = 0, only_y = 0;
	while (i < x->nnum || j < y->nnum) {
		if (j == y->nnum || (i < x->nnum && a[i] < b[j]))
			only_x = 1, i++;
		else if (i == x->nnum || b[j] < a[i])
			only_y = 1, j++;
		else
			i++, j++;
	}
	return only_x && only_y;
}

static int fits(const struct summ_budget *b, long words, long sents, long bytes,
                const struct ssent *t)
{
	if (b->words && words + (long)t->words > b->words)
		return 0;
	if (b->sentences && sents + 1 > b->sentences)
		return 0;
	if (b->bytes && bytes + (long)t->bytes > b->bytes)
		return 0;
	return 1;
}

static double score_of(const struct summ *s, const struct ssent *t)
{
	double gain = 0;
	for (uint32_t k = 0; k < t->ncon; k++) {
		uint32_t c = s->cons[t->con_off + k];
		if (!s->covered[c])
			gain += s->weight[c];
	}
	/* a little worth of its own, so the budget still fills once the
	 * story's concepts are all covered */
	gain += 0.01 * t->ncon;
	return gain * t->quality * t->lead / pow((double)t->words, s->par.length_power);
}

/* The candidates' max-heap: higher score first, then earlier sentence. */
static int heap_above(const struct hent *x, const struct hent *y)
{
	return x->score > y->score || (x->score == y->score && x->g < y->g);
}

static void heap_down(struct hent *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, top = i;
		if (l < n && heap_above(&h[l], &h[top]))
			top = l;
		if (r < n && heap_above(&h[r], &h[top]))
			top = r;
		if (top == i)
			return;
		struct hent tmp = h[i];
		h[i] = h[top];
		h[top] = tmp;
		i = top;
	}
}

/* Greedy knapsack over concepts: take the sentence with the most uncovered
 * concept weight per (sub-linear) word cost, scaled by its place and quality,
 * until nothing more fits. A sentence's score only falls as concepts get
 * covered, so scores are recomputed lazily, for the heap's top only (Minoux's
 * accelerated greedy): the picks are those of the plain greedy, at a cost
 * close to one pass over the story. Returns the number of picks (their
 * sentences in s->touched[0..n), in order of choice). */
static size_t choose(struct summ *s, const struct summ_budget *b)
{
	long words = 0, nsel = 0, bytes = 0;
	uint32_t *chosen = s->touched;
	size_t n = 0, nh = 0;
	NEWS_GROW(s->heap, s->heap_cap, s->nsents + 1);
	struct hent *h = s->heap;
	for (size_t g = 0; g < s->nsents; g++) {
		const struct ssent *t = &s->sents[g];
		if (t->quality > 0 && fits(b, 0, 0, 0, t))
			h[nh++] = (struct hent){score_of(s, t), (uint32_t)g};
	}
	for (size_t i = nh / 2; i-- > 0;)
		heap_down(h, nh, i);
	while (nh) {
		struct hent top = h[0];
		const struct ssent *t = &s->sents[top.g];
		h[0] = h[--nh];
		heap_down(h, nh, 0);
		if (!fits(b, words, nsel, bytes, t))
			continue;   /* the budget only shrinks: it never will */
		top.score = score_of(s, t);
		if (nh && heap_above(&h[0], &top)) {
			h[nh++] = top;   /* back in, at its true score */
			for (size_t i = nh - 1; i > 0 && heap_above(&h[i], &h[(i - 1) / 2]); i = (i - 1) / 2) {
				struct hent tmp = h[i];
				h[i] = h[(i - 1) / 2];
				h[(i - 1) / 2] = tmp;
			}
			continue;
		}
		if (top.score <= 0)
			break;
		int repeat = 0;
		for (size_t k = 0; k < n && !repeat; k++)
			repeat = same_thing(s, t, &s->sents[chosen[k]], s->par.repeat_shingles,
			                    s->par.repeat_words, 0);
		if (repeat)
			continue;
		chosen[n++] = top.g;
		for (uint32_t k = 0; k < t->ncon; k++)
			s->covered[s->cons[t->con_off + k]] = 1;
		words += t->words;
		bytes += t->bytes;
		nsel++;
	}
	return n;
}

/* Inverted index from word-pair concepts to the sentences holding them. */
static void index_bigrams(struct summ *s)
{
	size_t nc = s->concepts.n;
	memset(s->post_start, 0, (nc + 1) * sizeof *s->post_start);
	for (size_t i = 0; i < s->ncons; i++)
		if (s->ctype[s->cons[i]] == C_BIGRAM)
			s->post_start[s->cons[i] + 1]++;
	for (size_t c = 0; c < nc; c++)
		s->post_start[c + 1] += s->post_start[c];
	/* df is done with (weights are set): it serves as the fill cursor */
	for (size_t c = 0; c < nc; c++)
		s->df[c] = s->post_start[c];
	for (size_t g = 0; g < s->nsents; g++) {
		const struct ssent *t = &s->sents[g];
		for (uint32_t k = 0; k < t->ncon; k++) {
			uint32_t c = s->cons[t->con_off + k];
			if (s->ctype[c] == C_BIGRAM)
				s->posts[s->df[c]++] = (uint32_t)g;
		}
	}
}

/* The documents that hold a sentence saying what sentence g says, into
 * s->support (ascending); returns the offset of the list. Candidates come
 * from the inverted index, so only sentences sharing a word pair are seen. */
static size_t find_support(struct summ *s, size_t g, size_t *n_out, uint32_t stamp)
{
	const struct ssent *t = &s->sents[g];
	size_t ncand = 0;
	s->docmark[t->doc] = stamp;
	for (uint32_t k = 0; k < t->ncon; k++) {
		uint32_t c = s->cons[t->con_off + k];
		if (s->ctype[c] != C_BIGRAM)
			continue;
		for (uint32_t p = s->post_start[c]; p < s->post_start[c + 1]; p++) {
			uint32_t h = s->posts[p];
			if (s->hits[h]++ == 0)
				s->cand[ncand++] = h;
		}
	}
	for (size_t i = 0; i < ncand; i++) {
		uint32_t h = s->cand[i];
		const struct ssent *u = &s->sents[h];
		if (s->docmark[u->doc] != stamp && s->hits[h] >= 2 && !numbers_differ(s, t, u) &&
		    same_thing(s, t, u, s->par.support_shingles, s->par.support_words,
		               s->par.support_longer))
			s->docmark[u->doc] = stamp;
		s->hits[h] = 0;
	}
	size_t off = s->nsupport;
	for (size_t d = 0; d < s->ndocs; d++)
		if (s->docmark[d] == stamp) {
			NEWS_GROW(s->support, s->support_cap, s->nsupport + 1);
			s->support[s->nsupport++] = d;
		}
	*n_out = s->nsupport - off;
	return off;
}

/* Reading order: article date (undated articles keep their place among the
 * dated by counting as the earliest), then position in the article, then
 * arrival. */
static int pick_before(const struct summ *s, const struct summ_pick *a, const struct summ_pick *b)
{
	const struct sdoc *da = &s->docs[a->doc], *db = &s->docs[b->doc];
	size_t n = da->date_len < db->date_len ? da->date_len : db->date_len;
	int c = memcmp(s->arena.data + da->date_off, s->arena.data + db->date_off, n);
	if (c == 0 && da->date_len != db->date_len)
		c = da->date_len < db->date_len ? -1 : 1;
	if (c)
		return c < 0;
	if (a->sent != b->sent)
		return a->sent < b->sent;
	return a->doc < b->doc;
}

size_t summ_run(struct summ *s, const struct summ_budget *b, const struct summ_pick **picks)
{
	summ_smap_clear(&s->words);
	summ_smap_clear(&s->stems);
	summ_umap_clear(&s->concepts);
	s->npicks = s->nsupport = 0;
	*picks = s->picks;
	if (!s->nsents)
		return 0;
	read_sentences(s);
	size_story_arrays(s);
	place_sentences(s);
	weigh_concepts(s);
	size_t n = choose(s, b);
	index_bigrams(s);
	NEWS_GROW(s->picks, s->picks_cap, n);
	size_t *support_off = news_xmalloc((n ? n : 1) * sizeof *support_off);
	for (size_t k = 0; k < n; k++) {
		const struct ssent *t = &s->sents[s->touched[k]];
		struct summ_pick *p = &s->picks[k];
		p->doc = t->doc;
		p->sent = (long)t->pos + 1;
		p->start = t->start;
		p->end = t->end;
		p->rank = (long)k + 1;
		support_off[k] = find_support(s, s->touched[k], &p->nsupport, (uint32_t)k + 1);
	}
	for (size_t k = 0; k < n; k++)
		s->picks[k].support = s->support + support_off[k];
	free(support_off);
	/* insertion sort: a summary is a handful of sentences */
	for (size_t i = 1; i < n; i++) {
		struct summ_pick p = s->picks[i];
		size_t j = i;
		while (j > 0 && pick_before(s, &p, &s->picks[j - 1])) {
			s->picks[j] = s->picks[j - 1];
			j--;
		}
		s->picks[j] = p;
	}
	s->npicks = n;
	*picks = s->picks;
	return n;
}
