/* corpus.c: reads FAQ documents into entries (see corpus.h). */
#include "corpus.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"
#include "limits.h"

/* The default plain-text rule: a question opens with '¿' or ends with '?'. */
#define TXT_QUESTION_PATTERN "^(?:¿.*|.*\\?)$"
#define TXT_PATTERN_DIRECTIVE "# question-pattern:"
/* "## Question {#id}": Pandoc's header attribute, id of [A-Za-z0-9._-] */
#define MD_ID_PATTERN "^(.*?)[ \\t]*\\{#([^}]*)\\}[ \\t]*$"

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

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
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

/* Byte offset of the first invalid UTF-8 sequence (or NUL) in text. */
static size_t first_bad_utf8(const char *text, size_t len)
{
    size_t lo = 0;
    /* the line holding it is enough: find the first line that is not valid */
    while (lo < len) {
        const char *eol = memchr(text + lo, '\n', len - lo);
        size_t n = eol ? (size_t)(eol - (text + lo)) : len - lo;
        if (!utf8_valid(text + lo, n))
            return lo;
        lo += n + 1;
    }
    return len;
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

static corpus_entry *new_entry(corpus_lang *lang)
{
    size_t n = lang->n_entries;
    if (n == 0 || (n >= 16 && (n & (n - 1)) == 0)) {   /* capacity: 16, then doubling */
        size_t cap = n ? n * 2 : 16;
        corpus_entry *e = realloc(lang->entries, cap * sizeof *e);
        if (!e)
            return NULL;
        lang->entries = e;
    }
    corpus_entry *e = &lang->entries[lang->n_entries++];
    memset(e, 0, sizeof *e);
    return e;
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
 * trailing blank lines. Empty: -1 (no answer). */
static int set_answer(corpus_entry *e, const char *from, const char *to)
{
    while (from < to) {
        const char *eol = memchr(from, '\n', (size_t)(to - from));
        const char *end = eol ? eol : to;
        const char *p = from;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p < end)
            break;
        from = eol ? eol + 1 : to;
    }
    while (to > from && (to[-1] == '\n' || to[-1] == '\r' || to[-1] == ' ' || to[-1] == '\t'))
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

static int line_matches(pcre2_code *re, pcre2_match_data *md, const char *s, size_t n)
{
    return pcre2_match(re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
}

/* Check every entry added since first has an answer; ids are checked when
 * the language is complete. */
static int finish_entry(corpus_entry *e, const char *path, const char *text, const char *from,
                        const char *to, char *err, size_t errlen)
{
    int rc = set_answer(e, from, to);
    if (rc == -1) {
        snprintf(err, errlen, "%s:%u: the question \"%s\" has no answer", path, e->line, e->question);
        return -1;
    }
    if (rc == -2) {
        snprintf(err, errlen, "%s:%u: out of memory", path, line_of(text, 0));
        return -1;
    }
    return 0;
}

/* The common end of both parsers: close the last entry, and on failure
 * take back every entry the document added, so the language is as it was. */
static int end_document(corpus_lang *lang, size_t first, corpus_entry *last, int rc,
                        const char *path, const char *text, const char *answer_from,
                        const char *end, pcre2_match_data *md, pcre2_code *re, char *err,
                        size_t errlen)
{
    if (rc == 0 && last && finish_entry(last, path, text, answer_from, end, err, errlen) != 0)
        rc = -1;
    if (rc != 0) {
        for (size_t i = first; i < lang->n_entries; i++)
            entry_free(&lang->entries[i]);
        lang->n_entries = first;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return rc;
}

/* ---- Markdown ---- */

int corpus_parse_md(corpus_lang *lang, const char *path, const char *name, const char *text,
                    size_t len, entry_kind kind, char *err, size_t errlen)
{
    if (!utf8_valid(text, len)) {
        snprintf(err, errlen, "%s:%u: invalid UTF-8", path, line_of(text, first_bad_utf8(text, len)));
        return -1;
    }
    char msg[256];
    pcre2_code *re = compile(MD_ID_PATTERN, PCRE2_ZERO_TERMINATED, msg, sizeof msg);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    if (!md) {
        snprintf(err, errlen, "%s: internal pattern: %s", path, msg);
        pcre2_code_free(re);
        return -1;
    }
    int rc = -1;
    size_t first = lang->n_entries;
    corpus_entry *cur = NULL;
    const char *answer_from = NULL;
    int in_fence = 0, alts_open = 0;
    unsigned n = 0, line = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        size_t ln = (size_t)((eol ? eol : end) - p);
        line++;
        /* a "## " inside a fenced code block is code, not a question */
        if (ln >= 3 && (strncmp(p, "```", 3) == 0 || strncmp(p, "~~~", 3) == 0))
            in_fence = !in_fence;
        if (!in_fence && ln >= 3 && p[0] == '#' && p[1] == '#' && (p[2] == ' ' || p[2] == '\t')) {
            if (cur && finish_entry(cur, path, text, answer_from, p, err, errlen) != 0)
                goto out;
            const char *q = p + 3;
            size_t qn = ln - 3;
            trim(&q, &qn);
            const char *id = NULL;
            size_t idn = 0;
            if (pcre2_match(re, (PCRE2_SPTR)q, qn, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                id = q + ov[4];
                idn = ov[5] - ov[4];
                qn = ov[3] - ov[2];
                if (!valid_id(id, idn)) {
                    snprintf(err, errlen, "%s:%u: bad id \"%.*s\" (letters, digits, '.', '_', '-'; at most %d bytes)",
                             path, line, (int)(idn > 200 ? 200 : idn), id, FAQ_MAX_ID_BYTES);
                    goto out;
                }
            }
            if (qn == 0) {
                snprintf(err, errlen, "%s:%u: a heading with no question", path, line);
                goto out;
            }
            n++;
            cur = new_entry(lang);
            if (!cur)
                goto oom;
            cur->kind = kind;
            cur->line = line;
            cur->question = dup_range(q, qn);
            cur->file = strdup(path);
            if (id) {
                cur->id = dup_range(id, idn);
            } else {
                char buf[FAQ_MAX_ID_BYTES * 2 + 16];
                snprintf(buf, sizeof buf, "%s-%u", name, n);
                cur->id = strdup(buf);
            }
            if (!cur->question || !cur->file || !cur->id)
                goto oom;
            answer_from = next;
            alts_open = 1;
        } else if (cur && alts_open) {
            /* "? other phrasing" lines right under the heading */
            const char *a = p;
            size_t an = ln;
            trim(&a, &an);
            if (an >= 2 && a[0] == '?' && (a[1] == ' ' || a[1] == '\t')) {
                a += 2;
                an -= 2;
                trim(&a, &an);
                if (an && add_alt(cur, a, an) != 0)
                    goto oom;
                answer_from = next;
            } else if (an > 0) {
                alts_open = 0;
            } else if (cur->n_alts) {
                alts_open = 0;   /* a blank line after the list ends it */
            }
        }
        p = next;
    }
    rc = 0;
    goto out;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", path, line);
out:
    return end_document(lang, first, rc == 0 ? cur : NULL, rc, path, text, answer_from, end, md, re,
                        err, errlen);
}

/* ---- plain text ---- */

int corpus_parse_txt(corpus_lang *lang, const char *path, const char *name, const char *text,
                     size_t len, char *err, size_t errlen)
{
    if (!utf8_valid(text, len)) {
        snprintf(err, errlen, "%s:%u: invalid UTF-8", path, line_of(text, first_bad_utf8(text, len)));
        return -1;
    }
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
            snprintf(err, errlen, "%s: internal pattern: %s", path, msg);
            return -1;
        }
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = -1;
    size_t first = lang->n_entries;
    corpus_entry *cur = NULL;
    const char *answer_from = NULL;
    unsigned n = 0;
    if (!md)
        goto oom;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        const char *s = p;
        size_t sn = (size_t)((eol ? eol : end) - p);
        line++;
        trim(&s, &sn);
        if (sn && line_matches(re, md, s, sn)) {
            if (cur && finish_entry(cur, path, text, answer_from, p, err, errlen) != 0)
                goto out;
            n++;
            cur = new_entry(lang);
            if (!cur)
                goto oom;
            char buf[FAQ_MAX_ID_BYTES * 2 + 16];
            snprintf(buf, sizeof buf, "%s-%u", name, n);
            cur->id = strdup(buf);
            cur->question = dup_range(s, sn);
            cur->file = strdup(path);
            cur->line = line;
            cur->kind = ENTRY_FAQ;
            if (!cur->id || !cur->question || !cur->file)
                goto oom;
            answer_from = next;
        }
        p = next;
    }
    rc = 0;
    goto out;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", path, line);
out:
    return end_document(lang, first, rc == 0 ? cur : NULL, rc, path, text, answer_from, end, md, re,
                        err, errlen);
}

/* ---- folders ---- */

const char *corpus_stemmer_name(const char *code)
{
    const char **list = sb_stemmer_list();
    struct sb_stemmer *st = sb_stemmer_new(code, "UTF_8");
    if (!st)
        return NULL;
    sb_stemmer_delete(st);
    /* libstemmer accepts ISO codes as aliases; report the algorithm's name
     * when the code is one of them, else the code itself */
    for (size_t i = 0; list[i]; i++)
        if (strncmp(list[i], code, 2) == 0)
            return list[i];
    return code;
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
        snprintf(err, errlen, "%s:1: not a regular file", path);
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

/* The names in dir, sorted, without those starting with '.'. */
static char **list_dir(const char *dir, size_t *n, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s:1: cannot open folder: %s", dir, strerror(errno));
        return NULL;
    }
    size_t cap = 16;
    char **names = malloc(cap * sizeof *names);
    *n = 0;
    struct dirent *de;
    while (names && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (*n == cap) {
            char **nn = realloc(names, (cap *= 2) * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        if (!(names[*n] = strdup(de->d_name)))
            break;
        (*n)++;
    }
    closedir(d);
    if (!names) {
        snprintf(err, errlen, "%s: out of memory", dir);
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
    return a >= b && strcmp(s + a - b, suffix) == 0;
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

typedef struct id_line { const char *id; const corpus_entry *e; } id_line;

static int cmp_id_line(const void *a, const void *b)
{
    const id_line *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->e < y->e ? -1 : x->e > y->e;
}

static int check_ids(const corpus_lang *lang, char *err, size_t errlen)
{
    if (lang->n_entries < 2)
        return 0;
    id_line *v = malloc(lang->n_entries * sizeof *v);
    if (!v) {
        snprintf(err, errlen, "%s: out of memory", lang->code);
        return -1;
    }
    for (size_t i = 0; i < lang->n_entries; i++)
        v[i] = (id_line){lang->entries[i].id, &lang->entries[i]};
    qsort(v, lang->n_entries, sizeof *v, cmp_id_line);
    for (size_t i = 1; i < lang->n_entries; i++) {
        if (strcmp(v[i].id, v[i - 1].id) == 0) {
            const corpus_entry *a = v[i - 1].e, *b = v[i].e;
            snprintf(err, errlen, "%s:%u: duplicate id \"%s\" (first at %s:%u)", b->file, b->line,
                     b->id, a->file, a->line);
            free(v);
            return -1;
        }
    }
    free(v);
    return 0;
}

static int load_lang(const char *dir, corpus_lang *lang, char *err, size_t errlen)
{
    size_t n;
    char **names = list_dir(dir, &n, err, errlen);
    if (!names)
        return -1;
    int rc = -1;
    char path[4096];
    for (size_t i = 0; i < n; i++) {
        const char *f = names[i];
        if (snprintf(path, sizeof path, "%s/%s", dir, f) >= (int)sizeof path) {
            snprintf(err, errlen, "%s/%s:1: path too long", dir, f);
            goto out;
        }
        int md = ends_with(f, ".md"), txt = ends_with(f, ".txt");
        if ((!md && !txt) || strcmp(f, "README.md") == 0)
            continue;
        char *text;
        size_t len;
        if (read_file(path, &text, &len, err, errlen) != 0)
            goto out;
        char **slot = NULL;
        if (strcmp(f, "stopwords.txt") == 0) slot = &lang->stopwords;
        else if (strcmp(f, "synonyms.txt") == 0) slot = &lang->synonyms;
        else if (strcmp(f, "messages.txt") == 0) slot = &lang->messages;
        if (slot) {
            if (!utf8_valid(text, len)) {
                snprintf(err, errlen, "%s:%u: invalid UTF-8", path, line_of(text, first_bad_utf8(text, len)));
                free(text);
                goto out;
            }
            *slot = text;
            continue;
        }
        char base[1024];
        snprintf(base, sizeof base, "%.*s", (int)(strlen(f) - (md ? 3 : 4)), f);
        int r = md ? corpus_parse_md(lang, path, base, text, len,
                                     strcmp(f, "smalltalk.md") == 0 ? ENTRY_SMALLTALK : ENTRY_FAQ,
                                     err, errlen)
                   : corpus_parse_txt(lang, path, base, text, len, err, errlen);
        free(text);
        if (r != 0)
            goto out;
    }
    rc = check_ids(lang, err, errlen);
out:
    free_names(names, n);
    return rc;
}

int corpus_load(const char *dir, corpus **out, char *err, size_t errlen)
{
    *out = NULL;
    corpus *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "%s: out of memory", dir);
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
        snprintf(err, errlen, "%s: out of memory", dir);
        goto out;
    }
    char path[4096];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
            goto out;
        }
        if (!S_ISDIR(st.st_mode))
            continue;   /* corpus/README.md and the like */
        if (!is_lang_code(names[i]) || !corpus_stemmer_name(names[i])) {
            snprintf(err, errlen, "%s:1: unknown language folder \"%s\" (a language code libstemmer knows: es, en, fr, pt, de, it, ...)",
                     path, names[i]);
            goto out;
        }
        corpus_lang *l = &c->langs[c->n_langs++];
        snprintf(l->code, sizeof l->code, "%s", names[i]);
        if (load_lang(path, l, err, errlen) != 0)
            goto out;
    }
    if (c->n_langs == 0) {
        snprintf(err, errlen, "%s:1: no language folder (corpus/<lang>/*.md)", dir);
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
    free(c);
}
