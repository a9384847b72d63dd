/* Unit tests of the entity modules: tokenizer, tagger spans, titles,
 * canonical names. */
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
	/* an empty story and an empty document do nothing */
	const char *d3[] = {""};
	story(n, d3, 1, NULL, 0);
	ner_free(n);
	return unit_status("test_ner");
}
