/* decompound.c: a compound word as the words it is made of. */
#include "decompound.h"

#include <stdlib.h>
#include <string.h>

#include "lang_pack.h"
#include "utf8.h"

/* The length of link when word[0 .. cut) ends in it and leaves a first
 * part of min_part code points at least, else 0. */
static size_t link_before(const char *word, size_t cut, const char *link, size_t min_part)
{
    size_t n = strlen(link);
    return n < cut && memcmp(word + cut - n, link, n) == 0 &&
                   utf8_length(word, cut - n) >= min_part
               ? n
               : 0;
}

/* The two-part split of word whose parts are words by has(), the longest
 * first part first: a longer known first part is the likelier reading
 * ("bildschirm|schoner" before "bild|schirmschoner"). A linking element of
 * links may end the first part ("Versions|nummer"). */
static int split_two(const char *word, size_t len, const decompound_links *links,
                     size_t min_part, decompound_has_fn has, void *ctx, decompound_split *out)
{
    size_t total = utf8_length(word, len);
    if (total < 2 * min_part)
        return 0;
    /* the first part's code points counted down with the cut, not again
     * from the word's start at each */
    size_t head_cps = total;
    for (size_t cut = len; cut-- > 1;) {
        if (utf8_continues((unsigned char)word[cut]))
            continue;
        head_cps--;
        if (head_cps < min_part)
            break;      /* every shorter first part is shorter still */
        if (total - head_cps < min_part)
            continue;
        if (!has(ctx, word + cut, len - cut))
            continue;
        if (has(ctx, word, cut)) {
            *out = (decompound_split){cut, cut};
            return 1;
        }
        for (int k = 0; k < links->n; k++) {
            size_t n = link_before(word, cut, links->link[k], min_part);
            if (n && has(ctx, word, cut - n)) {
                *out = (decompound_split){cut - n, cut};
                return 1;
            }
        }
    }
    return 0;
}

int decompound(const char *word, size_t len, decompound_has_fn has, void *ctx,
               decompound_split *out)
{
    static const decompound_links query_links = {.on = 1, .n = 2, .link = {"s", "-"}};
    return split_two(word, len, &query_links, DECOMPOUND_MIN_PART, has, ctx, out);
}

int decompound_apart(const char *word, size_t len, size_t min_part, decompound_has_fn has,
                     void *ctx, decompound_split *out)
{
    static const decompound_links none = {.on = 1};
    return split_two(word, len, &none, min_part ? min_part : 1, has, ctx, out);
}

/* The elements of text's lines named name ("!compounds") into list (*n
 * of them so far); returns whether there was such a line. */
static int read_lines(const char *text, const char *name, char list[][DECOMPOUND_LINK_BYTES + 1],
                      int *n, int max)
{
    size_t name_len = strlen(name);
    int seen = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        const char *end = p + len, *c = p + name_len;
        if (len >= name_len && memcmp(p, name, name_len) == 0 &&
            (c == end || *c == ' ' || *c == '\t' || *c == '\r')) {
            seen = 1;
            for (size_t k; (k = utf8_next_item(&c, end)) > 0; c += k)
                if (k <= DECOMPOUND_LINK_BYTES && *n < max) {
                    memcpy(list[*n], c, k);
                    list[(*n)++][k] = '\0';
                }
        }
        p = *end ? end + 1 : end;
    }
    return seen;
}

void decompound_links_parse(decompound_links *r, const char *text)
{
    if (read_lines(text, STOP_SETTING_COMPOUNDS, r->link, &r->n, DECOMPOUND_MAX_LINKS))
        r->on = 1;
    read_lines(text, STOP_SETTING_PLURALS, r->plural, &r->n_plural, DECOMPOUND_MAX_LINKS);
    read_lines(text, STOP_SETTING_SUFFIXES, r->suffix, &r->n_suffix, DECOMPOUND_MAX_SUFFIXES);
    char least[1][DECOMPOUND_LINK_BYTES + 1];
    int n = 0;
    if (read_lines(text, STOP_SETTING_LISTED, least, &n, 1) && n)
        r->listed_min = (int)strtol(least[0], NULL, 10);
}

/* Does word (len bytes) end in suffix then ending? Where the suffix
 * starts, or len when it does not. */
static size_t suffix_at(const char *word, size_t len, const char *suffix, const char *ending)
{
    size_t s = strlen(suffix), e = strlen(ending);
    if (s + e >= len || memcmp(word + len - e, ending, e) != 0 ||
        memcmp(word + len - e - s, suffix, s) != 0)
        return len;
    return len - e - s;
}

size_t decompound_suffix_cut(const char *word, size_t len, const decompound_links *links)
{
    /* the longest suffix it ends in ("ation", not "ion") */
    size_t at = len;
    for (int i = 0; i < links->n_suffix; i++) {
        size_t s = suffix_at(word, len, links->suffix[i], "");
        for (int k = 0; k < links->n_plural && s == len; k++)
            s = suffix_at(word, len, links->suffix[i], links->plural[k]);
        for (int k = 0; k < links->n && s == len; k++)
            s = suffix_at(word, len, links->suffix[i], links->link[k]);
        if (s < at)
            at = s;
    }
    if (at == len)
        return len;
    /* the base's last letter: a piece of one letter is no part */
    return utf8_last_start(word, at);
}

/* A reading of a span: its parts, how many of them has() says may be
 * compounds (it could not split them), and how many parts before another
 * end in a derivational suffix with no linking element after it. */
typedef struct reading {
    size_t n, unsplit, bare;
    decompound_part part[DECOMPOUND_MAX_PARTS];
} reading;

/* Is a better than b? (decompound_parts(): the fewest unsplit parts, then
 * the fewest parts, then the fewest bare suffixes, then the longest last
 * part) */
static int better(const reading *a, const reading *b)
{
    if (a->unsplit != b->unsplit)
        return a->unsplit < b->unsplit;
    if (a->n != b->n)
        return a->n < b->n;
    if (a->bare != b->bare)
        return a->bare < b->bare;
    return a->part[a->n - 1].len > b->part[b->n - 1].len;
}

/* Does word (len bytes) end in one of links' derivational suffixes? */
static int ends_in_suffix(const char *word, size_t len, const decompound_links *links)
{
    for (int i = 0; i < links->n_suffix; i++)
        if (suffix_at(word, len, links->suffix[i], "") < len)
            return 1;
    return 0;
}

typedef struct split_ctx {
    const char *word;
    const decompound_links *links;
    decompound_has_fn has;
    void *ctx;
    size_t cap;
} split_ctx;

static int read_span(const split_ctx *x, size_t off, size_t len, int verdict, reading *out);

/* The reading of first part [off, off + head) and the rest [off + tail,
 * off + len), each as read_span() reads it, into *out; 0 when it has too
 * many parts. */
static int read_pair(const split_ctx *x, size_t off, size_t len, size_t head, int head_verdict,
                     size_t tail, int tail_verdict, reading *out)
{
    reading a, b;
    if (!read_span(x, off, head, head_verdict, &a) ||
        !read_span(x, off + tail, len - tail, tail_verdict, &b) || a.n + b.n > x->cap)
        return 0;
    *out = a;
    for (size_t i = 0; i < b.n; i++)
        out->part[out->n++] = b.part[i];
    out->unsplit += b.unsplit;
    /* a part made by a derivational suffix takes the linking element
     * before another ("Sundhed|s|kort", "Versicherung|s|karte"): read
     * without it, the next part is rather another word ("Sundhed|skort") */
    const decompound_part *last = &a.part[a.n - 1];
    out->bare += b.bare + (tail == head && ends_in_suffix(x->word + last->off, last->len, x->links));
    return 1;
}

/* The best reading of the span [off, off + len), a word whose verdict by
 * has() is verdict: a word of its own is one part, one that may be a
 * compound is split where it splits (or is one unsplit part). 0 when
 * none fits in x->cap parts. */
static int read_span(const split_ctx *x, size_t off, size_t len, int verdict, reading *out)
{
    const char *w = x->word + off;
    int found = 0;
    size_t total = utf8_length(w, len);
    /* a word of its own is one part, but in a language whose dictionary
     * lists its compounds as words ("!listed"), a long one is split as
     * the whole word is ("syge|sikringskort": "sikring|s|kort") */
    int listed = verdict == 2 && x->links->listed_min > 0 &&
                 total >= (size_t)x->links->listed_min;
    if ((verdict == 2 && !listed) || x->cap < 2) {
        *out = (reading){1, verdict != 2, 0, {{off, len}}};
        return 1;
    }
    /* ... but not where its head would be the derivational suffix read as
     * a word ("tilladelse" is no "tillad|else") */
    size_t head_before = listed ? off + decompound_suffix_cut(w, len, x->links) : off + len;
    for (size_t cut = len; total >= 2 * DECOMPOUND_MIN_PART && cut-- > 1;) {
        if (utf8_continues((unsigned char)w[cut]))
            continue;
        size_t head_cps = utf8_length(w, cut);
        if (head_cps < DECOMPOUND_MIN_PART || total - head_cps < DECOMPOUND_MIN_PART)
            continue;
        int tail_verdict = x->has(x->ctx, w + cut, len - cut);
        if (!tail_verdict)
            continue;
        /* the first part as it stands, then without a linking element */
        for (int k = -1; k < x->links->n; k++) {
            size_t n = k < 0 ? 0 : link_before(w, cut, x->links->link[k], DECOMPOUND_MIN_PART);
            if (k >= 0 && !n)
                continue;
            int head_verdict = x->has(x->ctx, w, cut - n);
            reading r;
            if (head_verdict &&
                read_pair(x, off, len, cut - n, head_verdict, cut, tail_verdict, &r) &&
                r.part[r.n - 1].off < head_before && (!found || better(&r, out))) {
                *out = r;
                found = 1;
            }
        }
    }
    if (!found)
        *out = (reading){1, verdict != 2, 0, {{off, len}}};
    return 1;
}

size_t decompound_parts(const char *word, size_t len, const decompound_links *links,
                        decompound_has_fn has, void *ctx, decompound_part *out, size_t cap)
{
    split_ctx x = {word, links, has, ctx, cap < DECOMPOUND_MAX_PARTS ? cap : DECOMPOUND_MAX_PARTS};
    reading r;
    if (!read_span(&x, 0, len, 1, &r) || r.n < 2)
        return 0;
    for (size_t i = 0; i < r.n; i++)
        out[i] = r.part[i];
    return r.n;
}

size_t decompound_unlinked(const char *word, size_t len, const decompound_links *links)
{
    for (int k = 0; k < links->n; k++) {
        size_t n = link_before(word, len, links->link[k], DECOMPOUND_MIN_PART);
        if (n)
            return len - n;
    }
    return len;
}

size_t decompound_group(size_t n, int coarse, decompound_group_fn held, void *ctx,
                        size_t *last_of)
{
    /* held() asked once per run: a run may be in many groupings */
    signed char memo[DECOMPOUND_MAX_PARTS][DECOMPOUND_MAX_PARTS];
    memset(memo, -1, sizeof memo);
    if (n < 2 || n > DECOMPOUND_MAX_PARTS)
        return 0;
    /* a grouping as the cuts between parts: bit i, a cut after part i */
    unsigned best = 0;
    size_t best_groups = 0, best_head = 0;
    for (unsigned cuts = 1; cuts < 1u << (n - 1); cuts++) {
        size_t groups = 0, first = 0;
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) {
            if (i + 1 < n && !(cuts >> i & 1))
                continue;
            if (memo[first][i] < 0)
                memo[first][i] = held(ctx, first, i) != 0;
            ok = memo[first][i];
            groups++;
            if (i + 1 < n)
                first = i + 1;
        }
        if (!ok)
            continue;
        /* first is now where the last group starts: the sooner, the longer */
        int fewer = groups < best_groups, more = groups > best_groups;
        if (!best_groups || (coarse ? fewer : more) ||
            (groups == best_groups && first < best_head)) {
            best = cuts;
            best_groups = groups;
            best_head = first;
        }
    }
    if (!best_groups)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i + 1 == n || best >> i & 1)
            last_of[k++] = i;
    return k;
}
