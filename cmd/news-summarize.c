/* news-summarize: an extractive summary of each story in the stream.
 *
 * Documents pass through unchanged as they arrive; consecutive documents with
 * the same cluster key (the doc record's label) form a story, and after a
 * story's last document come its summary records: the chosen sentences, each
 * with its rank and the ids of the documents that say the same thing. With
 * --text only the summaries are printed, one sentence a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "doc.h"
#include "escape.h"
#include "input.h"
#include "summ.h"

enum { OPT_WORDS = NEWS_OPT_PROGRAM, OPT_SENTENCES, OPT_BYTES };

static const char options_help[] =
	"      --words N           at most N words a summary (default 100 when no budget is given)\n"
	"      --sentences N       at most N sentences a summary\n"
	"      --bytes N           at most N bytes of summary text (separators not counted)\n"
	"      --text              print only the summaries, one sentence a line, white space\n"
	"                          tidied, link remnants such as (search) left out, a blank\n"
	"                          line between stories\n";

struct run {
	struct summ *summ;
	struct summ_budget budget;
	int text_only;
	size_t stories;          /* summaries written, for --text separators */
	struct nbuf line;        /* output scratch */
};

/* The summary of the buffered story, as records or as text. */
static void flush_story(struct run *r, FILE *out)
{
	if (!summ_ndocs(r->summ))
		return;
	const struct summ_pick *picks;
	size_t n = summ_run(r->summ, &r->budget, &picks);
	if (r->text_only && n && r->stories++)
		fputc('\n', out);
	for (size_t i = 0; i < n; i++) {
		const struct summ_pick *p = &picks[i];
		size_t id_len, text_len;
		const char *id = summ_doc_id(r->summ, p->doc, &id_len);
		const char *text = summ_doc_text(r->summ, p->doc, &text_len);
		struct nbuf *b = &r->line;
		nbuf_clear(b);
		if (r->text_only) {
			summ_readable(b, text + p->start, p->end - p->start);
			nbuf_addc(b, '\n');
			fwrite(b->data, 1, b->len, out);
			continue;
		}
		for (size_t k = 0; k < p->nsupport; k++) {
			size_t sl;
			const char *sid = summ_doc_id(r->summ, p->support[k], &sl);
			if (k)
				nbuf_addc(b, ',');
			nbuf_add(b, sid, sl);
		}
		char rank[24];
		int rank_len = snprintf(rank, sizeof rank, "%ld", p->rank);
		struct news_loose_record rec = {
			id, id_len, (long)p->sent, "summary", p->start, p->end,
			text + p->start, p->end - p->start, rank, (size_t)rank_len,
			b->data, b->len, NULL, 0};
		news_record_write(&rec, out);
	}
	summ_clear(r->summ);
}

int main(int argc, char **argv)
{
	struct news_cli cli;
	news_cli_init(&cli, "news-summarize",
	              "usage: news-summarize [--words N] [--sentences N] [--bytes N] [--text] [--header]\n"
	              "                      [--lines | --csv | --tsv | --stream] [--date DATE]\n"
	              "                      [--cluster KEY] [--COLUMN-column NAME] [file ...]",
	              "Summarize each story (consecutive documents with one cluster key): the\n"
	              "records pass through, then the story's summary records follow, each a\n"
	              "chosen sentence with its rank and the documents that say the same.",
	              options_help);
	cli.own_text_option = 1;
	static const struct option longopts[] = {
		{"words", required_argument, NULL, OPT_WORDS},
		{"sentences", required_argument, NULL, OPT_SENTENCES},
		{"bytes", required_argument, NULL, OPT_BYTES},
		NEWS_COMMON_LONGOPTS,
		{0, 0, 0, 0}
	};
	struct run r;
	memset(&r, 0, sizeof r);
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (news_cli_option(&cli, c, optarg))
			continue;
		switch (c) {
		case OPT_WORDS:
			r.budget.words = news_cli_long(&cli, "--words", optarg, 1, 100000000);
			break;
		case OPT_SENTENCES:
			r.budget.sentences = news_cli_long(&cli, "--sentences", optarg, 1, 100000000);
			break;
		case OPT_BYTES:
			r.budget.bytes = news_cli_long(&cli, "--bytes", optarg, 1, 1000000000);
			break;
		case NEWS_OPT_TEXT:
			r.text_only = 1;
			break;
		default:
			news_cli_usage_error(&cli, NULL);
		}
	}
	if (!r.budget.words && !r.budget.sentences && !r.budget.bytes)
		r.budget.words = 100;
	r.summ = summ_new();
	if (!r.summ)
		news_die(cli.prog, 1, "the Snowball English stemmer is not available");
	if (r.text_only)
		cli.header = 0;   /* text has no columns to name */
	cli.in.owned_kind = "summary";
	news_cli_start(&cli);
	struct news_reader *in = news_reader_open(cli.prog, &cli.in, argv + optind, argc - optind);
	struct news_doc d;
	news_doc_init(&d);
	struct nbuf key = {0};
	while (news_reader_next(in, &d)) {
		if (summ_ndocs(r.summ) &&
		    (d.cluster.len != key.len ||
		     (key.len && memcmp(d.cluster.data, key.data, key.len) != 0)))
			flush_story(&r, stdout);
		if (!summ_ndocs(r.summ)) {
			nbuf_clear(&key);
			if (d.cluster.len)
				nbuf_add(&key, d.cluster.data, d.cluster.len);
		}
		summ_add_doc(r.summ, &d);
		if (!r.text_only)
			news_doc_write(&d, stdout);
	}
	flush_story(&r, stdout);
	int status = news_reader_status(in);
	news_reader_close(in);
	news_doc_free(&d);
	nbuf_free(&key);
	nbuf_free(&r.line);
	summ_free(r.summ);
	return news_cli_finish(&cli, status);
}
