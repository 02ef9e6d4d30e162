/* import_md.c: a Markdown document's question headings read into entries
 * (see import_md.h). A project's README keeps its FAQ as one section among
 * others ("## Installation", "## FAQ" over "### How do I ...?", "##
 * License"), so only a heading that asks is a question, at the level where
 * most headings ask; any heading as high or higher ends its answer (the
 * next section is no part of it), a deeper one stays in it. Headings inside
 * fenced code are code ("# comment?" in a shell example). */
#include "import_md.h"

#include <stdlib.h>
#include <string.h>

#include "corpus_parse.h"
#include "utf8.h"

#define MD_LEVELS 6

typedef struct heading {
    unsigned line;           /* 1-based */
    int level;               /* 1..6 */
    const char *s;           /* its text, without the '#'s and blanks */
    size_t n;
    size_t start, after;     /* offsets: the heading's line, the line after it */
} heading;

/* An ATX heading ("### text", up to three spaces before): its level, and
 * its text in *s, *n without a closing '#' run; 0 if p[0..n) is none. */
static int atx(const char *p, size_t n, const char **s, size_t *sn)
{
    size_t i = 0;
    while (i < n && i < 3 && p[i] == ' ')
        i++;
    int level = 0;
    while (i < n && p[i] == '#' && level <= MD_LEVELS)
        i++, level++;
    if (!level || level > MD_LEVELS || (i < n && p[i] != ' ' && p[i] != '\t'))
        return 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t e = n;
    while (e > i && strchr(" \t\r", p[e - 1]))
        e--;
    size_t h = e;
    while (h > i && p[h - 1] == '#')
        h--;
    if (h == i || p[h - 1] == ' ' || p[h - 1] == '\t')   /* a closing run: "## Q? ##" */
        for (e = h; e > i && (p[e - 1] == ' ' || p[e - 1] == '\t');)
            e--;
    *s = p + i;
    *sn = e - i;
    return level;
}

/* The text without emphasis or code marks around it ("**Why?**"). */
static void unwrap(const char **s, size_t *n)
{
    while (*n && strchr("*_`", (*s)[0]))
        (*s)++, (*n)--;
    while (*n && strchr("*_`", (*s)[*n - 1]))
        (*n)--;
}

/* Does the heading's text ask: a '?' at its end, maybe inside quotes? */
static int asks(const char *s, size_t n)
{
    unwrap(&s, &n);
    while (n && strchr("\"')", s[n - 1]))
        n--;
    return n && s[n - 1] == '?';
}

/* The headings of text outside fenced code into *out (the caller frees
 * it); their number, or -1 when memory runs out. */
static long find_headings(const char *text, size_t len, heading **out)
{
    heading *h = NULL;
    size_t nh = 0, cap = 0;
    char fence_ch = 0;
    size_t fence = 0;
    unsigned line = 0;
    for (size_t off = 0; off < len;) {
        const char *p = text + off;
        const char *eol = memchr(p, '\n', len - off);
        size_t n = eol ? (size_t)(eol - p) : len - off;
        size_t next = off + n + (eol != NULL);
        line++;
        char ch = 0;
        int bare = 0;
        size_t run = corpus_md_fence(p, n, &ch, &bare);
        const char *s;
        size_t sn;
        int level;
        if (fence) {
            if (run >= fence && ch == fence_ch && bare)
                fence = 0;
        } else if (run) {
            fence = run, fence_ch = ch;
        } else if ((level = atx(p, n, &s, &sn)) != 0) {
            if (nh == cap) {
                heading *nw = realloc(h, (cap = cap ? cap * 2 : 32) * sizeof *nw);
                if (!nw) {
                    free(h);
                    return -1;
                }
                h = nw;
            }
            h[nh++] = (heading){line, level, s, sn, off, next};
        }
        off = next;
    }
    *out = h;
    return (long)nh;
}

/* text[a..b) without its blank lines and trailing blanks at either end, nor
 * a closing rule ("---" between one question and the next). */
static void trim_answer(const char *text, size_t *a, size_t *b)
{
    for (;;) {
        size_t e = *a;
        while (e < *b && strchr(" \t\r", text[e]))
            e++;
        if (e < *b && text[e] == '\n')
            *a = e + 1;
        else
            break;
    }
    for (;;) {
        while (*b > *a && strchr(" \t\r\n", text[*b - 1]))
            (*b)--;
        size_t s = *b;
        while (s > *a && text[s - 1] != '\n')
            s--;
        if (s == *b)
            return;   /* nothing left: no byte at s to read */
        size_t marks = 0;
        char c = text[s];
        for (size_t i = s; i < *b; i++) {
            if (text[i] == c && strchr("-*_", c))
                marks++;
            else if (text[i] != ' ' && text[i] != '\t')
                return;
        }
        if (marks < 3)
            return;
        *b = s;
    }
}

int import_markdown_asks(const char *text, size_t len)
{
    heading *h = NULL;
    long nh = find_headings(text, len, &h);
    int found = 0;
    for (long k = 0; k < nh && !found; k++)
        found = asks(h[k].s, h[k].n);
    free(h);
    return found;
}

int import_markdown(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
    heading *h = NULL;
    long nh = find_headings(text, len, &h);
    if (nh < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t count[MD_LEVELS + 1] = {0};
    int level = 0;
    for (long k = 0; k < nh; k++)
        if (asks(h[k].s, h[k].n) && ++count[h[k].level] > count[level])
            level = h[k].level;
    /* the shallowest level of the most asking headings */
    for (int l = 1; l < level; l++)
        if (count[l] == count[level])
            level = l;
    for (long k = 0; level && k < nh; k++) {
        if (h[k].level != level || !asks(h[k].s, h[k].n))
            continue;
        size_t a = h[k].after, b = len;
        for (long j = k + 1; j < nh; j++)
            if (h[j].level <= level) {
                b = h[j].start;
                break;
            }
        trim_answer(text, &a, &b);
        const char *q = h[k].s;
        size_t qn = h[k].n;
        unwrap(&q, &qn);
        if (a >= b) {
            if (import_doc_note(doc, h[k].line, 1, "\"%.*s\" has no answer: left out",
                                (int)utf8_cut(q, qn, 80), q) != 0)
                goto oom;
            continue;
        }
        import_entry *e = import_doc_add(doc);
        if (!e || !(e->question = strndup(q, qn)) || !(e->answer = strndup(text + a, b - a)))
            goto oom;
    }
    free(h);
    return import_doc_found(doc, "question headings (lines like \"## How do I ...?\", each followed by its answer)",
                            err, errlen);
oom:
    snprintf(err, errlen, "out of memory");
    free(h);
    return -1;
}
