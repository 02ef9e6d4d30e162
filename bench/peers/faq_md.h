/* faq_md.h: a small reader of faqbot's Markdown FAQ format for the peer
 * benchmark drivers ("## Question {#id}", "? alternate", answer up to the
 * next "## "), so that every engine indexes the same entries. It reads
 * corpus/<lang>/NAME.md files except smalltalk.md. Header-only: each driver is one
 * file. */
#ifndef FAQ_MD_H
#define FAQ_MD_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct md_entry { char lang[8]; char *id; char *question; char *answer; } md_entry;
typedef void (*md_fn)(void *ctx, const md_entry *e);

static char *md_dup(const char *s, size_t n)
{
    char *p = (char *)malloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void md_emit(md_fn fn, void *ctx, md_entry *e, const char *ans, size_t n)
{
    if (!e->question)
        return;
    e->answer = md_dup(ans, n);
    fn(ctx, e);
    free(e->id);
    free(e->question);
    free(e->answer);
    e->id = e->question = e->answer = NULL;
}

static void md_file(const char *path, const char *lang, md_fn fn, void *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = (char *)malloc((size_t)n + 1);
    size_t got = fread(text, 1, (size_t)n, f);
    text[got] = '\0';
    fclose(f);
    md_entry e;
    memset(&e, 0, sizeof e);
    snprintf(e.lang, sizeof e.lang, "%s", lang);
    const char *ans = NULL, *p = text;
    size_t qlen_extra = 0;
    (void)qlen_extra;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len > 3 && p[0] == '#' && p[1] == '#' && p[2] == ' ') {
            if (ans)
                md_emit(fn, ctx, &e, ans, (size_t)(p - ans));
            const char *q = p + 3, *id = NULL;
            size_t qn = len - 3;
            const char *brace = (const char *)memchr(q, '{', qn);
            if (brace && brace[1] == '#') {
                const char *close = (const char *)memchr(brace, '}', qn - (size_t)(brace - q));
                if (close) {
                    id = brace + 2;
                    e.id = md_dup(id, (size_t)(close - id));
                    qn = (size_t)(brace - q);
                }
            }
            while (qn && q[qn - 1] == ' ')
                qn--;
            e.question = md_dup(q, qn);
            if (!e.id)
                e.id = md_dup("?", 1);
            ans = eol ? eol + 1 : p + len;
        } else if (ans && len > 2 && p[0] == '?' && p[1] == ' ' && e.question) {
            /* an alternate phrasing belongs to the question field */
            size_t ql = strlen(e.question);
            char *q2 = (char *)malloc(ql + len + 1);
            memcpy(q2, e.question, ql);
            q2[ql] = '\n';
            memcpy(q2 + ql + 1, p + 2, len - 2);
            q2[ql + len - 1] = '\0';
            free(e.question);
            e.question = q2;
            ans = eol ? eol + 1 : p + len;
        }
        p = eol ? eol + 1 : p + len;
    }
    if (ans)
        md_emit(fn, ctx, &e, ans, strlen(ans));
    free(e.id);
    free(e.question);
    free(text);
}

static int md_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every entry of every language folder of dir, files in name order. */
static void md_corpus(const char *dir, md_fn fn, void *ctx)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char *langs[64];
    int nl = 0;
    while (d && (de = readdir(d)) && nl < 64)
        if (de->d_name[0] != '.' && strlen(de->d_name) <= 3 && strchr(de->d_name, '.') == NULL)
            langs[nl++] = strdup(de->d_name);
    if (d)
        closedir(d);
    qsort(langs, (size_t)nl, sizeof *langs, md_cmp);
    for (int l = 0; l < nl; l++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, langs[l]);
        DIR *ld = opendir(path);
        char *files[4096];
        int nf = 0;
        while (ld && (de = readdir(ld)) && nf < 4096) {
            size_t n = strlen(de->d_name);
            if (n > 3 && strcmp(de->d_name + n - 3, ".md") == 0 && strcmp(de->d_name, "smalltalk.md") != 0 &&
                strcmp(de->d_name, "README.md") != 0)
                files[nf++] = strdup(de->d_name);
        }
        if (ld)
            closedir(ld);
        qsort(files, (size_t)nf, sizeof *files, md_cmp);
        for (int f = 0; f < nf; f++) {
            char fp[8192];
            snprintf(fp, sizeof fp, "%s/%s", path, files[f]);
            md_file(fp, langs[l], fn, ctx);
            free(files[f]);
        }
        free(langs[l]);
    }
}

#endif
