/* cli: what every program's command line shares.
 *
 * The common options (--help, --version, --header, the input formats and
 * columns, --date, --cluster, --line-buffered) are parsed here so that every
 * program spells and documents them the same way. Messages follow the GNU
 * form `prog: FILE:LINE: message`; exit status is 0 on success, 1 when an
 * input was bad or output failed, 2 on bad usage. */
#ifndef NEWS_CLI_H
#define NEWS_CLI_H

#include <getopt.h>
#include <stdio.h>
#include "input.h"

#define NEWS_VERSION "0.1.0"

enum {
	NEWS_OPT_HELP = 0x100, NEWS_OPT_VERSION, NEWS_OPT_HEADER, NEWS_OPT_LINES,
	NEWS_OPT_CSV, NEWS_OPT_TSV, NEWS_OPT_STREAM, NEWS_OPT_TEXT,
	NEWS_OPT_ID_COL, NEWS_OPT_TEXT_COL, NEWS_OPT_DATE_COL,
	NEWS_OPT_CLUSTER_COL, NEWS_OPT_TITLE_COL, NEWS_OPT_DATE,
	NEWS_OPT_CLUSTER, NEWS_OPT_LINE_BUFFERED,
	NEWS_OPT_PROGRAM = 0x200     /* programs number their own options from here */
};

/* Put these entries in a program's long-option table (before its {0}). */
#define NEWS_COMMON_LONGOPTS \
	{"help", no_argument, NULL, NEWS_OPT_HELP}, \
	{"version", no_argument, NULL, NEWS_OPT_VERSION}, \
	{"header", no_argument, NULL, NEWS_OPT_HEADER}, \
	{"lines", no_argument, NULL, NEWS_OPT_LINES}, \
	{"csv", no_argument, NULL, NEWS_OPT_CSV}, \
	{"tsv", no_argument, NULL, NEWS_OPT_TSV}, \
	{"stream", no_argument, NULL, NEWS_OPT_STREAM}, \
	{"text", no_argument, NULL, NEWS_OPT_TEXT}, \
	{"id-column", required_argument, NULL, NEWS_OPT_ID_COL}, \
	{"text-column", required_argument, NULL, NEWS_OPT_TEXT_COL}, \
	{"date-column", required_argument, NULL, NEWS_OPT_DATE_COL}, \
	{"cluster-column", required_argument, NULL, NEWS_OPT_CLUSTER_COL}, \
	{"title-column", required_argument, NULL, NEWS_OPT_TITLE_COL}, \
	{"date", required_argument, NULL, NEWS_OPT_DATE}, \
	{"cluster", required_argument, NULL, NEWS_OPT_CLUSTER}, \
	{"line-buffered", no_argument, NULL, NEWS_OPT_LINE_BUFFERED}

/* The help text of the common options, for a program's --help. */
extern const char news_common_help[];

struct news_cli {
	const char *prog;          /* e.g. "news-split" */
	const char *synopsis;      /* usage lines, as in the man page SYNOPSIS */
	const char *summary;       /* one line: what the program does */
	const char *options_help;  /* the program's own options, may be NULL */
	struct news_input_opts in;
	int header;
	int line_buffered;
	/* With NEWS_OPT_TEXT the program's --text is its own option, not input
	 * format (news-summarize prints text); set to 1 to leave it unhandled. */
	int own_text_option;
};

void news_cli_init(struct news_cli *c, const char *prog, const char *synopsis,
                   const char *summary, const char *options_help);
/* Handle a common option; returns 1 if opt was one. --help and --version
 * print and exit 0; a bad value exits 2. */
int news_cli_option(struct news_cli *c, int opt, const char *arg);
/* Bad usage: message, the usage lines and a hint on stderr, exit 2. */
_Noreturn void news_cli_usage_error(const struct news_cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Set up stdout (buffering, SIGPIPE default) and print the header if asked. */
void news_cli_start(const struct news_cli *c);
/* Flush and close stdout; returns status, or 1 when writing failed (with a
 * message). Call as: return news_cli_finish(&cli, status); */
int news_cli_finish(const struct news_cli *c, int status);

/* Messages: `prog: message` on stderr (a trailing ':' in fmt appends
 * strerror(errno)). */
void news_warn(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void news_die(const char *prog, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The default of a --threads option: the online CPUs, 1 to max. */
long news_cli_cpus(long max);

/* Parse a positive integer option value, or exit 2 with a message. */
long news_cli_long(const struct news_cli *c, const char *opt, const char *arg,
                   long min, long max);

#endif
