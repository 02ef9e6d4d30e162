/* import_faq.c: a numbered plain-text FAQ read into entries (see import_faq.h):
 * "1.2. Question" lines at the start of a line, as in Debian's FAQ, with the
 * answers indented under them or not. Ids come from the section numbers, so
 * that the translations of one document share them. */
#include "import_faq.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

/* A section: its number and title, at the start of a line; the separator
 * may be a no-break space, as in Debian's FAQ. A number of one level ("3.")
 * counts only before a question ("3. ¿Qué es?"): else it is a list item. */
#define SECTION_PATTERN "^(\\d+(?:\\.\\d+)*)\\.?\\h+(\\S.*?)\\h*$"
/* A longer "number" is text, not a section: the id made of it, with its
 * prefix, must stay within FAQ_MAX_ID_BYTES. */
#define SECTION_NUMBER_MAX 32

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

typedef import_text buf;

static void put(buf *b, const char *s, size_t n)
{
    import_text_put(b, s, n);
}

/* l without its leading blanks and trailing spaces, no-break spaces as spaces. */
static void put_trimmed(buf *b, line l)
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
            put(b, " ", 1);
            i++;
        } else {
            put(b, l.s + i, 1);
        }
    }
}

typedef struct sections {
    pcre2_code *re;
    pcre2_match_data *md;
} sections;

/* Is l a section line? Its number and title in ov[2..5]. */
static int is_section(const sections *sc, line l)
{
    if (indented(l) || pcre2_match(sc->re, (PCRE2_SPTR)l.s, l.n, 0, PCRE2_NO_UTF_CHECK, sc->md, NULL) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
    if (ov[3] - ov[2] > SECTION_NUMBER_MAX)
        return 0;
    if (memchr(l.s + ov[2], '.', ov[3] - ov[2]))
        return 1;
    return ov[5] > ov[4] && l.s[ov[5] - 1] == '?';
}

int import_numbered(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
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
    sections sc;
    sc.re = pcre2_compile((PCRE2_SPTR)SECTION_PATTERN, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                          &code, &off, NULL);
    sc.md = sc.re ? pcre2_match_data_create_from_pattern(sc.re, NULL) : NULL;
    int rc = -1;
    buf q = {0}, a = {0};
    if (!lines || !sc.md)
        goto oom;
    for (size_t i = 0; i < n;) {
        line l = lines[i];
        if (!is_section(&sc, l)) {
            i++;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc.md);
        const char *num = l.s + ov[2], *title = l.s + ov[4];
        size_t num_n = ov[3] - ov[2], title_n = ov[5] - ov[4];
        /* the question: the title, and the lines that continue it up to a
         * blank one, unless it ends with its question mark */
        size_t q_last = i;
        while (q_last + 1 < n && !blank(lines[q_last + 1]) && !indented(lines[q_last + 1]) &&
               !is_section(&sc, lines[q_last + 1]))
            q_last++;
        /* the answer: the indented lines (and blank ones) that follow; or,
         * when the first line of text after the question is not indented,
         * every line up to the next section, and then a title ending with
         * its question mark is the whole question */
        size_t k = q_last + 1;
        while (k < n && blank(lines[k]))
            k++;
        int flat = k >= n || !indented(lines[k]);
        if (flat && title[title_n - 1] == '?')
            q_last = i;
        size_t a_first = q_last + 1, a_last = a_first;
        if (flat) {
            while (a_last < n && !is_section(&sc, lines[a_last]))
                a_last++;
        } else {
            while (a_last < n && (blank(lines[a_last]) || indented(lines[a_last])))
                a_last++;
        }
        q.n = a.n = 0;
        put(&q, title, title_n);
        for (size_t j = i + 1; j <= q_last; j++) {
            put(&q, " ", 1);
            put_trimmed(&q, lines[j]);
        }
        int pending_blank = 0;
        for (size_t j = a_first; j < a_last; j++) {
            if (blank(lines[j])) {
                pending_blank = a.n > 0;
                continue;
            }
            if (pending_blank)
                put(&a, "\n", 1);
            pending_blank = 0;
            put_trimmed(&a, lines[j]);
            put(&a, "\n", 1);
        }
        if (q.oom || a.oom)
            goto oom;
        if (a.n) {
            import_entry *e = import_doc_add(doc);
            if (!e)
                goto oom;
            a.s[--a.n] = '\0';   /* its last line end */
            e->question = import_dup(q.s, q.n);
            e->answer = import_dup(a.s, a.n);
            e->id = import_dup(num, num_n);
            if (!e->question || !e->answer || !e->id)
                goto oom;
        }
        i = a_last > i ? a_last : i + 1;
    }
    if (!doc->n) {
        snprintf(err, errlen, "no numbered questions (lines like \"1.2. Question\" or \"3. ¿Pregunta?\", "
                              "each followed by its answer) found; for another format, see --format");
        goto out;
    }
    rc = (int)doc->n;
    goto out;
oom:
    snprintf(err, errlen, "out of memory");
out:
    free(q.s);
    free(a.s);
    free(lines);
    pcre2_match_data_free(sc.md);
    pcre2_code_free(sc.re);
    return rc;
}
