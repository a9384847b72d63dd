/* Unit tests of lib/quote: quote_find over hand-made documents. */
#include <string.h>

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

	quote_list_free(&l);
	quote_finder_free(qf);
	return unit_status("test_quote");
}
