/* faq_md.h: a small reader of faqbot's Markdown FAQ format for the peer
 * drivers, so that Xapian and FTS5 index the same entries as faqbot.
 *
 * It follows src/corpus.h: CORPUS/<lang>/<name>.md; "## Question {#id}"
 * opens an entry (id "<name>-<n>" without one); "? alternate" lines right
 * under the heading belong to the question field; the answer is the text up
 * to the next "## " outside a fenced code block. Names starting with '.',
 * README.md and smalltalk.md are skipped: searcher_topk() ranks FAQ entries
 * only. Plain-text (.txt) documents are not read: the corpora benchmarked
 * here have none.
 *
 * Header-only (static functions, valid C and C++) so each driver stays one
 * file. Ownership: an md_entry's strings belong to the reader and are valid
 * only during the callback.
 */
#ifndef PEER_FAQ_MD_H
#define PEER_FAQ_MD_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct md_entry {
    const char *lang;   /* folder name: "es" */
    char *id;
    char *question;     /* the heading, then each alternate on its own line */
    char *answer;
} md_entry;

typedef void (*md_fn)(void *ctx, const md_entry *e);

/* A growable string; the drivers are tools, so running out of memory ends
 * the process rather than being reported. */
typedef struct md_buf { char *s; size_t len, cap; } md_buf;

static void md_put(md_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = (char *)realloc(b->s, b->cap);
        if (!b->s) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static int md_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void md_trim(const char **s, size_t *n)
{
    while (*n && md_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && md_space((*s)[*n - 1]))
        (*n)--;
}

/* Hands the entry in progress to fn, its answer being text [a, end). */
static void md_flush(md_entry *e, md_buf *id, md_buf *q, const char *a, const char *end,
                     md_fn fn, void *ctx)
{
    md_buf ans = {NULL, 0, 0};
    while (a < end && md_space(*a))      /* blank lines around it */
        a++;
    while (end > a && md_space(end[-1]))
        end--;
    md_put(&ans, a, (size_t)(end - a));
    e->id = id->s;
    e->question = q->s;
    e->answer = ans.s;
    fn(ctx, e);
    free(ans.s);
    id->len = q->len = 0;
}

static void md_text(const char *text, size_t len, const char *lang, const char *name,
                    md_fn fn, void *ctx)
{
    md_entry e = {lang, NULL, NULL, NULL};
    md_buf id = {NULL, 0, 0}, q = {NULL, 0, 0};
    const char *p = text, *end = text + len, *answer = NULL;
    int in_fence = 0, alts_open = 0;
    unsigned n = 0;
    while (p < end) {
        const char *eol = (const char *)memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        size_t ln = (size_t)((eol ? eol : end) - p);
        if (ln >= 3 && (!strncmp(p, "```", 3) || !strncmp(p, "~~~", 3)))
            in_fence = !in_fence;
        if (!in_fence && ln >= 3 && p[0] == '#' && p[1] == '#' && (p[2] == ' ' || p[2] == '\t')) {
            if (answer)
                md_flush(&e, &id, &q, answer, p, fn, ctx);
            const char *h = p + 3;
            size_t hn = ln - 3;
            md_trim(&h, &hn);
            const char *brace = NULL;   /* the last '{' of a heading ending in '}' */
            for (size_t i = hn; i-- > 0 && h[hn - 1] == '}';)
                if (h[i] == '{') {
                    brace = h + i;
                    break;
                }
            n++;
            if (brace && brace[1] == '#') {
                md_put(&id, brace + 2, (size_t)(h + hn - 1 - (brace + 2)));
                hn = (size_t)(brace - h);
                md_trim(&h, &hn);
            } else {
                char buf[512];
                int k = snprintf(buf, sizeof buf, "%s-%u", name, n);
                md_put(&id, buf, (size_t)k < sizeof buf ? (size_t)k : sizeof buf - 1);
            }
            md_put(&q, h, hn);
            answer = next;
            alts_open = 1;
        } else if (answer && alts_open) {
            const char *a = p;
            size_t an = ln;
            md_trim(&a, &an);
            if (an >= 2 && a[0] == '?' && (a[1] == ' ' || a[1] == '\t')) {
                md_put(&q, "\n", 1);
                md_put(&q, a + 2, an - 2);
                answer = next;
            } else if (an > 0 || strchr(q.s, '\n')) {
                alts_open = 0;   /* text, or a blank line after the list, ends it */
            }
        }
        p = next;
    }
    if (answer)
        md_flush(&e, &id, &q, answer, end, fn, ctx);
    free(id.s);
    free(q.s);
}

static int md_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir that pass keep(), sorted, so every engine sees the
 * entries in the same order. Returns how many; *out is freed by the caller. */
static size_t md_list(const char *dir, int (*keep)(const char *), char ***out)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **v = NULL;
    size_t n = 0;
    while (d && (de = readdir(d)))
        if (de->d_name[0] != '.' && keep(de->d_name)) {
            v = (char **)realloc(v, (n + 1) * sizeof *v);
            v[n++] = strdup(de->d_name);
        }
    if (d)
        closedir(d);
    if (n)
        qsort(v, n, sizeof *v, md_cmp);
    *out = v;
    return n;
}

static int md_is_lang(const char *name) { return strlen(name) < 8 && !strchr(name, '.'); }

static int md_is_faq(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && !strcmp(name + n - 3, ".md") && strcmp(name, "README.md") &&
           strcmp(name, "smalltalk.md");
}

/* Calls fn for every FAQ entry of every language folder of dir. Returns the
 * number of files read, 0 when there is no corpus there. */
static size_t md_corpus(const char *dir, md_fn fn, void *ctx)
{
    char **langs, **files;
    size_t nl = md_list(dir, md_is_lang, &langs), read = 0;
    for (size_t l = 0; l < nl; l++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, langs[l]);
        size_t nf = md_list(path, md_is_faq, &files);
        for (size_t f = 0; f < nf; f++) {
            char fp[8192];
            snprintf(fp, sizeof fp, "%s/%s", path, files[f]);
            FILE *fh = fopen(fp, "rb");
            md_buf text = {NULL, 0, 0};
            char chunk[65536];
            size_t got;
            while (fh && (got = fread(chunk, 1, sizeof chunk, fh)) > 0)
                md_put(&text, chunk, got);
            if (fh) {
                fclose(fh);
                files[f][strlen(files[f]) - 3] = '\0';   /* the name, for default ids */
                md_text(text.s ? text.s : "", text.len, langs[l], files[f], fn, ctx);
                read++;
            }
            free(text.s);
            free(files[f]);
        }
        free(files);
        free(langs[l]);
    }
    free(langs);
    return read;
}

#endif
