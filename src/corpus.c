/* corpus.c: reads FAQ documents into entries (see corpus.h). */
#include "corpus.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"
#include "limits.h"
#include "lang_pack.h"

/* The default plain-text rule: a question opens with '¿' or ends with '?'. */
#define TXT_QUESTION_PATTERN "^(?:¿.*|.*\\?)$"
#define TXT_PATTERN_DIRECTIVE "# question-pattern:"
/* "## Question {#id}": Pandoc's header attribute, id of [A-Za-z0-9._-] */
#define MD_ID_PATTERN "^(.*?)[ \\t]*\\{#([^}]*)\\}[ \\t]*$"
/* A file's own question pattern runs once a line: bound its backtracking so
 * that a careless pattern fails with a message instead of running for minutes. */
#define TXT_MATCH_LIMIT 1000000u
/* Editors on some systems open a UTF-8 file with a byte-order mark; it would
 * hide a first-line heading or "# question-pattern:" directive. */
#define UTF8_BOM "\xEF\xBB\xBF"

/* ---- small helpers ---- */

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_blank((*s)[*n - 1]))
        (*n)--;
}

/* 1-based line of byte offset off in text. */
static unsigned line_of(const char *text, size_t off)
{
    unsigned line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Byte offset of the line holding the first invalid UTF-8 sequence (or NUL). */
static size_t first_bad_utf8(const char *text, size_t len)
{
    size_t lo = 0;
    while (lo < len) {
        const char *eol = memchr(text + lo, '\n', len - lo);
        size_t n = eol ? (size_t)(eol - (text + lo)) : len - lo;
        if (!utf8_valid(text + lo, n))
            return lo;
        lo += n + 1;
    }
    return len;
}

/* Valid UTF-8, else -1 with "path:line: invalid UTF-8"; then skips a BOM. */
static int check_text(const char *path, const char **text, size_t *len, char *err, size_t errlen)
{
    if (!utf8_valid(*text, *len)) {
        snprintf(err, errlen, "%s:%u: invalid UTF-8 (or a NUL byte)", path,
                 line_of(*text, first_bad_utf8(*text, *len)));
        return -1;
    }
    if (*len >= 3 && memcmp(*text, UTF8_BOM, 3) == 0) {
        *text += 3;
        *len -= 3;
    }
    return 0;
}

static int valid_id(const char *id, size_t n)
{
    if (n == 0 || n > FAQ_MAX_ID_BYTES)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

#define ID_RULE "letters, digits, '.', '_', '-'; at most 128 bytes"
_Static_assert(FAQ_MAX_ID_BYTES == 128, "ID_RULE names the limit");

/* n, or less so as not to end inside a code point, but at most max: for
 * quoting a line in a message. */
static int quote_len(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return (int)n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

/* Where the problems of a reading go: into a report, reading on, or (with
 * none) into err, the first one ending the reading. */
typedef struct reader {
    corpus_report *rep;
    char *err;
    size_t errlen;
} reader;

/* A problem at path:line. A malformed line (one that looks like a heading,
 * an id or an alternate question but is not one) is only a warning in a
 * lenient report. Returns 0 when reading may go on, -1 when it must stop
 * (no report: the problem is in err; or memory ran out). */
static int problem(reader *r, int malformed, const char *path, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int problem(reader *r, int malformed, const char *path, unsigned line, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    corpus_report *rep = r->rep;
    if (!rep) {
        snprintf(r->err, r->errlen, "%s:%u: %s", path, line, what);
        return -1;
    }
    int warning = malformed && rep->lenient;
    if (warning)
        rep->n_warnings++;
    else
        rep->n_errors++;
    if (rep->n >= FAQ_MAX_CORPUS_PROBLEMS)
        return 0;   /* counted, not kept */
    corpus_problem *pr = &rep->items[rep->n];
    pr->file = strdup(path);
    pr->what = strdup(what);
    pr->line = line;
    pr->warning = warning;
    if (!pr->file || !pr->what) {
        free(pr->file);
        free(pr->what);
        snprintf(r->err, r->errlen, "%s:%u: out of memory", path, line);
        return -1;
    }
    rep->n++;
    return 0;
}

static void entry_free(corpus_entry *e)
{
    free(e->id);
    free(e->question);
    for (size_t i = 0; i < e->n_alts; i++)
        free(e->alts[i]);
    free(e->alts);
    free(e->answer);
    free(e->file);
}

/* A new zeroed entry at the end of lang, with its file and line set; NULL
 * with a message when out of memory or past FAQ_MAX_ENTRIES. */
static corpus_entry *add_entry(corpus_lang *lang, const char *path, unsigned line,
                               char *err, size_t errlen)
{
    size_t n = lang->n_entries;
    if (n >= FAQ_MAX_ENTRIES) {
        snprintf(err, errlen, "%s:%u: too many entries in one language (at most %u)", path, line,
                 FAQ_MAX_ENTRIES);
        return NULL;
    }
    if (n == 0 || (n >= 16 && (n & (n - 1)) == 0)) {   /* capacity: 16, then doubling */
        size_t cap = n ? n * 2 : 16;
        corpus_entry *v = realloc(lang->entries, cap * sizeof *v);
        if (!v)
            goto oom;
        lang->entries = v;
    }
    corpus_entry *e = &lang->entries[n];
    memset(e, 0, sizeof *e);
    if (!(e->file = strdup(path)))
        goto oom;
    e->line = line;
    lang->n_entries++;
    return e;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", path, line);
    return NULL;
}

/* The id of the n-th entry of a document that gives none: "<name>-<n>". */
static int set_default_id(corpus_entry *e, const char *name, unsigned n, char *err, size_t errlen)
{
    char num[16];
    int k = snprintf(num, sizeof num, "-%u", n);
    size_t nl = strlen(name);
    if (!valid_id(name, nl) || nl + (size_t)k > FAQ_MAX_ID_BYTES) {
        snprintf(err, errlen,
                 "%s:%u: the file name \"%.*s\" makes a bad id (" ID_RULE
                 "): rename the file, or give the entry an id \"{#id}\"",
                 e->file, e->line, (int)(nl > 200 ? 200 : nl), name);
        return -1;
    }
    if (!(e->id = malloc(nl + (size_t)k + 1))) {
        snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    memcpy(e->id, name, nl);
    memcpy(e->id + nl, num, (size_t)k + 1);
    return 0;
}

static int add_alt(corpus_entry *e, const char *s, size_t n)
{
    char **a = realloc(e->alts, (e->n_alts + 1) * sizeof *a);
    if (!a)
        return -1;
    e->alts = a;
    if (!(a[e->n_alts] = dup_range(s, n)))
        return -1;
    e->n_alts++;
    return 0;
}

/* Set the answer: the lines [from, to) of text without leading and
 * trailing blank lines. Empty: -1 (no answer); out of memory: -2. */
static int set_answer(corpus_entry *e, const char *from, const char *to)
{
    while (from < to) {
        const char *eol = memchr(from, '\n', (size_t)(to - from));
        const char *end = eol ? eol : to;
        const char *p = from;
        while (p < end && is_blank(*p))
            p++;
        if (p < end)
            break;
        from = eol ? eol + 1 : to;
    }
    while (to > from && (to[-1] == '\n' || is_blank(to[-1])))
        to--;
    if (to <= from)
        return -1;
    e->answer = dup_range(from, (size_t)(to - from));
    return e->answer ? 0 : -2;
}

static pcre2_code *compile(const char *pattern, size_t len, char *msg, size_t msglen)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(code, buf, sizeof buf);
        snprintf(msg, msglen, "%s (at offset %zu)", (const char *)buf, (size_t)off);
    }
    return re;
}

static int finish_entry(reader *r, corpus_entry *e, const char *from, const char *to)
{
    int rc = set_answer(e, from, to);
    if (rc == -1)
        return problem(r, 0, e->file, e->line, "the question \"%.*s\" has no answer",
                       quote_len(e->question, strlen(e->question), 200), e->question);
    if (rc == -2) {
        snprintf(r->err, r->errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    return 0;
}

/* The common end of both parsers: close the last entry, and on failure
 * take back every entry the document added, so the language is as it was. */
static int end_document(reader *r, corpus_lang *lang, size_t first, corpus_entry *last, int rc,
                        const char *answer_from, const char *end, pcre2_match_data *md,
                        pcre2_code *re, pcre2_match_context *mc)
{
    if (rc == 0 && last && finish_entry(r, last, answer_from, end) != 0)
        rc = -1;
    if (rc != 0) {
        for (size_t i = first; i < lang->n_entries; i++)
            entry_free(&lang->entries[i]);
        lang->n_entries = first;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    pcre2_match_context_free(mc);
    return rc;
}

/* ---- Markdown ---- */

/* Up to three spaces of indentation, as CommonMark allows before a block. */
static size_t md_indent(const char *p, size_t ln)
{
    size_t i = 0;
    while (i < 3 && i < ln && p[i] == ' ')
        i++;
    return i;
}

/* A level-2 ATX heading ("##", then a blank or the end of the line): 1 and
 * its text in *q, *qn, without a closing run of '#'. */
static int md_heading(const char *p, size_t ln, const char **q, size_t *qn)
{
    size_t i = md_indent(p, ln);
    if (ln - i < 2 || p[i] != '#' || p[i + 1] != '#')
        return 0;
    i += 2;
    if (i < ln && !is_blank(p[i]))
        return 0;   /* "###" or "##word" */
    *q = p + i;
    *qn = ln - i;
    trim(q, qn);
    return 1;
}

/* CommonMark's optional closing sequence: "## Question ##". */
static void strip_closing_hashes(const char *q, size_t *qn)
{
    size_t n = *qn;
    while (n && q[n - 1] == '#')
        n--;
    if (n == *qn)
        return;
    if (n == 0 || is_blank(q[n - 1])) {
        while (n && is_blank(q[n - 1]))
            n--;
        *qn = n;
    }
}

/* A code fence line: three or more '`' or '~'. Returns the run's length
 * (0: not a fence), its character in *ch, and whether only blanks follow. */
static size_t md_fence(const char *p, size_t ln, char *ch, int *bare)
{
    size_t i = md_indent(p, ln);
    if (i >= ln || (p[i] != '`' && p[i] != '~'))
        return 0;
    char c = p[i];
    size_t run = 0;
    while (i < ln && p[i] == c) {
        i++;
        run++;
    }
    if (run < 3)
        return 0;
    *bare = 1;
    for (size_t k = i; k < ln; k++) {
        if (c == '`' && p[k] == '`')
            return 0;   /* "```a`b" is inline code, not a fence */
        if (!is_blank(p[k]))
            *bare = 0;
    }
    *ch = c;
    return run;
}

/* "##" with no blank after it ("##¿Cuánto cuesta?"): a heading in every
 * way but the space CommonMark needs, so a writer's slip, not text. "###"
 * is a heading of another level. */
static int md_heading_slip(const char *p, size_t ln)
{
    size_t i = md_indent(p, ln);
    return ln - i > 2 && p[i] == '#' && p[i + 1] == '#' && p[i + 2] != '#' && !is_blank(p[i + 2]);
}

/* An alternate question line, "? other phrasing": its text in *a, *an. */
static int md_alt_line(const char *p, size_t ln, const char **a, size_t *an)
{
    *a = p;
    *an = ln;
    trim(a, an);
    if (*an < 2 || (*a)[0] != '?' || !is_blank((*a)[1]))
        return 0;
    *a += 2;
    *an -= 2;
    trim(a, an);
    return 1;
}

static int parse_md(reader *r, corpus_lang *lang, const char *path, const char *name,
                    const char *text, size_t len, entry_kind kind)
{
    char *err = r->err;
    size_t errlen = r->errlen;
    if (check_text(path, &text, &len, err, errlen) != 0)
        return -1;
    char msg[256];
    pcre2_code *re = compile(MD_ID_PATTERN, PCRE2_ZERO_TERMINATED, msg, sizeof msg);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    if (!md) {
        snprintf(err, errlen, "%s:1: internal pattern: %s", path, re ? "out of memory" : msg);
        pcre2_code_free(re);
        return -1;
    }
    int rc = -1;
    size_t first = lang->n_entries;
    corpus_entry *cur = NULL;
    const char *answer_from = NULL;
    char fence_ch = 0;
    size_t fence_len = 0;   /* 0: not inside a fenced code block */
    int alts_open = 0;
    unsigned n = 0, line = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        size_t ln = (size_t)((eol ? eol : end) - p);
        const char *q, *a;
        size_t qn, an;
        line++;
        /* a "## " inside a fenced code block is code, not a question */
        char ch = 0;
        int bare = 0;
        size_t run = md_fence(p, ln, &ch, &bare);
        if (fence_len) {
            if (run >= fence_len && ch == fence_ch && bare)
                fence_len = 0;
            alts_open = 0;
        } else if (run) {
            fence_len = run;
            fence_ch = ch;
            alts_open = 0;
        } else if (md_heading(p, ln, &q, &qn)) {
            if (cur && finish_entry(r, cur, answer_from, p) != 0)
                goto out;
            cur = NULL;
            const char *id = NULL;
            size_t idn = 0;
            if (pcre2_match(re, (PCRE2_SPTR)q, qn, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                id = q + ov[4];
                idn = ov[5] - ov[4];
                qn = ov[3] - ov[2];
                if (idn == 0 || !valid_id(id, idn)) {
                    int stop = idn ? problem(r, 0, path, line, "bad id \"%.*s\" (" ID_RULE ")",
                                             quote_len(id, idn, 200), id)
                                   : problem(r, 1, path, line, "empty id \"{#}\"");
                    if (stop)
                        goto out;
                    id = NULL;   /* read on with the default id */
                }
            } else {
                const char *brace = NULL;
                for (size_t k = 0; k + 1 < qn && !brace; k++)
                    if (q[k] == '{' && q[k + 1] == '#')
                        brace = q + k;
                if (brace && problem(r, 1, path, line, "unclosed id \"%.*s\": write \"{#id}\" at the end of the heading",
                                     quote_len(brace, (size_t)(q + qn - brace), 200), brace) != 0)
                    goto out;
            }
            strip_closing_hashes(q, &qn);
            if (qn == 0) {
                if (problem(r, 0, path, line, "a heading with no question") != 0)
                    goto out;
                alts_open = 0;
                p = next;
                continue;
            }
            n++;
            if (!(cur = add_entry(lang, path, line, err, errlen)))
                goto out;
            cur->kind = kind;
            if (!(cur->question = dup_range(q, qn)))
                goto oom;
            if (!id) {
                if (set_default_id(cur, name, n, err, errlen) != 0)
                    goto out;
            } else if (!(cur->id = dup_range(id, idn))) {
                goto oom;
            }
            answer_from = next;
            alts_open = 1;
        } else if (md_heading_slip(p, ln)) {
            if (problem(r, 1, path, line, "malformed heading \"%.*s\": \"##\" needs a space after it",
                        quote_len(p, ln, 60), p) != 0)
                goto out;
            alts_open = 0;
        } else if (cur && alts_open) {
            /* "? other phrasing" lines right under the heading */
            if (md_alt_line(p, ln, &a, &an)) {
                if (an && add_alt(cur, a, an) != 0)
                    goto oom;
                answer_from = next;
            } else if (an > 0 || cur->n_alts) {
                alts_open = 0;   /* text, or a blank line after the list, ends it */
            }
        } else if ((ln >= 4 && memcmp(p, "    ", 4) == 0) || (ln && p[0] == '\t')) {
            /* four spaces: code, where "? x" is an example, not a slip */
        } else if (md_alt_line(p, ln, &a, &an) && an &&
                   problem(r, 1, path, line,
                           "alternate question \"%.*s\" not right under a heading", quote_len(a, an, 60),
                           a) != 0) {
            goto out;
        }
        p = next;
    }
    rc = 0;
    goto out;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", path, line);
out:
    return end_document(r, lang, first, rc == 0 ? cur : NULL, rc, answer_from, end, md, re, NULL);
}

int corpus_parse_md(corpus_lang *lang, const char *path, const char *name, const char *text,
                    size_t len, entry_kind kind, char *err, size_t errlen)
{
    reader r = {NULL, err, errlen};
    return parse_md(&r, lang, path, name, text, len, kind);
}

/* ---- plain text ---- */

static int parse_txt(reader *r, corpus_lang *lang, const char *path, const char *name,
                     const char *text, size_t len)
{
    char *err = r->err;
    size_t errlen = r->errlen;
    if (check_text(path, &text, &len, err, errlen) != 0)
        return -1;
    const char *p = text, *end = text + len;
    unsigned line = 0;
    char msg[256];
    pcre2_code *re;
    /* an optional first line "# question-pattern: REGEX" */
    const char *eol0 = memchr(p, '\n', len);
    size_t l0 = eol0 ? (size_t)(eol0 - p) : len;
    size_t dl = strlen(TXT_PATTERN_DIRECTIVE);
    if (l0 >= dl && memcmp(p, TXT_PATTERN_DIRECTIVE, dl) == 0) {
        const char *pat = p + dl;
        size_t pn = l0 - dl;
        trim(&pat, &pn);
        if (pn == 0) {
            snprintf(err, errlen, "%s:1: empty question pattern", path);
            return -1;
        }
        re = compile(pat, pn, msg, sizeof msg);
        if (!re) {
            snprintf(err, errlen, "%s:1: bad question pattern: %s", path, msg);
            return -1;
        }
        p = eol0 ? eol0 + 1 : end;
        line = 1;
    } else {
        re = compile(TXT_QUESTION_PATTERN, PCRE2_ZERO_TERMINATED, msg, sizeof msg);
        if (!re) {
            snprintf(err, errlen, "%s:1: internal pattern: %s", path, msg);
            return -1;
        }
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    int rc = -1;
    size_t first = lang->n_entries;
    corpus_entry *cur = NULL;
    const char *answer_from = NULL;
    unsigned n = 0;
    if (!md || !mc)
        goto oom;
    pcre2_set_match_limit(mc, TXT_MATCH_LIMIT);
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        const char *s = p;
        size_t sn = (size_t)((eol ? eol : end) - p);
        line++;
        trim(&s, &sn);
        int m = sn ? pcre2_match(re, (PCRE2_SPTR)s, sn, 0, PCRE2_NO_UTF_CHECK, md, mc)
                   : PCRE2_ERROR_NOMATCH;
        if (m < 0 && m != PCRE2_ERROR_NOMATCH) {
            PCRE2_UCHAR buf[200];
            pcre2_get_error_message(m, buf, sizeof buf);
            snprintf(err, errlen, "%s:%u: the question pattern fails on this line: %s", path, line,
                     (const char *)buf);
            goto out;
        }
        if (m >= 0) {
            if (cur && finish_entry(r, cur, answer_from, p) != 0)
                goto out;
            n++;
            if (!(cur = add_entry(lang, path, line, err, errlen)))
                goto out;
            cur->kind = ENTRY_FAQ;
            if (!(cur->question = dup_range(s, sn)))
                goto oom;
            if (set_default_id(cur, name, n, err, errlen) != 0)
                goto out;
            answer_from = next;
        }
        p = next;
    }
    rc = 0;
    goto out;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", path, line ? line : 1);
out:
    return end_document(r, lang, first, rc == 0 ? cur : NULL, rc, answer_from, end, md, re, mc);
}

int corpus_parse_txt(corpus_lang *lang, const char *path, const char *name, const char *text,
                     size_t len, char *err, size_t errlen)
{
    reader r = {NULL, err, errlen};
    return parse_txt(&r, lang, path, name, text, len);
}

/* ---- folders ---- */

/* libstemmer's own aliases (its modules.txt), two-letter code first. */
static const struct { const char *algorithm, *codes[4]; } stemmer_codes[] = {
    {"arabic", {"ar", "ara"}},        {"armenian", {"hy", "hye", "arm"}},
    {"basque", {"eu", "eus", "baq"}}, {"catalan", {"ca", "cat"}},
    {"danish", {"da", "dan"}},        {"dutch", {"nl", "dut", "nld"}},
    {"english", {"en", "eng"}},       {"finnish", {"fi", "fin"}},
    {"french", {"fr", "fre", "fra"}}, {"german", {"de", "ger", "deu"}},
    {"greek", {"el", "gre", "ell"}},  {"hindi", {"hi", "hin"}},
    {"hungarian", {"hu", "hun"}},     {"indonesian", {"id", "ind"}},
    {"irish", {"ga", "gle"}},         {"italian", {"it", "ita"}},
    {"lithuanian", {"lt", "lit"}},    {"nepali", {"ne", "nep"}},
    {"norwegian", {"no", "nor"}},     {"portuguese", {"pt", "por"}},
    {"romanian", {"ro", "rum", "ron"}}, {"russian", {"ru", "rus"}},
    {"serbian", {"sr", "srp"}},       {"spanish", {"es", "esl", "spa"}},
    {"swedish", {"sv", "swe"}},       {"tamil", {"ta", "tam"}},
    {"turkish", {"tr", "tur"}},       {"yiddish", {"yi", "yid"}},
};

static int stemmer_exists(const char *name)
{
    struct sb_stemmer *st = sb_stemmer_new(name, "UTF_8");
    if (!st)
        return 0;
    sb_stemmer_delete(st);
    return 1;
}

const char *corpus_stemmer_name(const char *code)
{
    for (size_t i = 0; i < sizeof stemmer_codes / sizeof stemmer_codes[0]; i++)
        for (size_t k = 0; k < 4 && stemmer_codes[i].codes[k]; k++)
            if (strcmp(code, stemmer_codes[i].codes[k]) == 0)
                return stemmer_exists(stemmer_codes[i].algorithm) ? stemmer_codes[i].algorithm
                                                                   : NULL;
    /* a code a later libstemmer knows and this table does not: it names
     * the stemmer as well as the algorithm would */
    return stemmer_exists(code) ? code : NULL;
}

static int read_file(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s:1: cannot read: not a regular file", path);
        fclose(f);
        return -1;
    }
    if ((unsigned long long)st.st_size > FAQ_MAX_FILE_BYTES) {
        snprintf(err, errlen, "%s:1: file too large (%lld bytes, at most %u)", path,
                 (long long)st.st_size, FAQ_MAX_FILE_BYTES);
        fclose(f);
        return -1;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        snprintf(err, errlen, "%s:1: out of memory", path);
        fclose(f);
        return -1;
    }
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted bytewise (not by locale, so that ids and order
 * are the same everywhere), without those starting with '.'. */
static char **list_dir(const char *dir, size_t *n, char *err, size_t errlen)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s:1: cannot open folder: %s", dir, strerror(errno));
        return NULL;
    }
    size_t cap = 16;
    char **names = malloc(cap * sizeof *names);
    int oom = !names;
    struct dirent *de;
    while (!oom && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (*n == cap) {
            char **nn = realloc(names, (cap *= 2) * sizeof *nn);
            if (!nn) {
                oom = 1;
                break;
            }
            names = nn;
        }
        if (!(names[*n] = strdup(de->d_name))) {
            oom = 1;
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (oom) {
        for (size_t i = 0; names && i < *n; i++)
            free(names[i]);
        free(names);
        *n = 0;
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return NULL;
    }
    qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a > b && strcmp(s + a - b, suffix) == 0;
}

static int is_lang_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

typedef struct id_line { const char *id; size_t pos; } id_line;

static int cmp_id_line(const void *a, const void *b)
{
    const id_line *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Ids are unique across every file of a language, small talk included. */
static int check_ids(reader *r, const corpus_lang *lang)
{
    char *err = r->err;
    size_t errlen = r->errlen;
    if (lang->n_entries < 2)
        return 0;
    id_line *v = malloc(lang->n_entries * sizeof *v);
    if (!v) {
        snprintf(err, errlen, "%s:1: out of memory", lang->entries[0].file);
        return -1;
    }
    for (size_t i = 0; i < lang->n_entries; i++)
        v[i] = (id_line){lang->entries[i].id, i};
    qsort(v, lang->n_entries, sizeof *v, cmp_id_line);
    for (size_t i = 1; i < lang->n_entries; i++) {
        if (strcmp(v[i].id, v[i - 1].id) == 0) {
            const corpus_entry *a = &lang->entries[v[i - 1].pos], *b = &lang->entries[v[i].pos];
            if (problem(r, 0, b->file, b->line, "duplicate id \"%s\" (first at %s:%u)", b->id,
                        a->file, a->line) != 0) {
                free(v);
                return -1;
            }
        }
    }
    free(v);
    return 0;
}

/* ---- language packs ---- */

/* The language files a corpus folder may hold; each adds to its pack's file,
 * or replaces it when its first line is PACK_REPLACE. */
static const char *const lang_files[] = {"stopwords.txt", "synonyms.txt", "messages.txt",
                                         "smalltalk.md"};
#define PACK_REPLACE "# replace"
enum { LANG_FILE_SMALLTALK = 3 };

static int lang_file_index(const char *name)
{
    for (int i = 0; i < (int)(sizeof lang_files / sizeof *lang_files); i++)
        if (strcmp(lang_files[i], name) == 0)
            return i;
    return -1;
}

static int says_replace(const char *text, size_t len)
{
    if (len >= 3 && memcmp(text, UTF8_BOM, 3) == 0) {
        text += 3;
        len -= 3;
    }
    size_t k = strlen(PACK_REPLACE);
    if (len < k || memcmp(text, PACK_REPLACE, k) != 0)
        return 0;
    while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
        k++;
    return k == len || text[k] == '\n';
}

/* The corpus's text first: a messages key it sets wins, the first one read
 * being the one used. */
static char *join_texts(const char *own, const char *pack)
{
    size_t a = strlen(own), b = strlen(pack);
    char *s = malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, own, a);
    size_t o = a;
    if (a && own[a - 1] != '\n')
        s[o++] = '\n';
    memcpy(s + o, pack, b + 1);
    return s;
}

static int has_id(const corpus_lang *lang, const char *id)
{
    for (size_t i = 0; i < lang->n_entries; i++)
        if (strcmp(lang->entries[i].id, id) == 0)
            return 1;
    return 0;
}

/* The pack's small talk, less the entries the corpus gives itself (same id). */
static int add_pack_smalltalk(corpus_lang *lang, const char *text, char *err, size_t errlen)
{
    char path[64];
    snprintf(path, sizeof path, "lang/%s/smalltalk.md", lang->code);
    corpus_lang pk;
    memset(&pk, 0, sizeof pk);
    snprintf(pk.code, sizeof pk.code, "%s", lang->code);
    int rc = corpus_parse_md(&pk, path, "smalltalk", text, strlen(text), ENTRY_SMALLTALK, err,
                             errlen);
    for (size_t i = 0; rc == 0 && i < pk.n_entries; i++) {
        corpus_entry *src = &pk.entries[i];
        if (has_id(lang, src->id))
            continue;
        corpus_entry *e = add_entry(lang, path, src->line, err, errlen);
        if (!e) {
            rc = -1;
            break;
        }
        free(e->file);
        *e = *src;
        memset(src, 0, sizeof *src);
    }
    corpus_lang_clear(&pk);
    return rc;
}

/* What the pack of the folder's language adds: replaced is a bit set of
 * lang_files the folder replaces. */
static int add_pack(const char *dir, corpus_lang *lang, unsigned replaced, char *err,
                    size_t errlen)
{
    char **slots[] = {&lang->stopwords, &lang->synonyms, &lang->messages};
    for (int i = 0; i < (int)(sizeof lang_files / sizeof *lang_files); i++) {
        const char *pack = lang_pack_file(lang->code, lang_files[i]);
        if (!pack || (replaced & (1u << i)))
            continue;
        if (i == LANG_FILE_SMALLTALK) {
            if (add_pack_smalltalk(lang, pack, err, errlen) != 0)
                return -1;
            continue;
        }
        char *s = *slots[i] ? join_texts(*slots[i], pack) : strdup(pack);
        if (!s) {
            snprintf(err, errlen, "%s:1: out of memory", dir);
            return -1;
        }
        free(*slots[i]);
        *slots[i] = s;
    }
    return 0;
}

int corpus_pack_lang(const char *code, corpus_lang *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    snprintf(out->code, sizeof out->code, "%s", code);
    if (add_pack("lang", out, 0, err, errlen) != 0) {
        corpus_lang_clear(out);
        return -1;
    }
    return 0;
}

static int load_lang(reader *r, const char *dir, corpus_lang *lang)
{
    char *err = r->err;
    size_t errlen = r->errlen;
    unsigned replaced = 0;
    size_t n;
    char **names = list_dir(dir, &n, err, errlen);
    if (!names)
        return -1;
    int rc = -1;
    char path[4096];
    for (size_t i = 0; i < n; i++) {
        const char *f = names[i];
        int md = ends_with(f, ".md"), txt = ends_with(f, ".txt");
        if ((!md && !txt) || strcmp(f, "README.md") == 0)
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dir, f) >= (int)sizeof path) {
            snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, f);
            goto out;
        }
        char *text;
        size_t len;
        if (read_file(path, &text, &len, err, errlen) != 0)
            goto out;
        int lf = lang_file_index(f);
        if (lf >= 0 && says_replace(text, len))
            replaced |= 1u << lf;
        char **slot = NULL;
        if (strcmp(f, "stopwords.txt") == 0) slot = &lang->stopwords;
        else if (strcmp(f, "synonyms.txt") == 0) slot = &lang->synonyms;
        else if (strcmp(f, "messages.txt") == 0) slot = &lang->messages;
        if (slot) {
            const char *t = text;
            if (check_text(path, &t, &len, err, errlen) != 0) {
                free(text);
                goto out;
            }
            memmove(text, t, len + 1);   /* without its BOM */
            *slot = text;
            continue;
        }
        size_t bn = strlen(f) - (md ? 3 : 4);
        char *base = dup_range(f, bn);
        int rd = -1;
        if (!base)
            snprintf(err, errlen, "%s:1: out of memory", path);
        else if (md)
            rd = parse_md(r, lang, path, base, text, len,
                          strcmp(f, "smalltalk.md") == 0 ? ENTRY_SMALLTALK : ENTRY_FAQ);
        else
            rd = parse_txt(r, lang, path, base, text, len);
        free(base);
        free(text);
        if (rd != 0)
            goto out;
    }
    rc = check_ids(r, lang);
    if (rc == 0)
        rc = add_pack(dir, lang, replaced, err, errlen);
out:
    free_names(names, n);
    return rc;
}

/* corpus/settings.txt: "key = value" lines, each key known and its value
 * valid, so that a typo is said at index time rather than ignored. */
static int check_settings(const char *path, const char *text, char *err, size_t errlen)
{
    unsigned line = 0;
    for (const char *p = text; *p;) {
        line++;
        size_t n = strcspn(p, "\n");
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), p);
        p += n + (p[n] == '\n');
        char key[64];
        double v;
        char rest;
        if (buf[strspn(buf, " \t\r")] == '\0' || buf[strspn(buf, " \t")] == '#')
            continue;
        if (sscanf(buf, " %63[a-z_] = %lf %c", key, &v, &rest) != 2) {
            snprintf(err, errlen, "%s:%u: expected \"key = value\" (threshold = 0.42)", path, line);
            return -1;
        }
        if (strcmp(key, "threshold") != 0) {
            snprintf(err, errlen, "%s:%u: unknown setting \"%s\" (known: threshold)", path, line, key);
            return -1;
        }
        if (!(v >= 0 && v <= 1)) {
            snprintf(err, errlen, "%s:%u: threshold takes a number from 0 to 1", path, line);
            return -1;
        }
    }
    return 0;
}

static int load_settings(const char *path, corpus *c, char *err, size_t errlen)
{
    char *text;
    size_t len;
    if (read_file(path, &text, &len, err, errlen) != 0)
        return -1;
    const char *t = text;
    if (check_text(path, &t, &len, err, errlen) != 0 || check_settings(path, t, err, errlen) != 0) {
        free(text);
        return -1;
    }
    memmove(text, t, len + 1);
    c->settings = text;
    return 0;
}

int corpus_load_report(const char *dir, corpus_report *rep, corpus **out, char *err, size_t errlen)
{
    *out = NULL;
    reader rd = {rep, err, errlen};
    if (rep) {
        rep->n = rep->n_errors = rep->n_warnings = 0;
        if (!(rep->items = calloc(FAQ_MAX_CORPUS_PROBLEMS, sizeof *rep->items))) {
            snprintf(err, errlen, "%s:1: out of memory", dir);
            return -1;
        }
    }
    corpus *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return -1;
    }
    size_t n;
    char **names = list_dir(dir, &n, err, errlen);
    if (!names) {
        free(c);
        return -1;
    }
    c->langs = calloc(n + 1, sizeof *c->langs);
    int rc = -1;
    if (!c->langs) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        goto out;
    }
    char path[4096];
    for (size_t i = 0; i < n; i++) {
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
            snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, names[i]);
            goto out;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
            goto out;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (strcmp(names[i], "settings.txt") == 0 && load_settings(path, c, err, errlen) != 0)
                goto out;
            continue;   /* corpus/README.md and the like */
        }
        if (!is_lang_code(names[i]) || !corpus_stemmer_name(names[i])) {
            snprintf(err, errlen,
                     "%s:1: unknown language folder \"%s\" (a lowercase language code "
                     "libstemmer knows: es, en, fr, pt, de, it, ...)",
                     path, names[i]);
            goto out;
        }
        corpus_lang *l = &c->langs[c->n_langs++];
        snprintf(l->code, sizeof l->code, "%s", names[i]);
        if (load_lang(&rd, path, l) != 0)
            goto out;
    }
    if (c->n_langs == 0) {
        snprintf(err, errlen, "%s:1: no language folder (corpus/<lang>/*.md)", dir);
        goto out;
    }
    if (rep && rep->n_errors) {
        snprintf(err, errlen, "%s: %u error%s in the corpus", dir, rep->n_errors,
                 rep->n_errors == 1 ? "" : "s");
        goto out;
    }
    rc = 0;
out:
    free_names(names, n);
    if (rc != 0)
        corpus_free(c);
    else
        *out = c;
    return rc;
}

int corpus_load(const char *dir, corpus **out, char *err, size_t errlen)
{
    return corpus_load_report(dir, NULL, out, err, errlen);
}

void corpus_report_free(corpus_report *rep)
{
    if (!rep || !rep->items)
        return;
    for (size_t i = 0; i < rep->n; i++) {
        free(rep->items[i].file);
        free(rep->items[i].what);
    }
    free(rep->items);
    rep->items = NULL;
    rep->n = 0;
}

void corpus_lang_clear(corpus_lang *lang)
{
    for (size_t i = 0; i < lang->n_entries; i++)
        entry_free(&lang->entries[i]);
    free(lang->entries);
    free(lang->stopwords);
    free(lang->synonyms);
    free(lang->messages);
    lang->entries = NULL;
    lang->n_entries = 0;
    lang->stopwords = lang->synonyms = lang->messages = NULL;
}

void corpus_free(corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_langs; i++)
        corpus_lang_clear(&c->langs[i]);
    free(c->langs);
    free(c->settings);
    free(c);
}
