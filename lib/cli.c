#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"

const char news_common_help[] =
	"Input (documents from FILE arguments, or stdin when there are none or FILE is -):\n"
	"      --stream            input is a newsutils stream (detected by default)\n"
	"      --lines             each input line is one document, id FILE:LINE\n"
	"      --csv               CSV with a header row; columns chosen below\n"
	"      --tsv               linear TSV with a header row; columns chosen below\n"
	"      --id-column NAME    column of the document id (default id)\n"
	"      --text-column NAME  column of the text (default text)\n"
	"      --date-column NAME  column of the publication date (default date)\n"
	"      --cluster-column NAME  column of the story key (default cluster)\n"
	"      --title-column NAME column of the title (default title)\n"
	"      --date DATE         publication date of every document (YYYY-MM-DD[THH:MM])\n"
	"      --cluster KEY       story key of every document\n"
	"Output:\n"
	"      --header            print a header line first\n"
	"      --line-buffered     flush every line (for tail -f pipelines)\n"
	"      --help              print this help and exit\n"
	"      --version           print the version and exit\n";

static void vmessage(const char *prog, const char *fmt, va_list ap)
{
	int saved = errno;
	fflush(stdout);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	size_t n = strlen(fmt);
	if (n && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void news_warn(const char *prog, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(prog, fmt, ap);
	va_end(ap);
}

void news_die(const char *prog, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(prog, fmt, ap);
	va_end(ap);
	exit(status);
}

void news_cli_init(struct news_cli *c, const char *prog, const char *synopsis,
                   const char *summary, const char *options_help)
{
	memset(c, 0, sizeof *c);
	c->prog = prog;
	c->synopsis = synopsis;
	c->summary = summary;
	c->options_help = options_help;
	news_input_opts_init(&c->in);
}

void news_cli_usage_error(const struct news_cli *c, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vmessage(c->prog, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "%s\nTry '%s --help' for more information.\n", c->synopsis, c->prog);
	exit(2);
}

static void help(const struct news_cli *c)
{
	printf("%s\n%s\n\n", c->synopsis, c->summary);
	if (c->options_help)
		printf("Options:\n%s", c->options_help);
	/* --text is an input format unless the program took the name */
	const char *input = strstr(news_common_help, "Input");
	const char *next_line = strchr(input, '\n') + 1;
	fwrite(news_common_help, 1, (size_t)(next_line - news_common_help), stdout);
	if (!c->own_text_option)
		fputs("      --text              each FILE is one plain-text document (default for text)\n", stdout);
	fputs(next_line, stdout);
	printf("\nExit status: 0 on success, 1 when an input was bad or output failed, 2 on bad usage.\n"
	       "See %s(1) and newsutils(7).\n", c->prog);
}

int news_cli_option(struct news_cli *c, int opt, const char *arg)
{
	switch (opt) {
	case NEWS_OPT_HELP:
		help(c);
		exit(news_cli_finish(c, 0));
	case NEWS_OPT_VERSION:
		printf("%s (newsutils) %s\n", c->prog, NEWS_VERSION);
		exit(news_cli_finish(c, 0));
	case NEWS_OPT_HEADER: c->header = 1; return 1;
	case NEWS_OPT_LINE_BUFFERED: c->line_buffered = 1; return 1;
	case NEWS_OPT_LINES: c->in.format = NEWS_IN_LINES; return 1;
	case NEWS_OPT_CSV: c->in.format = NEWS_IN_CSV; return 1;
	case NEWS_OPT_TSV: c->in.format = NEWS_IN_TSV; return 1;
	case NEWS_OPT_STREAM: c->in.format = NEWS_IN_STREAM; return 1;
	case NEWS_OPT_TEXT:
		if (c->own_text_option)
			return 0;
		c->in.format = NEWS_IN_TEXT;
		return 1;
	case NEWS_OPT_ID_COL: c->in.id_col = arg; return 1;
	case NEWS_OPT_TEXT_COL: c->in.text_col = arg; return 1;
	case NEWS_OPT_DATE_COL: c->in.date_col = arg; return 1;
	case NEWS_OPT_CLUSTER_COL: c->in.cluster_col = arg; return 1;
	case NEWS_OPT_TITLE_COL: c->in.title_col = arg; return 1;
	case NEWS_OPT_DATE:
		if (!news_date_valid(arg))
			news_cli_usage_error(c, "invalid date '%s' (want YYYY-MM-DD or YYYY-MM-DDTHH:MM)", arg);
		c->in.date = arg;
		return 1;
	case NEWS_OPT_CLUSTER:
		if (strpbrk(arg, "\t\n\r"))
			news_cli_usage_error(c, "invalid cluster key (TAB, CR or LF in it)");
		c->in.cluster = arg;
		return 1;
	}
	return 0;
}

long news_cli_cpus(long max)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > max ? max : n;
}

long news_cli_long(const struct news_cli *c, const char *opt, const char *arg,
                   long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		news_cli_usage_error(c, "invalid %s '%s' (want a number from %ld to %ld)", opt, arg, min, max);
	return v;
}

void news_cli_start(const struct news_cli *c)
{
	/* A closed pipe ends us quietly, as it does cat, even when the parent
	 * left SIGPIPE ignored. */
	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, NULL, c->line_buffered ? _IOLBF : _IOFBF, 1 << 16);
	if (c->header) {
		/* flushed at once so the next program in the pipe starts early */
		puts(NEWS_HEADER);
		fflush(stdout);
	}
}

int news_cli_finish(const struct news_cli *c, int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		news_warn(c->prog, "write error:");
		fclose(stdout);
		return 1;
	}
	if (fclose(stdout) != 0) {
		news_warn(c->prog, "write error:");
		return 1;
	}
	return status;
}
