/* Unit tests of lib/summ*: maps, white space, and the summarizer on small
 * stories built in memory. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "summ.h"
#include "summ_map.h"
#include "unit.h"

static void test_maps(void)
{
	struct summ_smap m = {0};
	int added;
	CHECK(summ_smap_intern(&m, "nato", 4, &added) == 0 && added);
	CHECK(summ_smap_intern(&m, "iraq", 4, &added) == 1 && added);
	CHECK(summ_smap_intern(&m, "nato", 4, &added) == 0 && !added);
	CHECK(summ_smap_find(&m, "iraq", 4) == 1);
	CHECK(summ_smap_find(&m, "nat", 3) == UINT32_MAX);
	char key[16];
	for (int i = 0; i < 5000; i++) {   /* through several growths */
		int n = snprintf(key, sizeof key, "w%d", i);
		summ_smap_intern(&m, key, (size_t)n, NULL);
	}
	CHECK(m.n == 5002);
	CHECK(summ_smap_find(&m, "w4999", 5) == 5001);
	CHECK(summ_smap_find(&m, "nato", 4) == 0);
	summ_smap_clear(&m);
	CHECK(summ_smap_find(&m, "nato", 4) == UINT32_MAX);
	CHECK(summ_smap_intern(&m, "x", 1, NULL) == 0);
	summ_smap_clear(&m);   /* far too big for one key: dropped, then regrown */
	CHECK(m.cap == 0 && summ_smap_find(&m, "x", 1) == UINT32_MAX);
	CHECK(summ_smap_intern(&m, "y", 1, &added) == 0 && added);
	CHECK(summ_smap_find(&m, "y", 1) == 0);
	summ_smap_free(&m);

	struct summ_umap u = {0};
	for (uint64_t k = 1; k <= 3000; k++)
		CHECK(summ_umap_intern(&u, k << 40, &added) == k - 1 && added);
	CHECK(summ_umap_intern(&u, UINT64_C(7) << 40, &added) == 6 && !added);
	summ_umap_clear(&u);
	CHECK(summ_umap_intern(&u, 5, &added) == 0 && added);
	summ_umap_clear(&u);
	CHECK(u.cap == 0);
	CHECK(summ_umap_intern(&u, 5, &added) == 0 && added);
	CHECK(summ_umap_intern(&u, 5, &added) == 0 && !added);
	summ_umap_free(&u);
}

static void test_space(void)
{
	struct nbuf b = {0};
	const char *s = "  Two\xc2\xa0 words\n\tand\xe2\x80\x83more  ";
	summ_tidy(&b, s, strlen(s));
	CHECK_STR(b.data, "Two words and more");
	CHECK(summ_count_words(s, strlen(s)) == 4);
	CHECK(summ_count_words("", 0) == 0);
	/* a truncated character is not white space, and eats nothing */
	CHECK(summ_count_words("a \xe2\x80 b", 7) == 3);
	nbuf_clear(&b);
	const char *r = "NATO (search) diplomats met inside Iraq (search), officials (and others) said (search).";
	summ_readable(&b, r, strlen(r));
	CHECK_STR(b.data, "NATO diplomats met inside Iraq, officials (and others) said.");
	nbuf_clear(&b);
	summ_readable(&b, "(search) is kept first", 22);
	CHECK_STR(b.data, "(search) is kept first");
	nbuf_clear(&b);
	summ_tidy(&b, " \xc2\xa0 ", 4);
	CHECK(b.len == 0);
	nbuf_free(&b);
}

/* a document of one sentence a line */
static void make_doc(struct news_doc *d, const char *id, const char *text)
{
	news_doc_reset(d);
	nbuf_adds(&d->id, id);
	nbuf_adds(&d->text, text);
	size_t start = 0, n = strlen(text);
	long para = 1;
	for (size_t i = 0; i <= n; i++)
		if (i == n || text[i] == '\n') {
			if (i > start)
				news_doc_add_sentence(d, start, i, para++);
			start = i + 1;
		}
}

static void test_summary(void)
{
	struct summ *s = summ_new();
	CHECK(s != NULL);
	struct news_doc d;
	news_doc_init(&d);
	const char *a =
		"Heavy rain flooded hundreds of homes in the river valley on Monday night.\n"
		"Why did nobody warn the people who live along the river bank?\n"
		"The mayor said emergency shelters had been opened in three schools.\n"
		"He added that the army would help.\n";
	const char *b =
		"Heavy rain flooded hundreds of homes in the river valley on Monday night.\n"
		"Emergency shelters were opened in three schools, the mayor said on Tuesday.\n"
		"Local football matches were cancelled for the weekend because of the weather.\n";
	const char *c =
		"Floods in the river valley left hundreds of homes under water after heavy rain.\n"
		"Forecasters expect more rain in the valley later this week, officials said.\n";
	make_doc(&d, "a", a);
	summ_add_doc(s, &d);
	make_doc(&d, "b", b);
	summ_add_doc(s, &d);
	make_doc(&d, "c", c);
	summ_add_doc(s, &d);
	CHECK(summ_ndocs(s) == 3);

	struct summ_budget budget = {.words = 40};
	const struct summ_pick *p;
	size_t n = summ_run(s, &budget, &p);
	CHECK(n >= 2);
	size_t words = 0;
	int lead_taken = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *text = summ_doc_text(s, p[i].doc, &len);
		words += summ_count_words(text + p[i].start, p[i].end - p[i].start);
		CHECK(text[p[i].end - 1] != '?');
		CHECK(p[i].rank >= 1 && (size_t)p[i].rank <= n);
		if (p[i].end - p[i].start == 73 && memcmp(text + p[i].start, "Heavy rain", 10) == 0) {
			lead_taken++;
			/* the lead is in a and b word for word, and c says it too */
			CHECK(p[i].nsupport >= 2);
			CHECK(p[i].support[0] == 0 && p[i].support[1] == 1);
		}
		/* every pick's own document supports it */
		int own = 0;
		for (size_t k = 0; k < p[i].nsupport; k++)
			own |= p[i].support[k] == p[i].doc;
		CHECK(own);
	}
	CHECK(words <= 40);
	CHECK(lead_taken == 1);
	/* reading order: by place in the article */
	for (size_t i = 1; i < n; i++)
		CHECK(p[i - 1].sent <= p[i].sent);

	budget = (struct summ_budget){.sentences = 1};
	CHECK(summ_run(s, &budget, &p) == 1);
	CHECK(p[0].rank == 1);

	/* alike but for a number: a different fact, no support; and never both */
	summ_clear(s);
	make_doc(&d, "x", "Alexander Vinokourov of Kazakhstan has won stage 13 of the 2007 Tour de France.\n");
	summ_add_doc(s, &d);
	make_doc(&d, "y", "Alexander Vinokourov of Kazakhstan has won stage 15 of the 2007 Tour de France.\n");
	summ_add_doc(s, &d);
	make_doc(&d, "z", "Alexander Vinokourov of Kazakhstan has won stage 15 of the Tour de France in 2007.\n");
	summ_add_doc(s, &d);
	budget = (struct summ_budget){.words = 100};
	CHECK(summ_run(s, &budget, &p) == 1);
	CHECK(p[0].doc == 1 && p[0].nsupport == 2 && p[0].support[0] == 1 && p[0].support[1] == 2);

	summ_clear(s);
	CHECK(summ_ndocs(s) == 0);
	CHECK(summ_run(s, &budget, &p) == 0);
	make_doc(&d, "e", "");
	summ_add_doc(s, &d);
	CHECK(summ_run(s, &budget, &p) == 0);
	summ_clear(s);

	news_doc_free(&d);
	summ_free(s);
}

int main(void)
{
	test_maps();
	test_space();
	test_summary();
	return unit_status("test_summ");
}
