/* input: documents in, whatever form they arrive in.
 *
 * Every program reads documents the same way: plain-text files named as
 * arguments (id = the path as given), stdin as `-`, --lines (each line is a
 * document, id NAME:LINE), --csv and --tsv with a header row naming columns,
 * or a newsutils stream (recognised by its first record being a doc record,
 * or forced with --stream). Text documents are split into sentences on the
 * way in, so every program can start from plain files. A file that cannot be
 * read or a malformed record is reported as `prog: FILE:LINE: what` and the
 * reader goes on with the next; news_reader_status() then returns 1. */
#ifndef NEWS_INPUT_H
#define NEWS_INPUT_H

#include "doc.h"

enum news_in_format {
	NEWS_IN_AUTO,     /* stream if it starts with a doc record, else text */
	NEWS_IN_TEXT,     /* each file one document */
	NEWS_IN_LINES,    /* each line one document */
	NEWS_IN_CSV,
	NEWS_IN_TSV,
	NEWS_IN_STREAM
};

struct news_input_opts {
	enum news_in_format format;
	const char *id_col, *text_col, *date_col, *cluster_col, *title_col;
	const char *date;      /* --date: anchor for every document */
	const char *cluster;   /* --cluster: story key for every document */
	/* The record kind the program writes (e.g. "date"): records of that kind
	 * already in a stream are dropped on the way in, so running a filter
	 * twice gives what running it once gives. NULL keeps everything. */
	const char *owned_kind;
};

void news_input_opts_init(struct news_input_opts *o);

struct news_reader;

/* files[0..nfiles) are the operands; none means stdin. prog is for messages. */
struct news_reader *news_reader_open(const char *prog,
                                     const struct news_input_opts *o,
                                     char *const *files, int nfiles);
/* Fill d with the next document (d is reset first). 1: a document; 0: end. */
int news_reader_next(struct news_reader *r, struct news_doc *d);
/* 0 when every input was read cleanly, 1 otherwise. */
int news_reader_status(const struct news_reader *r);
void news_reader_close(struct news_reader *r);

/* Validate a --date value (YYYY-MM-DD or YYYY-MM-DDTHH:MM). */
int news_date_valid(const char *s);

#endif
