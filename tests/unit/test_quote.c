/* Unit tests of lib/quote: quote_find over hand-made documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "quote.h"
#include "unit.h"

/* Find the quotes of text, taking each line as a one-sentence paragraph. */
static void find(struct quote_finder *qf, const char *text, struct quote_list *l)
{
	struct news_sentence s[16];
	size_t n = 0, start = 0, len = strlen(text);
	for (size_t i = 0; i <= len && n < 16; i++) {
		if (i == len || text[i] == '\n') {
			if (i > start) {
				s[n].start = start;
				s[n].end = i;
				s[n].para = (long)n + 1;
				n++;
			}
			start = i + 1;
		}
	}
	quote_find(qf, text, len, s, n, NULL, 0, l);
}

/* A long document of one-sentence paragraphs, with quotes that run over
 * paragraphs (and so over window borders), and its sentences. */
static size_t long_doc(struct nbuf *text, struct news_sentence **sents)
{
	static const char *const para[] = {
		"\"We will not back down on item %zu,\" Minister Anna Kovac said.",
		"\"This is the first part of statement %zu.",
		"\"And this is its end,\" she told reporters.",
		"Officials said the talks on case %zu would resume next week.",
		"Peter Lindqvist called plan %zu \"a disaster for the region\".",
		"\"Nobody expected outcome %zu.\"",
	};
	size_t n = 0, cap = 0;
	char line[160];
	for (size_t i = 0; text->len < 1200000; i++) {
		int len = snprintf(line, sizeof line, para[(i * 7 + i / 5) % 6], i);
		NEWS_GROW(*sents, cap, n + 1);
		(*sents)[n] = (struct news_sentence){.start = text->len,
		                                     .end = text->len + (size_t)len,
		                                     .para = (long)n + 1};
		n++;
		nbuf_add(text, line, (size_t)len);
		nbuf_add(text, "\n\n", 2);
	}
	return n;
}

static int same_quotes(const struct quote_list *a, const struct quote_list *b)
{
	if (a->n != b->n || a->names.len != b->names.len ||
	    memcmp(a->names.data, b->names.data, a->names.len) != 0)
		return 0;
	/* field by field: the structs' padding is not theirs to compare */
	for (size_t i = 0; i < a->n; i++) {
		const struct quote *x = &a->q[i], *y = &b->q[i];
		if (x->start != y->start || x->end != y->end || x->kind != y->kind ||
		    x->spk_start != y->spk_start || x->spk_end != y->spk_end ||
		    x->cue_start != y->cue_start || x->cue_end != y->cue_end ||
		    x->name_off != y->name_off || x->name_len != y->name_len)
			return 0;
	}
	return 1;
}

static int span_is(const char *text, size_t s, size_t e, const char *want)
{
	return e - s == strlen(want) && memcmp(text + s, want, e - s) == 0;
}

static int name_is(const struct quote_list *l, const struct quote *q, const char *want)
{
	return q->name_len == strlen(want) && memcmp(l->names.data + q->name_off, want, q->name_len) == 0;
}

int main(void)
{
	struct quote_finder *qf = quote_finder_new();
	struct quote_list l;
	quote_list_init(&l);

	const char *t1 = "\"We will win,\" Senator Jane Doe said.";
	find(qf, t1, &l);
	CHECK(l.n == 1);
	if (l.n == 1) {
		CHECK(l.q[0].kind == QUOTE_DIRECT);
		CHECK(span_is(t1, l.q[0].start, l.q[0].end, "We will win,"));
		CHECK(span_is(t1, l.q[0].spk_start, l.q[0].spk_end, "Senator Jane Doe"));
		CHECK(span_is(t1, l.q[0].cue_start, l.q[0].cue_end, "said"));
		CHECK(name_is(&l, &l.q[0], "Jane Doe"));
	}

	/* a pronoun refers back to the person described before */
	const char *t2 = "A senior White House official spoke on Monday.\n\xe2\x80\x9cIt is done,\xe2\x80\x9d he said.";
	find(qf, t2, &l);
	CHECK(l.n == 1);
	if (l.n == 1) {
		CHECK(span_is(t2, l.q[0].start, l.q[0].end, "It is done,"));
		CHECK(span_is(t2, l.q[0].spk_start, l.q[0].spk_end, "he"));
		CHECK(name_is(&l, &l.q[0], "A senior White House official"));
	}

	/* indirect speech with an appositive between speaker and cue */
	const char *t3 = "Tom Fitton, the president of Judicial Watch, said that the damage is done.";
	find(qf, t3, &l);
	CHECK(l.n == 1);
	if (l.n == 1) {
		CHECK(l.q[0].kind == QUOTE_INDIRECT);
		CHECK(span_is(t3, l.q[0].start, l.q[0].end, "the damage is done"));
		CHECK(name_is(&l, &l.q[0], "Tom Fitton"));
	}

	/* no quotes: apostrophes, a scare quote, an infinitive */
	const char *t4 = "The officials' so-called 'reform' is the '90s idea they urged Congress to pass.";
	find(qf, t4, &l);
	CHECK(l.n == 0);

	/* empty and mark-only documents */
	find(qf, "", &l);
	CHECK(l.n == 0);
	find(qf, "\"\"\"''\"", &l);
	CHECK(l.n <= 1);

	/* a long document: the same quotes with one thread and with two, and
	 * a threaded finder reused on it and on a short document */
	struct nbuf big = {0};
	struct news_sentence *bs = NULL;
	size_t nbs = long_doc(&big, &bs);
	struct quote_finder *qf2 = quote_finder_new();
	quote_finder_set_threads(qf2, 2);
	struct quote_list l2;
	quote_list_init(&l2);
	quote_find(qf, big.data, big.len, bs, nbs, NULL, 0, &l);
	CHECK(l.n > 10000);
	for (int round = 0; round < 2; round++) {
		quote_find(qf2, big.data, big.len, bs, nbs, NULL, 0, &l2);
		CHECK(same_quotes(&l, &l2));
	}
	find(qf2, t1, &l2);
	CHECK(l2.n == 1);
	quote_list_free(&l2);
	quote_finder_free(qf2);
	free(bs);
	nbuf_free(&big);

	quote_list_free(&l);
	quote_finder_free(qf);
	return unit_status("test_quote");
}
