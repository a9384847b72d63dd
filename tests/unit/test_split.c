/* test_split: unit checks of the sentence segmenter, and a small driver.
 *
 * Without arguments it runs the checks. With FILE arguments it prints the
 * sentences of each file one a line (white space runs shown as one space),
 * the format ../shared/eval/score_split.py reads; with -p each line is
 * prefixed by the paragraph number and a TAB; -q only counts (for timing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "split.h"
#include "unit.h"

static void set_text(struct news_doc *d, const char *s, size_t n)
{
	news_doc_reset(d);
	nbuf_set(&d->text, s, n);
}

/* The sentences of text, joined by " | ", white space collapsed. */
static const char *split_str(struct news_splitter *sp, struct news_doc *d, const char *text)
{
	static char out[4096];
	size_t o = 0;
	set_text(d, text, strlen(text));
	news_split_doc(sp, d);
	for (size_t k = 0; k < d->nsents; k++) {
		if (k && o + 3 < sizeof out) {
			memcpy(out + o, " | ", 3);
			o += 3;
		}
		int sp_pending = 0;
		for (size_t i = d->sents[k].start; i < d->sents[k].end && o + 2 < sizeof out; i++) {
			char c = d->text.data[i];
			if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
				sp_pending = 1;
				continue;
			}
			if (sp_pending)
				out[o++] = ' ';
			sp_pending = 0;
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return out;
}

static void print_sentences(const struct news_doc *d, int with_para)
{
	for (size_t k = 0; k < d->nsents; k++) {
		if (with_para)
			printf("%ld\t", d->sents[k].para);
		int pending = 0;
		for (size_t i = d->sents[k].start; i < d->sents[k].end; i++) {
			unsigned char c = (unsigned char)d->text.data[i];
			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				pending = 1;
				continue;
			}
			if (pending)
				putchar(' ');
			pending = 0;
			putchar(c);
		}
		putchar('\n');
	}
}

static int run_files(int argc, char **argv)
{
	struct news_splitter *sp = news_splitter_new();
	struct news_doc d;
	news_doc_init(&d);
	int with_para = 0, status = 0;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "-p") == 0 || strcmp(argv[a], "-q") == 0) {
			with_para = argv[a][1] == 'p' ? 1 : -1;
			continue;
		}
		FILE *f = strcmp(argv[a], "-") == 0 ? stdin : fopen(argv[a], "rb");
		if (!f) {
			perror(argv[a]);
			status = 1;
			continue;
		}
		struct nbuf b = {0};
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			nbuf_add(&b, chunk, n);
		if (f != stdin)
			fclose(f);
		set_text(&d, b.data ? b.data : "", b.len);
		news_split_doc(sp, &d);
		if (with_para >= 0)
			print_sentences(&d, with_para);
		else
			printf("%zu sentences\n", d.nsents);
		nbuf_free(&b);
	}
	news_doc_free(&d);
	news_splitter_free(sp);
	return status;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return run_files(argc, argv);
	struct news_splitter *sp = news_splitter_new();
	struct news_doc d;
	news_doc_init(&d);

	/* input, then its sentences joined by " | " */
	static const char *const cases[][2] = {
		/* end marks, abbreviations, initials, numbers */
		{ "Hello World. My name is Jonas.", "Hello World. | My name is Jonas." },
		{ "Gen. James Jones met Sen. John Smith. Then he left.",
		  "Gen. James Jones met Sen. John Smith. | Then he left." },
		{ "I live in the U.S. The weather is fine.", "I live in the U.S. | The weather is fine." },
		{ "The U.S. Marine Corps said so.", "The U.S. Marine Corps said so." },
		{ "J.R.R. Tolkien wrote it at 5 p.m. on Jan. 3 at No. 10.",
		  "J.R.R. Tolkien wrote it at 5 p.m. on Jan. 3 at No. 10." },
		{ "Acme Corp. said it grew 3.5 percent. Shares rose.",
		  "Acme Corp. said it grew 3.5 percent. | Shares rose." },
		{ "John F. Kennedy spoke. It was 1961.", "John F. Kennedy spoke. | It was 1961." },
		{ "They met Plan B. It failed.", "They met Plan B. | It failed." },
		{ "It is 10 ft. long and on 5th st. in town.", "It is 10 ft. long and on 5th st. in town." },
		{ "It went to Acme Inc. Acme is big.", "It went to Acme Inc. | Acme is big." },
		{ "Acme Inc. Chairman Bob Smith and Acme Inc. (ACM) agreed.",
		  "Acme Inc. Chairman Bob Smith and Acme Inc. (ACM) agreed." },
		/* quotes, brackets, ?! and ellipses */
		{ "\"This is great,\" he said. \"Really?\" she asked. Why?! No.",
		  "\"This is great,\" he said. | \"Really?\" she asked. | Why?! | No." },
		{ "\"Keen to finish this... but no repeats. History does not repeat,\" he said.",
		  "\"Keen to finish this... but no repeats. | History does not repeat,\" he said." },
		{ "He works (he said so.) at home. She is at Yahoo! in town.",
		  "He works (he said so.) at home. | She is at Yahoo! in town." },
		{ "One habit weakened . . . was that of words. . . . The practice was not abandoned.",
		  "One habit weakened . . . was that of words. | . . . The practice was not abandoned." },
		{ "\"It is a long game.\" -Matthew Ingram", "\"It is a long game.\" -Matthew Ingram" },
		/* lists */
		{ "1. The first item 2. The second item", "1. The first item | 2. The second item" },
		{ "a) one thing b) another thing", "a) one thing | b) another thing" },
		/* paragraphs: blank lines, one per line, hard wraps, debris */
		{ "It was a cold\nnight in the city.", "It was a cold night in the city." },
		{ "![]() |\nNATO (search) met today.\nWAR.WIRE |\n", "NATO (search) met today." },
		{ "NATO Chief\nBy John Smith\nBRUSSELS, Belgium (AP) -- NATO met today, and "
		  "officials said nothing was decided, which surprised nobody at all.",
		  "NATO Chief | By John Smith | BRUSSELS, Belgium (AP) -- NATO met today, and "
		  "officials said nothing was decided, which surprised nobody at all." },
		{ "Home | World | Sports\n* * *\n--\nText.", "Text." },
		{ "_____\n\n:)\n", "_____ | :)" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
		CHECK_STR(split_str(sp, &d, cases[k][0]), cases[k][1]);
	CHECK_STR(split_str(sp, &d, "First para here.\n\nSecond one"), "First para here. | Second one");
	CHECK(d.nsents == 2 && d.sents[0].para == 1 && d.sents[1].para == 2);
	/* white space: no-break spaces, CRLF, a BOM */
	CHECK_STR(split_str(sp, &d, "\xEF\xBB\xBFOne.\xC2\xA0Two.\r\n\r\nThree.\r\n"),
	          "One. | Two. | Three.");
	CHECK(d.nsents == 3 && d.sents[0].start == 3 && d.sents[1].start == 9 &&
	      d.sents[2].start == 17 && d.sents[2].end == 23 && d.sents[2].para == 2);
	set_text(&d, "One.\xC2\xA0Two.", 10);
	news_split_doc(sp, &d);
	CHECK(d.nsents == 2 && d.sents[0].end == 4 && d.sents[1].start == 6);
	/* bad bytes never crash and offsets stay in the text */
	static const char bad[] = "Bad \xff\xfe bytes.\0 NUL here. \xE2\x80 cut \xE2";
	set_text(&d, bad, sizeof bad - 1);
	news_split_doc(sp, &d);
	CHECK(d.nsents >= 1);
	for (size_t k = 0; k < d.nsents; k++)
		CHECK(d.sents[k].start < d.sents[k].end && d.sents[k].end <= sizeof bad - 1);
	set_text(&d, "", 0);
	news_split_doc(sp, &d);
	CHECK(d.nsents == 0);
	set_text(&d, " \n\xC2\xA0\n", 4);
	news_split_doc(sp, &d);
	CHECK(d.nsents == 0);

	news_doc_free(&d);
	news_splitter_free(sp);
	return unit_status("test_split");
}
