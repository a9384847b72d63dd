/* Unit tests of the entity modules: tokenizer, tagger spans, titles,
 * canonical names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "ner_feat.h"
#include "ner_tok.h"
#include "unit.h"

/* The tokens of s joined by '|'. */
static const char *toks(const char *s)
{
	static char out[512];
	struct ner_toks tv = {0};
	ner_tokenize(s, 0, strlen(s), &tv);
	size_t n = 0;
	for (size_t i = 0; i < tv.n && n + 64 < sizeof out; i++) {
		if (i)
			out[n++] = '|';
		memcpy(out + n, s + tv.t[i].start, tv.t[i].end - tv.t[i].start);
		n += tv.t[i].end - tv.t[i].start;
	}
	out[n] = '\0';
	ner_toks_free(&tv);
	return out;
}

static void test_tokenizer(void)
{
	CHECK_STR(toks("NATO's role"), "NATO|'s|role");
	CHECK_STR(toks("the U.S.-led coalition"), "the|U.S.|-|led|coalition");
	CHECK_STR(toks("French-led resistance"), "French|-|led|resistance");
	CHECK_STR(toks("Adm. Greg Johnson"), "Adm.|Greg|Johnson");
	CHECK_STR(toks("George W. Bush"), "George|W.|Bush");
	CHECK_STR(toks("O'Brien said"), "O'Brien|said");
	CHECK_STR(toks("1,000.50 dollars."), "1,000.50|dollars|.");
	CHECK_STR(toks("Iraq\xc2\xa0(search)"), "Iraq|(|search|)");
	CHECK_STR(toks("M\xc3\xbcller\xe2\x80\x99s"), "M\xc3\xbcller|\xe2\x80\x99s");
	CHECK_STR(toks("bad \xff byte"), "bad|\xff|byte");
}

/* The flags of the first token of s. */
static unsigned first_flags(const char *s)
{
	struct ner_toks tv = {0};
	ner_tokenize(s, 0, strlen(s), &tv);
	unsigned f = tv.n ? tv.t[0].flags : 0;
	ner_toks_free(&tv);
	return f;
}

/* A plain token is one run of letters and digits: recover() takes it as
 * one word without looking inside. */
static void test_plain(void)
{
	CHECK(first_flags("NATO said") & NER_TF_PLAIN);
	CHECK(first_flags("M\xc3\xbcller said") & NER_TF_PLAIN);
	CHECK(first_flags("B52 bomber") & NER_TF_PLAIN);
	CHECK(!(first_flags("O'Brien said") & NER_TF_PLAIN));
	CHECK(!(first_flags("U.S. troops") & NER_TF_PLAIN));
	CHECK(!(first_flags("Gen. Smith") & NER_TF_PLAIN));
	CHECK(!(first_flags("1,000 troops") & NER_TF_PLAIN));
	CHECK(!(first_flags("'s") & NER_TF_PLAIN));
	CHECK(!(first_flags("- x") & NER_TF_PLAIN));
}

/* The model keeps only the rows it has, found by rank; a row given twice
 * keeps the last. */
static void test_model_rows(void)
{
	static const uint32_t buckets[] = {3, 64, 65, 1000, 64};
	unsigned char data[20 + 5 * (4 + 2 * NER_ROW)];
	uint32_t bits = 10, rows = 5;
	float scale = 1;
	memcpy(data, "NERM2\0\0\0", 8);
	memcpy(data + 8, &bits, 4);
	memcpy(data + 12, &scale, 4);
	memcpy(data + 16, &rows, 4);
	for (uint32_t r = 0; r < rows; r++) {
		unsigned char *p = data + 20 + r * (4 + 2 * NER_ROW);
		memcpy(p, &buckets[r], 4);
		for (int l = 0; l < NER_ROW; l++) {
			int16_t w = (int16_t)(100 * r + l);
			memcpy(p + 4 + 2 * l, &w, 2);
		}
	}
	struct ner_model m;
	CHECK(ner_model_load(&m, data, sizeof data) == 0);
	CHECK(ner_model_row(&m, 3) && ner_model_row(&m, 3)[0] == 0 && ner_model_row(&m, 3)[7] == 7);
	CHECK(ner_model_row(&m, 64) && ner_model_row(&m, 64)[1] == 401);
	CHECK(ner_model_row(&m, 65) && ner_model_row(&m, 65)[0] == 200);
	CHECK(ner_model_row(&m, 1000) && ner_model_row(&m, 1000)[2] == 302);
	CHECK(ner_model_row(&m, 4) == NULL);
	CHECK(ner_model_row(&m, 1023) == NULL);
	ner_model_free(&m);
	uint32_t bad = 1024;
	memcpy(data + 20, &bad, 4);
	CHECK(ner_model_load(&m, data, sizeof data) == -1);
}

/* The decoder keeps to BIO (I-X only after B-X or I-X) whatever the
 * weights say, and leaves unscored tokens (a plain lower-case word after
 * O) as O: a model whose every bucket favours I-PER over all else. */
static void test_decoder(void)
{
	enum { BITS = 10, ROWS = 1 << BITS };
	static unsigned char data[20 + ROWS * (4 + 2 * NER_ROW)];
	uint32_t bits = BITS, rows = ROWS;
	float scale = 1;
	memcpy(data, "NERM2\0\0\0", 8);
	memcpy(data + 8, &bits, 4);
	memcpy(data + 12, &scale, 4);
	memcpy(data + 16, &rows, 4);
	for (uint32_t r = 0; r < rows; r++) {
		unsigned char *p = data + 20 + r * (4 + 2 * NER_ROW);
		memcpy(p, &r, 4);
		for (int l = 0; l < NER_ROW; l++) {
			int16_t w = l == NER_B(NER_PER) - 1 ? 1 : l == NER_I(NER_PER) - 1 ? 1000 : -1000;
			memcpy(p + 4 + 2 * l, &w, 2);
		}
	}
	struct ner_model m;
	CHECK(ner_model_load(&m, data, sizeof data) == 0);
	struct ner_gaz g;
	ner_gaz_init(&g);
	struct ner_sent s;
	ner_sent_init(&s);
	struct ner_toks tv = {0};
	static const struct { const char *text; int labels[6]; } cases[] = {
		{"Alpha Beta the Gamma", {NER_B(NER_PER), NER_I(NER_PER), NER_I(NER_PER), NER_I(NER_PER)}},
		{"alpha said Beta", {NER_O, NER_O, NER_B(NER_PER)}},
		{"Alpha , beta Gamma", {NER_B(NER_PER), NER_I(NER_PER), NER_O, NER_B(NER_PER)}},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		tv.n = 0;
		ner_tokenize(cases[c].text, 0, strlen(cases[c].text), &tv);
		ner_sent_prepare(&s, &g, cases[c].text, tv.t, tv.n);
		ner_model_tag(&m, &s);
		int ok = 1;
		for (size_t i = 0; i < tv.n; i++)
			ok &= s.label[i] == cases[c].labels[i];
		if (!ok)
			fprintf(stderr, "decoder: %s\n", cases[c].text);
		CHECK(ok);
	}
	ner_toks_free(&tv);
	ner_sent_free(&s);
	ner_gaz_free(&g);
	ner_model_free(&m);
}

/* The memo gives the gazetteer's own answers, asked once or again. */
static void test_gaz_memo(void)
{
	static const char list[] = "New York\tt\nYork\tt\nNew South Wales\tr\nparis\tt\n";
	struct ner_gaz g;
	ner_gaz_init(&g);
	ner_gaz_add_tsv(&g, list, sizeof list - 1);
	struct ner_sent s;
	ner_sent_init(&s);
	const char *text = "New York and New South Wales or paris New";
	struct ner_toks tv = {0};
	ner_tokenize(text, 0, strlen(text), &tv);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < tv.n; i++)
			for (size_t j = i; j <= tv.n && j <= i + 3; j++)
				CHECK(ner_gaz_phrase_memo(&s, &g, text, tv.t, i, j) ==
				      ner_gaz_phrase(&g, text, tv.t, i, j));
	CHECK(ner_gaz_phrase_memo(&s, &g, text, tv.t, 0, 2) & NER_G_CITY);
	CHECK(ner_gaz_phrase_memo(&s, &g, text, tv.t, 3, 6) & NER_G_REGION);
	ner_toks_free(&tv);
	ner_sent_free(&s);
	ner_gaz_free(&g);
}

struct found { const char *text, *type, *canon, *title; };

/* Run one story of ndocs texts (each one sentence per line) and check that
 * every expected mention is there. */
static void story(const struct ner *n, const char *const *docs, size_t ndocs,
                  const struct found *want, size_t nwant)
{
	struct ner_story *st = ner_story_new();
	for (size_t d = 0; d < ndocs; d++)
		ner_story_add_doc(n, st, d, docs[d], strlen(docs[d]), NULL, 0);
	ner_story_resolve(n, st);
	for (size_t w = 0; w < nwant; w++) {
		int ok = 0;
		for (size_t i = 0; i < ner_story_count(st); i++) {
			const struct ner_mention *m = ner_story_mention(st, i);
			const char *text = docs[m->doc];
			if (strlen(want[w].text) != m->end - m->start ||
			    memcmp(text + m->start, want[w].text, m->end - m->start) != 0)
				continue;
			ok = !strcmp(ner_type_name(m->type), want[w].type) &&
			     !strcmp(ner_story_canon(st, i), want[w].canon) &&
			     strlen(want[w].title) == m->title_end - m->title_start &&
			     !memcmp(text + m->title_start, want[w].title, m->title_end - m->title_start);
			if (ok)
				break;
		}
		if (!ok)
			fprintf(stderr, "missing: %s %s %s [%s]\n", want[w].text, want[w].type,
			        want[w].canon, want[w].title);
		CHECK(ok);
	}
	ner_story_free(st);
}

int main(void)
{
	test_tokenizer();
	test_plain();
	test_model_rows();
	test_decoder();
	test_gaz_memo();
	const char *err = NULL;
	struct ner *n = ner_new(&err);
	CHECK(n != NULL);
	if (!n)
		return unit_status("test_ner");
	const char *d1[] = {
		"A mission was headed by U.S. Adm. Greg Johnson in July.",
		"NATO sent a team led by admiral Gregory Johnson to Baghdad."
	};
	const struct found f1[] = {
		{"Greg Johnson", "PERSON", "Gregory Johnson", "Adm."},
		{"Gregory Johnson", "PERSON", "Gregory Johnson", ""},
		{"U.S.", "LOC", "United States", ""},
	};
	story(n, d1, 2, f1, sizeof f1 / sizeof *f1);
	const char *d2[] = {
		"The North Atlantic Treaty Organization (NATO) met in Brussels on Monday.",
		"NATO Secretary-General Jaap de Hoop Scheffer said talks went well. "
		"Officials said de Hoop Scheffer would travel to Iraq."
	};
	const struct found f2[] = {
		{"NATO", "ORG", "North Atlantic Treaty Organization", ""},
		{"North Atlantic Treaty Organization", "ORG", "North Atlantic Treaty Organization", ""},
		{"de Hoop Scheffer", "PERSON", "Jaap de Hoop Scheffer", ""},
		{"Brussels", "LOC", "Brussels", ""},
	};
	story(n, d2, 2, f2, sizeof f2 / sizeof *f2);
	const char *d4[] = {
		"The Commission's chief spokesman Nikolaus van der Pas told a news briefing on Monday.",
	};
	const struct found f4[] = {
		{"Nikolaus van der Pas", "PERSON", "Nikolaus van der Pas", ""},
	};
	story(n, d4, 1, f4, sizeof f4 / sizeof *f4);
	/* a word too long to keep among the story's tokens (over 64 kB): its
	 * unit is tokenised again when names are recovered */
	char *longdoc = malloc(70100);
	CHECK(longdoc != NULL);
	if (longdoc) {
		strcpy(longdoc, "Foreign Minister Hoshyar Zebari arrived. He met ");
		size_t k = strlen(longdoc);
		memset(longdoc + k, 'a', 70000);
		strcpy(longdoc + k + 70000, " and Zebari spoke.");
		const char *d5[] = {longdoc};
		const struct found f5[] = {
			{"Hoshyar Zebari", "PERSON", "Hoshyar Zebari", "Foreign Minister"},
			{"Zebari", "PERSON", "Hoshyar Zebari", ""},
		};
		story(n, d5, 1, f5, sizeof f5 / sizeof *f5);
		free(longdoc);
	}
	/* an empty story and an empty document do nothing */
	const char *d3[] = {""};
	story(n, d3, 1, NULL, 0);
	ner_free(n);
	return unit_status("test_ner");
}
