/* news-entities: names of people, organisations, places and others, each
 * with one canonical name per real entity across the documents of a story.
 *
 * Documents are buffered a story at a time (consecutive documents with the
 * same cluster key; the whole input when keys are empty, unless
 * --per-document), tagged together (on --threads threads), resolved, then written in
 * order with an entity record after each name's sentence. A story longer
 * than --max-story documents is cut, so memory stays bounded on an archive
 * without cluster keys. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doc.h"
#include "input.h"
#include "ner.h"
#include "ner_util.h"

enum { OPT_PER_DOCUMENT = NEWS_OPT_PROGRAM, OPT_MAX_STORY, OPT_THREADS };

struct story_buf {
	struct news_doc *docs;
	size_t n, cap;
	size_t *sents;
	size_t sents_cap;
};

/* Entity records already in the stream are this program's own: they are
 * replaced, so running news-entities twice gives the same stream. */
static void drop_entities(struct news_doc *d)
{
	size_t k = 0;
	for (size_t i = 0; i < d->nrecs; i++) {
		const struct news_record *r = &d->recs[i];
		const char *line = news_record_line(d, r), *end = line + r->line_len;
		const char *f = memchr(line, '\t', r->line_len);
		f = f ? memchr(f + 1, '\t', (size_t)(end - f - 1)) : NULL;
		if (f && (size_t)(end - f) > 7 && !memcmp(f + 1, "entity\t", 7))
			continue;
		d->recs[k++] = *r;
	}
	d->nrecs = k;
}

/* Tag, resolve and write docs[0..n). */
static void flush_story(const struct ner *ner, struct ner_story *st, struct story_buf *b)
{
	ner_story_reset(st);
	for (size_t i = 0; i < b->n; i++) {
		struct news_doc *d = &b->docs[i];
		if (2 * d->nsents > b->sents_cap) {
			b->sents_cap = 2 * d->nsents + 64;
			b->sents = ner_xrealloc(b->sents, b->sents_cap * sizeof *b->sents);
		}
		for (size_t k = 0; k < d->nsents; k++) {
			b->sents[2 * k] = d->sents[k].start;
			b->sents[2 * k + 1] = d->sents[k].end;
		}
		ner_story_add_doc(ner, st, i, d->text.data, d->text.len, b->sents, d->nsents);
	}
	ner_story_resolve(ner, st);
	for (size_t i = 0; i < b->n; i++)
		drop_entities(&b->docs[i]);
	struct nbuf title = {0};
	for (size_t i = 0; i < ner_story_count(st); i++) {
		const struct ner_mention *m = ner_story_mention(st, i);
		struct news_doc *d = &b->docs[m->doc];
		nbuf_set(&title, d->text.data + m->title_start, m->title_end - m->title_start);
		const char *extra[1] = {title.data};
		const char *label = ner_type_name(m->type), *canon = ner_story_canon(st, i);
		news_doc_addn(d, news_doc_sentence_at(d, m->start), "entity", m->start, m->end,
		              label, strlen(label), canon, strlen(canon), extra, 1);
	}
	nbuf_free(&title);
	for (size_t i = 0; i < b->n; i++)
		news_doc_write(&b->docs[i], stdout);
}

static int same_story(const struct news_doc *a, const struct news_doc *b)
{
	return a->cluster.len == b->cluster.len &&
	       memcmp(a->cluster.data, b->cluster.data, a->cluster.len) == 0;
}

int main(int argc, char **argv)
{
	struct news_cli cli;
	news_cli_init(&cli, "news-entities",
	              "usage: news-entities [--per-document] [--max-story N] [--threads N] [--header]\n"
	              "                     [--lines | --csv | --tsv | --stream | --text]\n"
	              "                     [--date DATE] [--cluster KEY] [--COLUMN-column NAME] [file ...]",
	              "Add an entity record (PERSON, ORG, LOC, MISC) for every name, valued with\n"
	              "the entity's canonical name, the same in every document of a story.",
	              "  --per-document  resolve names within each document, not across a story\n"
	              "  --max-story N   a story is at most N documents (default 1000): memory bound\n"
	              "  --threads N     tag sentences on N threads (default: the online CPUs, at\n"
	              "                  most 8; 1: no threads); the output is the same\n");
	static const struct option longopts[] = {
		{"per-document", no_argument, NULL, OPT_PER_DOCUMENT},
		{"max-story", required_argument, NULL, OPT_MAX_STORY},
		{"threads", required_argument, NULL, OPT_THREADS},
		NEWS_COMMON_LONGOPTS, {0, 0, 0, 0}
	};
	int c, per_doc = 0;
	long max_story = 1000, threads = news_cli_cpus(8);
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (news_cli_option(&cli, c, optarg))
			continue;
		switch (c) {
		case OPT_PER_DOCUMENT: per_doc = 1; break;
		case OPT_MAX_STORY: max_story = news_cli_long(&cli, "--max-story", optarg, 1, 100000000); break;
		case OPT_THREADS: threads = news_cli_long(&cli, "--threads", optarg, 1, NER_MAX_THREADS); break;
		default: news_cli_usage_error(&cli, NULL);
		}
	}
	const char *err = NULL;
	struct ner *ner = ner_new(&err);
	if (!ner)
		news_die(cli.prog, 2, "%s", err);
	news_cli_start(&cli);

	struct news_reader *in = news_reader_open(cli.prog, &cli.in, argv + optind, argc - optind);
	struct ner_story *st = ner_story_new();
	ner_story_set_threads(st, (unsigned)threads);
	struct story_buf b = {0};
	for (;;) {
		if (b.n == b.cap) {
			size_t old = b.cap;
			b.cap = b.cap ? 2 * b.cap : 8;
			b.docs = ner_xrealloc(b.docs, b.cap * sizeof *b.docs);
			for (size_t i = old; i < b.cap; i++)
				news_doc_init(&b.docs[i]);
		}
		if (!news_reader_next(in, &b.docs[b.n]))
			break;
		b.n++;
		if (b.n > 1 && (per_doc || (long)b.n > max_story || !same_story(&b.docs[0], &b.docs[b.n - 1]))) {
			struct news_doc next = b.docs[b.n - 1];
			b.n--;
			flush_story(ner, st, &b);
			/* the new story's first document moves to the front */
			b.docs[b.n] = b.docs[0];
			b.docs[0] = next;
			b.n = 1;
		}
		if (per_doc && b.n == 1) {
			flush_story(ner, st, &b);
			b.n = 0;
		}
	}
	if (b.n)
		flush_story(ner, st, &b);
	int status = news_reader_status(in);
	news_reader_close(in);
	for (size_t i = 0; i < b.cap; i++)
		news_doc_free(&b.docs[i]);
	free(b.docs);
	free(b.sents);
	ner_story_free(st);
	ner_free(ner);
	return news_cli_finish(&cli, status);
}
