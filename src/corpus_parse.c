/* corpus_parse.c: FAQ documents, Markdown and plain text, into entries
 * (corpus_parse.h). */
#include "corpus_parse.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markdown.h"
#include "utf8.h"
#include "limits.h"

/* The default plain-text rule: a question opens with '¿' or ends with '?'. */
#define TXT_QUESTION_PATTERN "^(?:¿.*|.*\\?)$"
#define TXT_PATTERN_DIRECTIVE "# question-pattern:"
/* "## Question {#id}": Pandoc's header attribute, id of [A-Za-z0-9._-] */
#define MD_ID_PATTERN "^(.*?)[ \\t]*\\{#([^}]*)\\}[ \\t]*$"
/* A file's own question pattern runs once a line: bound its backtracking so
 * that a careless pattern fails with a message instead of running for minutes. */
#define TXT_MATCH_LIMIT 1000000u

/* ---- small helpers ---- */


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

int corpus_read_check_text(corpus_reader *r, const char *path, const char **text, size_t *len)
{
    unsigned line;
    const char *why = utf8_problem(*text, *len, &line);
    if (why)
        return corpus_report_problem(r, 0, path, line, "%s", why) != 0 ? -1 : 1;
    if (*len >= 3 && memcmp(*text, CORPUS_UTF8_BOM, 3) == 0) {
        *text += 3;
        *len -= 3;
    }
    return 0;
}

int corpus_id_valid(const char *id, size_t n)
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

const char *corpus_doc_name(const char *file, size_t file_len, size_t *len)
{
    const char *name = file;
    for (size_t i = 0; i < file_len; i++)
        if (file[i] == '/')
            name = file + i + 1;
    size_t n = (size_t)(file + file_len - name);
    while (n && name[n - 1] != '.')
        n--;
    *len = n ? n - 1 : (size_t)(file + file_len - name);
    return name;
}

#define ID_RULE CORPUS_ID_RULE
_Static_assert(FAQ_MAX_ID_BYTES == 128, "CORPUS_ID_RULE names the limit");

/* n, or less so as not to end inside a code point, but at most max: for
 * quoting a line in a message. */
static int quote_len(const char *s, size_t n, size_t max)
{
    return (int)utf8_cut(s, n, max);
}

int corpus_report_problem(corpus_reader *r, int malformed, const char *path, unsigned line, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    corpus_report *rep = r->rep;
    if (!rep && malformed == CORPUS_NOTICE)
        return 0;
    if (!rep) {
        char ln[CORPUS_LINE_ROOM];
        snprintf(r->err, r->errlen, "%s%s: %s", path, corpus_problem_line(line, ln), what);
        return -1;
    }
    int warning = malformed == CORPUS_NOTICE || (malformed && rep->lenient);
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

void corpus_entry_free(corpus_entry *e)
{
    free(e->id);
    free(e->question);
    for (size_t i = 0; i < e->n_alts; i++)
        free(e->alts[i]);
    free(e->alts);
    free(e->alt_lines);
    free(e->answer);
    free(e->file);
}

int corpus_lang_reserve(corpus_lang *lang, const char *path, unsigned line, char *err,
                        size_t errlen)
{
    if (lang->n_entries >= FAQ_MAX_ENTRIES) {
        snprintf(err, errlen, "%s:%u: too many entries in one language (at most %u)", path, line,
                 FAQ_MAX_ENTRIES);
        return -1;
    }
    if (grow(&lang->entries, &lang->entries_cap, lang->n_entries + 1, sizeof *lang->entries, 16) != 0) {
        snprintf(err, errlen, "%s:%u: out of memory", path, line);
        return -1;
    }
    return 0;
}

/* A new zeroed entry at the end of lang, with its file and line set; NULL
 * with a message when out of memory or past FAQ_MAX_ENTRIES. */
static corpus_entry *corpus_add_entry(corpus_lang *lang, const char *path, unsigned line,
                                      char *err, size_t errlen)
{
    if (corpus_lang_reserve(lang, path, line, err, errlen) != 0)
        return NULL;
    corpus_entry *e = &lang->entries[lang->n_entries];
    memset(e, 0, sizeof *e);
    if (!(e->file = strdup(path))) {
        snprintf(err, errlen, "%s:%u: out of memory", path, line);
        return NULL;
    }
    e->line = line;
    lang->n_entries++;
    return e;
}

/* The id of the n-th entry of a document that gives none: "<name>-<n>". */
static int set_default_id(corpus_entry *e, const char *name, unsigned n, char *err, size_t errlen)
{
    char num[16];
    int k = snprintf(num, sizeof num, "-%u", n);
    size_t nl = strlen(name);
    if (!corpus_id_valid(name, nl) || nl + (size_t)k > FAQ_MAX_ID_BYTES) {
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

/* Set the answer: the lines [from, to) of text without leading and
 * trailing blank lines. Empty: -1 (no answer); out of memory: -2. */
static int set_answer(corpus_entry *e, const char *from, const char *to, const char **start)
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
    *start = from;
    if (!(e->answer = malloc((size_t)(to - from) + 1)))
        return -2;
    /* a file saved with Windows line ends answers with Unix ones: a "\r"
     * kept would reach the JSON API and the terminal */
    size_t n = 0;
    for (const char *p = from; p < to; p++)
        if (!(*p == '\r' && p + 1 < to && p[1] == '\n'))
            e->answer[n++] = *p;
    e->answer[n] = '\0';
    return 0;
}

static pcre2_code *compile(const char *pattern, size_t len, char *msg, size_t msglen)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR why[200];
        pcre2_get_error_message(code, why, sizeof why);
        snprintf(msg, msglen, "%s (at offset %zu)", (const char *)why, (size_t)off);
    }
    return re;
}

/* What of an answer the chat page cannot show as written (markdown.h), told
 * at its line of the file (text: the document's first byte; start: the
 * answer's); the entry is indexed all the same. 0, or -1 when reading
 * must stop. */
static int tell_unshown(corpus_reader *r, const corpus_entry *e, const char *text, const char *start)
{
    unsigned at = 0, first = 0;
    int what;
    char addr[200];
    while ((what = markdown_unshown(e->answer, strlen(e->answer), at, &at, addr, sizeof addr)) >
           MARKDOWN_SHOWN) {
        /* counted only now, rarely, and on from the last count: from the
         * document's start each time would read a large one again for each */
        if (!first) {
            if (r->counted_text != text || r->counted_at > start) {
                r->counted_text = r->counted_at = text;
                r->counted_line = 1;
            }
            for (const char *p = r->counted_at; p < start; p++)
                r->counted_line += *p == '\n';
            r->counted_at = start;
            first = r->counted_line;
        }
        const char *l = e->answer;
        for (unsigned k = 1; k < at && (l = strchr(l, '\n')) != NULL; k++)
            l++;
        if (!l)
            return 0;
        size_t ln = strcspn(l, "\n");
        int rc = what == MARKDOWN_HTML_BLOCK
            ? corpus_report_problem(r, CORPUS_NOTICE, e->file, first + at - 1,
                                    "raw HTML (\"%.*s\") is left out of the chat page, its text "
                                    "with it (answers are Markdown; HTML is dropped for safety): "
                                    "write it in Markdown",
                                    quote_len(l, ln, 60), l)
            : what == MARKDOWN_TABLE
            ? corpus_report_problem(r, CORPUS_NOTICE, e->file, first + at - 1,
                                    "a table (\"%.*s\") is shown as its text, pipes and all "
                                    "(answers are CommonMark, which has no tables): a list reads "
                                    "better",
                                    quote_len(l, ln, 60), l)
            : what == MARKDOWN_IMAGE_ELSEWHERE
            ? corpus_report_problem(r, CORPUS_NOTICE, e->file, first + at - 1,
                                    "an image of another site (\"%.*s\") is not shown on the chat "
                                    "page, which loads its own site's images alone: keep it on "
                                    "the site and write its address from the root (/img/...), "
                                    "or link it",
                                    quote_len(addr, strlen(addr), 60), addr)
            : corpus_report_problem(r, CORPUS_NOTICE, e->file, first + at - 1,
                                    "a relative address (\"%.*s\") leads nowhere: faqbot serves "
                                    "no files of the corpus, and a terminal has no page to read "
                                    "it from; write it %s",
                                    quote_len(addr, strlen(addr), 60), addr,
                                    /* whole, an image would be another site's */
                                    what == MARKDOWN_RELATIVE_IMAGE ? "from the site's root (/...)"
                                                                    : "whole (https://...), or from "
                                                                      "the site's root (/...)");
        if (rc != 0)
            return rc;
    }
    return 0;   /* out of memory here (-1): the index's rendering tells it */
}

static int finish_entry(corpus_reader *r, corpus_entry *e, const char *text, const char *from,
                        const char *to)
{
    const char *start = from;
    int rc = set_answer(e, from, to, &start);
    if (rc == -1)
        return corpus_report_problem(r, 0, e->file, e->line,
                                     "the question \"%.*s\" has no answer: write it below the "
                                     "question, or take the question out",
                                     quote_len(e->question, strlen(e->question), 200), e->question);
    if (rc == -2) {
        snprintf(r->err, r->errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    /* indexed all the same; a chat answer this long is most often the
     * rest of a document whose headings are a level off or missing */
    size_t n = strlen(e->answer);
    if (n > FAQ_ANSWER_NOTICE_BYTES)
        return corpus_report_problem(r, CORPUS_NOTICE, e->file, e->line,
                                     "the answer of \"%.*s\" is %zu KiB long: a level-2 heading "
                                     "(\"## Question?\") left out after it?",
                                     quote_len(e->question, strlen(e->question), 200), e->question,
                                     n >> 10);
    return tell_unshown(r, e, text, start);
}

/* The common end of both parsers: close the last entry, and on failure
 * take back every entry the document added, so the language is as it was. */
static int end_document(corpus_reader *r, corpus_lang *lang, size_t first, corpus_entry *last, int rc,
                        const char *text, const char *answer_from, const char *end, pcre2_match_data *md,
                        pcre2_code *re, pcre2_match_context *mc)
{
    if (rc == 0 && last && finish_entry(r, last, text, answer_from, end) != 0)
        rc = -1;
    if (rc != 0) {
        for (size_t i = first; i < lang->n_entries; i++)
            corpus_entry_free(&lang->entries[i]);
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

/* A heading of level 3 to 6 that asks ("### Where is it?", "### ¿Dónde?"):
 * its level into *level, its text into q/qn. Read as part of an answer,
 * it is most often a question whose heading is a level off. */
static int md_asking_subheading(const char *p, size_t ln, int *level, const char **q, size_t *qn)
{
    size_t i = md_indent(p, ln), hashes = 0;
    while (i + hashes < ln && p[i + hashes] == '#')
        hashes++;
    if (hashes < 3 || hashes > 6 || (i + hashes < ln && !is_blank(p[i + hashes])))
        return 0;
    *q = p + i + hashes;
    *qn = ln - i - hashes;
    trim(q, qn);
    size_t n = *qn;
    while (n && (*q)[n - 1] == '#')   /* CommonMark's closing sequence, "### Where? ###" */
        n--;
    while (n && is_blank((*q)[n - 1]))
        n--;
    *qn = n;
    *level = (int)hashes;
    return n > 1 && ((*q)[n - 1] == '?' || (n >= 2 && memcmp(*q, "\xc2\xbf", 2) == 0));
}

/* A level-1 heading that is a question's, not a part's: one that carries
 * an id ("# Can I? {#x}": ids are entries'), or one that asks below the
 * document's title. Read as a part title, it and the answer under it
 * would be left out of the index in silence. Its text into q/qn. */
static int md_asking_heading1(const char *p, size_t ln, int title, const char **q, size_t *qn)
{
    size_t i = md_indent(p, ln) + 1;
    *q = p + i;
    *qn = ln - i;
    trim(q, qn);
    size_t n = *qn;
    for (size_t k = 0; k + 1 < n; k++)
        if ((*q)[k] == '{' && (*q)[k + 1] == '#')
            return 1;
    while (n && ((*q)[n - 1] == '#' || is_blank((*q)[n - 1])))
        n--;
    return !title && n > 1 && ((*q)[n - 1] == '?' || memcmp(*q, "\xc2\xbf", 2) == 0);
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

size_t corpus_md_fence(const char *p, size_t ln, char *ch, int *bare)
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

/* A level-1 ATX heading ("# Part"): the document's title or a part's, which
 * ends the answer above it as a level-2 heading does (the chat would show
 * a part's title at the foot of the last answer before it). */
static int md_heading1(const char *p, size_t ln)
{
    size_t i = md_indent(p, ln);
    return ln > i && p[i] == '#' && (ln == i + 1 || is_blank(p[i + 1]));
}

/* "?other phrasing" right under a heading: an alternate question but for
 * the blank "? " needs, a writer's slip that would otherwise open the
 * answer with the question's "?" line. */
static int md_alt_slip(const char *p, size_t ln)
{
    const char *a = p;
    size_t an = ln;
    trim(&a, &an);
    return an >= 2 && a[0] == '?' && !is_blank(a[1]) && a[1] != '?';
}

/* A level-1 heading's text, line p (ln bytes): its "#"s and blanks trimmed,
 * a closing run of "#"s too. */
static void heading1_text(const char *p, size_t ln, const char **a, size_t *an)
{
    *a = p;
    *an = ln;
    trim(a, an);
    while (*an && **a == '#')
        ++*a, --*an;
    trim(a, an);
    strip_closing_hashes(*a, an);
}

void corpus_md_outside(const char *text, size_t len, corpus_md_outside_fn fn, void *ctx)
{
    const char *p = text, *end = text + len;
    char fence_ch = 0;
    size_t fence_len = 0;
    int in_entry = 0, seen_entry = 0, seen_title = 0, told = 0;
    unsigned line = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        size_t ln = (size_t)((eol ? eol : end) - p);
        const char *q, *a = p;
        size_t qn, an = ln;
        char ch = 0;
        int bare = 0;
        line++;
        trim(&a, &an);
        size_t run = fence_len ? 0 : corpus_md_fence(p, ln, &ch, &bare);
        if (fence_len) {
            if (corpus_md_fence(p, ln, &ch, &bare) >= fence_len && ch == fence_ch && bare)
                fence_len = 0;
        } else if (run) {
            fence_len = run;
            fence_ch = ch;
        } else if (md_heading1(p, ln)) {
            heading1_text(p, ln, &a, &an);
            fn(ctx, !seen_entry && !seen_title ? CORPUS_MD_TITLE : CORPUS_MD_PART, line, a, an);
            seen_title = 1;
            in_entry = told = 0;
            p = next;
            continue;
        } else if (md_heading(p, ln, &q, &qn)) {
            in_entry = seen_entry = 1;
            p = next;
            continue;
        }
        if (!in_entry && !told && an) {
            fn(ctx, CORPUS_MD_TEXT, line, a, an);
            told = 1;
        }
        p = next;
    }
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

/* The start of a document's reading: its lines counted afresh, and its
 * text checked (corpus_read_check_text()). */
static int start_document(corpus_reader *r, const char *path, const char **text, size_t *len)
{
    r->counted_text = r->counted_at = *text;   /* a new document, though at an old one's address */
    r->counted_line = 1;
    if (r->title && r->title_cap)
        r->title[0] = '\0';
    return corpus_read_check_text(r, path, text, len);
}

int corpus_read_md(corpus_reader *r, corpus_lang *lang, const char *path, const char *name,
                    const char *text, size_t len, entry_kind kind)
{
    int checked = start_document(r, path, &text, &len);
    if (checked != 0)
        return checked < 0 ? -1 : 0;   /* told: the document is left out */
    char *err = r->err;
    size_t errlen = r->errlen;
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
    int alts_open = 0, seen_heading1 = 0, seen_heading2 = 0, level;
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
        size_t run = corpus_md_fence(p, ln, &ch, &bare);
        if (fence_len) {
            if (run >= fence_len && ch == fence_ch && bare)
                fence_len = 0;
            alts_open = 0;
        } else if (run) {
            fence_len = run;
            fence_ch = ch;
            alts_open = 0;
        } else if (md_heading1(p, ln)) {
            if (cur && finish_entry(r, cur, text, answer_from, p) != 0)
                goto out;
            if (md_asking_heading1(p, ln, !cur && !n && !seen_heading1, &q, &qn) &&
                corpus_report_problem(r, CORPUS_NOTICE, path, line,
                                      "a level-1 heading (\"%.*s\") is a part title, not a question: it and "
                                      "the text under it are not read; a question is a level-2 heading, "
                                      "\"## %.*s\"",
                                      quote_len(q, qn, 200), q, quote_len(q, qn, 200), q) != 0)
                goto out;
            if (r->title && r->title_cap && !seen_heading1 && !seen_heading2) {
                const char *t;
                size_t tn;
                heading1_text(p, ln, &t, &tn);
                tn = utf8_cut(t, tn, r->title_cap - 1);
                memcpy(r->title, t, tn);
                r->title[tn] = '\0';
            }
            seen_heading1 = 1;
            cur = NULL;
            alts_open = 0;
        } else if (md_heading(p, ln, &q, &qn)) {
            seen_heading2 = 1;
            if (cur && finish_entry(r, cur, text, answer_from, p) != 0)
                goto out;
            cur = NULL;
            const char *id = NULL;
            size_t idn = 0;
            if (pcre2_match(re, (PCRE2_SPTR)q, qn, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                id = q + ov[4];
                idn = ov[5] - ov[4];
                qn = ov[3] - ov[2];
                if (idn == 0 || !corpus_id_valid(id, idn)) {
                    int stop = idn ? corpus_report_problem(r, 0, path, line, "bad id \"%.*s\" (" ID_RULE ")",
                                             quote_len(id, idn, 200), id)
                                   : corpus_report_problem(r, 1, path, line, "empty id \"{#}\"");
                    if (stop)
                        goto out;
                    id = NULL;   /* read on with the default id */
                }
            } else {
                const char *brace = NULL;
                for (size_t k = 0; k + 1 < qn && !brace; k++)
                    if (q[k] == '{' && q[k + 1] == '#')
                        brace = q + k;
                if (brace && corpus_report_problem(r, 1, path, line, "unclosed id \"%.*s\": write \"{#id}\" at the end of the heading",
                                     quote_len(brace, (size_t)(q + qn - brace), 200), brace) != 0)
                    goto out;
            }
            strip_closing_hashes(q, &qn);
            if (qn == 0) {
                if (corpus_report_problem(r, 0, path, line, "a heading with no question") != 0)
                    goto out;
                alts_open = 0;
                p = next;
                continue;
            }
            n++;
            if (!(cur = corpus_add_entry(lang, path, line, err, errlen)))
                goto out;
            cur->kind = kind;
            if (!(cur->question = strndup(q, qn)))
                goto oom;
            if (!id) {
                if (set_default_id(cur, name, n, err, errlen) != 0)
                    goto out;
            } else if (!(cur->id = strndup(id, idn))) {
                goto oom;
            }
            answer_from = next;
            alts_open = 1;
        } else if (md_heading_slip(p, ln)) {
            if (corpus_report_problem(r, 1, path, line, "malformed heading \"%.*s\": \"##\" needs a space after it",
                        quote_len(p, ln, 60), p) != 0)
                goto out;
            alts_open = 0;
        } else if (md_asking_subheading(p, ln, &level, &q, &qn)) {
            /* told, and read as it is: a heading within an answer is Markdown */
            int stop = cur ? corpus_report_problem(r, CORPUS_NOTICE, path, line,
                                                   "a level-%d heading that asks (\"%.*s\") is read as part of "
                                                   "the answer to \"%.*s\": a question of its own is a level-2 "
                                                   "heading, \"## %.*s\"",
                                                   level, quote_len(q, qn, 200), q,
                                                   quote_len(cur->question, strlen(cur->question), 200),
                                                   cur->question, quote_len(q, qn, 200), q)
                           : corpus_report_problem(r, CORPUS_NOTICE, path, line,
                                                   "a level-%d heading that asks (\"%.*s\") is not read: a "
                                                   "question is a level-2 heading, \"## %.*s\"",
                                                   level, quote_len(q, qn, 200), q, quote_len(q, qn, 200), q);
            if (stop)
                goto out;
            alts_open = 0;
        } else if (cur && alts_open) {
            /* "? other phrasing" lines right under the heading */
            if (md_alt_line(p, ln, &a, &an)) {
                if (an) {
                    unsigned *al = realloc(cur->alt_lines, (cur->n_alts + 1) * sizeof *al);
                    if (!al)
                        goto oom;
                    cur->alt_lines = al;
                    al[cur->n_alts] = line;
                    if (strv_add(&cur->alts, &cur->n_alts, a, an) != 0)
                        goto oom;
                }
                answer_from = next;
            } else if (md_alt_slip(p, ln)) {
                if (corpus_report_problem(r, 1, path, line,
                        "malformed alternate question \"%.*s\": \"?\" needs a space after it",
                        quote_len(p, ln, 60), p) != 0)
                    goto out;
                alts_open = 0;
            } else if (an == 1 && a[0] == '?') {
                /* a bare "?": an alternate question not written yet, which
                 * would open the answer with a lone "?" */
                if (corpus_report_problem(r, CORPUS_NOTICE, path, line,
                        "a \"?\" with no question after it is left out: an alternate question is "
                        "\"? other wording\"") != 0)
                    goto out;
                answer_from = next;
            } else if (an > 0 || cur->n_alts) {
                alts_open = 0;   /* text, or a blank line after the list, ends it */
            }
        } else if ((ln >= 4 && memcmp(p, "    ", 4) == 0) || (ln && p[0] == '\t')) {
            /* four spaces: code, where "? x" is an example, not a slip */
        } else if (md_alt_line(p, ln, &a, &an) && an &&
                   corpus_report_problem(r, 1, path, line,
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
    return end_document(r, lang, first, rc == 0 ? cur : NULL, rc, text, answer_from, end, md, re, NULL);
}

int corpus_parse_md(corpus_lang *lang, const char *path, const char *name, const char *text,
                    size_t len, entry_kind kind, char *err, size_t errlen)
{
    corpus_reader r = {.err = err, .errlen = errlen};
    return corpus_read_md(&r, lang, path, name, text, len, kind);
}

/* ---- plain text ---- */

int corpus_read_txt(corpus_reader *r, corpus_lang *lang, const char *path, const char *name,
                     const char *text, size_t len)
{
    int checked = start_document(r, path, &text, &len);
    if (checked != 0)
        return checked < 0 ? -1 : 0;   /* told: the document is left out */
    char *err = r->err;
    size_t errlen = r->errlen;
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
            PCRE2_UCHAR why[200];
            pcre2_get_error_message(m, why, sizeof why);
            snprintf(err, errlen, "%s:%u: the question pattern fails on this line: %s", path, line,
                     (const char *)why);
            goto out;
        }
        if (m >= 0) {
            if (cur && finish_entry(r, cur, text, answer_from, p) != 0)
                goto out;
            n++;
            if (!(cur = corpus_add_entry(lang, path, line, err, errlen)))
                goto out;
            cur->kind = ENTRY_FAQ;
            if (!(cur->question = strndup(s, sn)))
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
    return end_document(r, lang, first, rc == 0 ? cur : NULL, rc, text, answer_from, end, md, re, mc);
}

int corpus_parse_txt(corpus_lang *lang, const char *path, const char *name, const char *text,
                     size_t len, char *err, size_t errlen)
{
    corpus_reader r = {.err = err, .errlen = errlen};
    return corpus_read_txt(&r, lang, path, name, text, len);
}
