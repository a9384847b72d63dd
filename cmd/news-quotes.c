/* news-quotes: a quote record for every quotation and reported clause,
 * attributed to its speaker (lib/quote.h does the work). Entity records
 * already in the stream give speakers their canonical names. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doc.h"
#include "input.h"
#include "quote.h"
#include "record.h"

enum { OPT_KIND = NEWS_OPT_PROGRAM, OPT_THREADS };

/* The entity records of a document, their values kept in one arena. */
struct entities {
	struct quote_entity *e;
	size_t n, cap;
	size_t *value_off;
	size_t voff_cap;
	struct nbuf values;
	struct news_fields fields;
};

static void collect_entities(struct entities *es, const struct news_doc *d)
{
	es->n = 0;
	nbuf_clear(&es->values);
	for (size_t i = 0; i < d->nrecs; i++) {
		const struct news_record *r = &d->recs[i];
		if (r->is_sentence || r->added)
			continue;
		news_fields_split(&es->fields, news_record_line(d, r), r->line_len);
		if (!news_field_is(news_field_get(&es->fields, NEWS_F_KIND), "entity"))
			continue;
		if (r->end <= r->start || r->end > d->text.len)
			continue;
		NEWS_GROW(es->e, es->cap, es->n + 1);
		NEWS_GROW(es->value_off, es->voff_cap, es->n + 1);
		struct quote_entity *e = &es->e[es->n];
		e->start = r->start;
		e->end = r->end;
		e->is_person = news_field_is(news_field_get(&es->fields, NEWS_F_LABEL), "PERSON");
		es->value_off[es->n] = es->values.len;
		news_field_unescape(news_field_get(&es->fields, NEWS_F_VALUE), &es->values);
		e->value_len = es->values.len - es->value_off[es->n];
		es->n++;
	}
	/* the arena has stopped growing: now the pointers hold */
	for (size_t i = 0; i < es->n; i++)
		es->e[i].value = es->values.data + es->value_off[i];
}

static void entities_free(struct entities *es)
{
	free(es->e);
	free(es->value_off);
	nbuf_free(&es->values);
	news_fields_free(&es->fields);
}

/* --kind direct,mixed: which kinds to write (bits of 1 << quote_kind). */
static unsigned parse_kinds(const struct news_cli *cli, const char *arg)
{
	unsigned kinds = 0;
	const char *p = arg;
	while (*p) {
		size_t n = strcspn(p, ",");
		if (n == 6 && memcmp(p, "direct", 6) == 0)
			kinds |= 1u << QUOTE_DIRECT;
		else if (n == 5 && memcmp(p, "mixed", 5) == 0)
			kinds |= 1u << QUOTE_MIXED;
		else if (n == 8 && memcmp(p, "indirect", 8) == 0)
			kinds |= 1u << QUOTE_INDIRECT;
		else
			news_cli_usage_error(cli, "--kind: '%.*s' is not direct, mixed or indirect",
			                     (int)n, p);
		p += n;
		if (*p == ',')
			p++;
	}
	if (!kinds)
		news_cli_usage_error(cli, "--kind needs at least one kind");
	return kinds;
}

static void add_quotes(struct news_doc *d, const struct quote_list *l, unsigned kinds,
                       struct nbuf *scratch)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct quote *q = &l->q[i];
		if (!(kinds & (1u << q->kind)))
			continue;
		/* extras: mention as written, cue, mention start, mention end */
		nbuf_clear(scratch);
		size_t off[4], len[4];
		int have_spk = q->spk_start != QUOTE_NONE;
		off[0] = scratch->len;
		if (have_spk)
			nbuf_add(scratch, d->text.data + q->spk_start, q->spk_end - q->spk_start);
		len[0] = scratch->len - off[0];
		nbuf_addc(scratch, '\0');
		off[1] = scratch->len;
		if (q->cue_start != QUOTE_NONE)
			nbuf_add(scratch, d->text.data + q->cue_start, q->cue_end - q->cue_start);
		len[1] = scratch->len - off[1];
		nbuf_addc(scratch, '\0');
		off[2] = scratch->len;
		if (have_spk)
			nbuf_addu(scratch, q->spk_start);
		len[2] = scratch->len - off[2];
		nbuf_addc(scratch, '\0');
		off[3] = scratch->len;
		if (have_spk)
			nbuf_addu(scratch, q->spk_end);
		len[3] = scratch->len - off[3];
		nbuf_addc(scratch, '\0');
		/* a mention or cue may hold a NUL byte: lengths keep it whole */
		const char *extra[4];
		for (int k = 0; k < 4; k++)
			extra[k] = len[k] ? scratch->data + off[k] : NULL;
		long sent = news_doc_sentence_at(d, q->start);
		const char *kind = quote_kind_name(q->kind);
		news_doc_addv(d, sent, "quote", q->start, q->end, kind, strlen(kind),
		              l->names.data + q->name_off, q->name_len, extra, len, 4);
	}
}

int main(int argc, char **argv)
{
	struct news_cli cli;
	news_cli_init(&cli, "news-quotes",
	              "usage: news-quotes [--kind KINDS] [--threads N] [--header] [--lines | --csv | --tsv | --stream | --text]\n"
	              "                   [--date DATE] [--cluster KEY] [--COLUMN-column NAME] [file ...]",
	              "Find quotations and reported speech and attribute each to its speaker: a\n"
	              "quote record (direct, mixed or indirect) whose value is the speaker's name.",
	              "      --kind KINDS        write only these kinds: direct, mixed, indirect,\n"
	              "                          comma-separated (default: all three)\n"
	              "      --threads N         use up to N threads on a long document (over\n"
	              "                          256 KB; default: the online CPUs, at most 2);\n"
	              "                          the output is the same whatever N\n");
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, OPT_KIND},
		{"threads", required_argument, NULL, OPT_THREADS},
		NEWS_COMMON_LONGOPTS, {0, 0, 0, 0}};
	unsigned kinds = (1u << QUOTE_DIRECT) | (1u << QUOTE_MIXED) | (1u << QUOTE_INDIRECT);
	/* Two threads is all quote_find() can use: one tokenizes while the
	 * other runs the rules. */
	long threads = news_cli_cpus(2);
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (news_cli_option(&cli, c, optarg))
			continue;
		switch (c) {
		case OPT_KIND:
			kinds = parse_kinds(&cli, optarg);
			break;
		case OPT_THREADS:
			threads = news_cli_long(&cli, "--threads", optarg, 1, 1024);
			break;
		default:
			news_cli_usage_error(&cli, NULL);
		}
	}
	news_cli_start(&cli);
	/* quote records in the input are this program's: replace them */
	cli.in.owned_kind = "quote";

	struct news_reader *in = news_reader_open(cli.prog, &cli.in, argv + optind, argc - optind);
	struct news_doc doc;
	news_doc_init(&doc);
	struct quote_finder *qf = quote_finder_new();
	quote_finder_set_threads(qf, (int)threads);
	struct quote_list quotes;
	quote_list_init(&quotes);
	struct entities ents;
	memset(&ents, 0, sizeof ents);
	struct nbuf scratch = {0};
	while (news_reader_next(in, &doc)) {
		collect_entities(&ents, &doc);
		quote_find(qf, doc.text.data, doc.text.len, doc.sents, doc.nsents, ents.e, ents.n,
		           &quotes);
		add_quotes(&doc, &quotes, kinds, &scratch);
		news_doc_write(&doc, stdout);
	}
	int status = news_reader_status(in);
	news_reader_close(in);
	news_doc_free(&doc);
	quote_finder_free(qf);
	quote_list_free(&quotes);
	entities_free(&ents);
	nbuf_free(&scratch);
	return news_cli_finish(&cli, status);
}
