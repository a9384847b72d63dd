/* embed: turn a data file into a C source defining its bytes.
 *
 * usage: embed lib/data/NAME.EXT > NAME.c
 * defines `const char news_data_NAME[]` (NUL-terminated, so lists can be
 * scanned as strings too) and `const size_t news_data_NAME_len`. NAME is the
 * file name up to its first dot, other characters than [A-Za-z0-9_] made '_'.
 * The bytes are written as string literals, which compilers read far faster
 * than lists of integers (a model of megabytes builds in a second). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: embed FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	const char *base = strrchr(argv[1], '/');
	base = base ? base + 1 : argv[1];
	char name[256];
	size_t n = 0;
	for (const char *p = base; *p && *p != '.' && n + 1 < sizeof name; p++)
		name[n++] = isalnum((unsigned char)*p) ? *p : '_';
	name[n] = '\0';
	printf("#include <stddef.h>\nconst char news_data_%s[] =\n\"", name);
	size_t len = 0, col = 0;
	int c, prev_octal = 0;
	while ((c = getc(f)) != EOF) {
		if (col >= 76) {
			fputs("\"\n\"", stdout);
			col = 0;
			prev_octal = 0;
		}
		if (c == '"' || c == '\\') {
			printf("\\%c", c);
			col += 2;
			prev_octal = 0;
		} else if (c >= 32 && c < 127 && !(prev_octal && c >= '0' && c <= '7') && c != '?') {
			putchar(c);
			col++;
			prev_octal = 0;
		} else {
			/* octal escapes take at most three digits; a digit right
			 * after one is escaped too, so it cannot extend it */
			printf("\\%03o", c);
			col += 4;
			prev_octal = 1;
		}
		len++;
	}
	if (ferror(f)) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	printf("\";\nconst size_t news_data_%s_len = %zu;\n", name, len);
	return 0;
}
