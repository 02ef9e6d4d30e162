/* import_faq.c: numbered plain-text FAQ to Markdown (see import_faq.h). */
#include "import_faq.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* A section: its number (two levels or more) and title, at the start of a
 * line; the separator may be a no-break space, as in Debian's FAQ. */
#define SECTION_PATTERN "^(\\d+(?:\\.\\d+)+)\\.?\\h+(\\S.*?)\\h*$"

typedef struct line { const char *s; size_t n; } line;

static int blank(line l)
{
    for (size_t i = 0; i < l.n; i++) {
        unsigned char c = (unsigned char)l.s[i];
        if (c == 0xC2 && i + 1 < l.n && (unsigned char)l.s[i + 1] == 0xA0) {
            i++;
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\r')
            return 0;
    }
    return 1;
}

/* Indented: starts with a space, a tab or a no-break space. */
static int indented(line l)
{
    return l.n && (l.s[0] == ' ' || l.s[0] == '\t' ||
                   (l.n > 1 && (unsigned char)l.s[0] == 0xC2 && (unsigned char)l.s[1] == 0xA0));
}

/* Print l without its leading blanks, no-break spaces as spaces. */
static void put_trimmed(FILE *out, line l)
{
    size_t i = 0;
    while (i < l.n) {
        if (l.s[i] == ' ' || l.s[i] == '\t')
            i++;
        else if (i + 1 < l.n && (unsigned char)l.s[i] == 0xC2 && (unsigned char)l.s[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    size_t end = l.n;
    while (end > i && (l.s[end - 1] == ' ' || l.s[end - 1] == '\r'))
        end--;
    for (; i < end; i++) {
        if (i + 1 < end && (unsigned char)l.s[i] == 0xC2 && (unsigned char)l.s[i + 1] == 0xA0) {
            fputc(' ', out);
            i++;
        } else {
            fputc(l.s[i], out);
        }
    }
}

int import_numbered_faq(const char *text, size_t len, const char *title, const char *prefix,
                        FILE *out, char *err, size_t errlen)
{
    if (!utf8_valid(text, len)) {
        snprintf(err, errlen, "the text is not valid UTF-8");
        return -1;
    }
    size_t cap = 1024, n = 0;
    line *lines = malloc(cap * sizeof *lines);
    for (const char *p = text, *end = text + len; lines && p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (n == cap) {
            line *nl = realloc(lines, (cap *= 2) * sizeof *nl);
            if (!nl) {
                free(lines);
                lines = NULL;
                break;
            }
            lines = nl;
        }
        lines[n++] = (line){p, (size_t)((eol ? eol : end) - p)};
        p = eol ? eol + 1 : end;
    }
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)SECTION_PATTERN, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    if (!lines || !md) {
        snprintf(err, errlen, "out of memory");
        free(lines);
        pcre2_match_data_free(md);
        pcre2_code_free(re);
        return -1;
    }
    int entries = 0;
    fprintf(out, "# %s\n", title);
    for (size_t i = 0; i < n;) {
        line l = lines[i];
        if (indented(l) || pcre2_match(re, (PCRE2_SPTR)l.s, l.n, 0, PCRE2_NO_UTF_CHECK, md, NULL) < 0) {
            i++;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        const char *num = l.s + ov[2];
        size_t num_n = ov[3] - ov[2];
        /* the question: the title, and the lines that continue it up to a blank one */
        size_t q_first = i, q_last = i;
        while (q_last + 1 < n && !blank(lines[q_last + 1]) && !indented(lines[q_last + 1]))
            q_last++;
        /* the answer: the indented lines (and blank ones) that follow */
        size_t a_first = q_last + 1, a_last = a_first;
        while (a_last < n && (blank(lines[a_last]) || indented(lines[a_last])))
            a_last++;
        int has_text = 0;
        for (size_t k = a_first; k < a_last; k++)
            has_text |= !blank(lines[k]);
        if (has_text) {
            fprintf(out, "\n## ");
            fwrite(l.s + ov[4], 1, ov[5] - ov[4], out);
            for (size_t k = q_first + 1; k <= q_last; k++) {
                fputc(' ', out);
                put_trimmed(out, lines[k]);
            }
            fprintf(out, " {#%s-%.*s}\n\n", prefix, (int)num_n, num);
            int pending_blank = 0, started = 0;
            for (size_t k = a_first; k < a_last; k++) {
                if (blank(lines[k])) {
                    pending_blank = started;
                    continue;
                }
                if (pending_blank)
                    fputc('\n', out);
                pending_blank = 0;
                started = 1;
                put_trimmed(out, lines[k]);
                fputc('\n', out);
            }
            entries++;
        }
        i = a_last > i ? a_last : i + 1;
    }
    free(lines);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    if (!entries) {
        snprintf(err, errlen, "no numbered sections (lines like \"1.2. Question\") found");
        return -1;
    }
    return entries;
}
