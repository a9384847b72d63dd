/* news-dates: a date record for every temporal expression, with its TIMEX3
 * value resolved against the document's anchor (the doc record's date, or a
 * dateline at the top of the article). */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "doc.h"
#include "input.h"
#include "timex.h"

enum { OPT_NO_DATELINE = NEWS_OPT_PROGRAM };

/* The anchor of one document and the extra field that names it. */
static void doc_anchor(struct timex_engine *e, struct timex_state *st, const struct news_doc *d,
                       int use_dateline, struct timex_anchor *a, char *name, size_t n)
{
	memset(a, 0, sizeof *a);
	if (d->date.len && timex_anchor_parse(a, d->date.data, d->date.len)) {
		snprintf(name, n, "dct:%.*s", (int)d->date.len, d->date.data);
		return;
	}
	if (use_dateline && timex_find_dateline(e, st, d->text.data, d->text.len, a)) {
		snprintf(name, n, "dateline:%04d-%02d-%02d", a->y, a->m, a->d);
		return;
	}
	memset(a, 0, sizeof *a);
	snprintf(name, n, "none");
}

/* Add the results from index from on as date records; sent is the
 * sentence they were found in (0: look it up). Returns the next index. */
static size_t add_results(struct news_doc *d, const struct timex_state *st, size_t from,
                          long sent, const char *anchor_name)
{
	size_t n;
	const struct timex_result *r = timex_results(st, &n);
	for (size_t i = from; i < n; i++) {
		const char *extra[2] = {anchor_name, r[i].mod};
		const struct news_sentence *s = sent ? &d->sents[sent - 1] : NULL;
		long k = s && s->start <= r[i].start && r[i].start < s->end ? sent
		         : news_doc_sentence_at(d, r[i].start);
		news_doc_add(d, k, "date", r[i].start, r[i].end, timex_type_name(r[i].type),
		             r[i].value, extra, 2);
	}
	return n;
}

static void process(struct timex_engine *e, struct timex_state *st, struct news_doc *d,
                    int use_dateline)
{
	struct timex_anchor a;
	char anchor_name[64];
	timex_state_reset(st);
	doc_anchor(e, st, d, use_dateline, &a, anchor_name, sizeof anchor_name);
	if (d->nsents == 0) {
		timex_find(e, st, d->text.data, 0, d->text.len, &a);
		add_results(d, st, 0, 0, anchor_name);
		return;
	}
	/* With the sentences in order (as the splitter makes them), a result
	 * of sentence i lies in it and nowhere before it: its number needs no
	 * search over the document's sentences. */
	int ordered = 1;
	for (size_t i = 0; i < d->nsents && ordered; i++)
		ordered = d->sents[i].start <= d->sents[i].end
		          && (i == 0 || d->sents[i].start >= d->sents[i - 1].end);
	size_t from = 0;
	for (size_t i = 0; i < d->nsents; i++) {
		timex_find(e, st, d->text.data, d->sents[i].start, d->sents[i].end, &a);
		from = add_results(d, st, from, ordered ? (long)i + 1 : 0, anchor_name);
	}
}

int main(int argc, char **argv)
{
	struct news_cli cli;
	news_cli_init(&cli, "news-dates",
	              "usage: news-dates [--header] [--lines | --csv | --tsv | --stream | --text]\n"
	              "                  [--date DATE] [--no-dateline] [--COLUMN-column NAME] [file ...]",
	              "Find temporal expressions (dates, times, durations, sets) and add a date\n"
	              "record for each, its TIMEX3 value resolved against the document's date.",
	              "  --no-dateline        without a document date, do not look for a dateline;\n"
	              "                       relative expressions then get underspecified values\n");
	static const struct option longopts[] = {
		{"no-dateline", no_argument, NULL, OPT_NO_DATELINE},
		NEWS_COMMON_LONGOPTS, {0, 0, 0, 0}};
	int c, use_dateline = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (news_cli_option(&cli, c, optarg))
			continue;
		switch (c) {
		case OPT_NO_DATELINE: use_dateline = 0; break;
		default: news_cli_usage_error(&cli, NULL);
		}
	}
	cli.in.owned_kind = "date";
	news_cli_start(&cli);

	struct news_reader *in = news_reader_open(cli.prog, &cli.in, argv + optind, argc - optind);
	struct news_doc doc;
	news_doc_init(&doc);
	struct timex_engine *e = timex_engine_new();
	struct timex_state *st = timex_state_new();
	while (news_reader_next(in, &doc)) {
		process(e, st, &doc, use_dateline);
		news_doc_write(&doc, stdout);
	}
	int status = news_reader_status(in);
	news_reader_close(in);
	news_doc_free(&doc);
	timex_state_free(st);
	timex_engine_free(e);
	return news_cli_finish(&cli, status);
}
