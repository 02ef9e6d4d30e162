/* import_faq.c: a numbered plain-text FAQ read into entries (see import_faq.h):
 * "1.2. Question" lines at the start of a line, as in Debian's FAQ, with the
 * answers indented under them or not. Ids come from the section numbers, so
 * that the translations of one document share them.
 *
 * A numbered line is a section only where the document's numbering leads to
 * it: the sections are the run of numbered lines, each following the one
 * before (2.1 or 2 after 1.7, 2.2 or 2.1.1 after 2.1, 4.10 after 4.3; never
 * 3.79.1 after 2.1), that covers the most questions with text under them.
 * So a version number opening a line of an answer is text, and a table of
 * contents that repeats the numbers is passed over. A number of one level
 * ("3.") counts before a question ("3. ¿Qué es?"), or, in a document with
 * no deeper numbers, wherever it goes on from the one before (1., 2., ...,
 * its numbers aligned on the right or not).
 *
 * A question with no text of its own whose subsections answer it ("4.30.
 * How do I read environment variables?" over "4.30.1. - on Unix", "4.30.2.
 * - on DOS") is gathered: its answer lists the parts, number and title,
 * under a lead in the document's language (the packs' "import_parts"
 * message), as a FAQ's table of contents or a multi-turn FAQ's follow-up
 * prompts do; each part stays an entry with its own text, opened by the way
 * to it ("How do I read environment variables? - on Unix"), as the headings
 * over a section say what it is about. Not their text in the question's
 * answer again: one question would find the same text in two entries, and
 * the bot would ask which one was meant. */
#include "import_faq.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "import_plain.h"
#include "lang_pack.h"
#include "utf8.h"

/* A section: its number and title, at the start of a line (a number of one
 * level may be aligned on the right: " 9." over "10."); the number may
 * close with a parenthesis ("3) Question", as a word processor numbers a
 * list); the separator may be a no-break space, as in Debian's FAQ. */
#define SECTION_PATTERN "^( *)(\\d+(?:\\.\\d+)*)[.)]?\\h+(\\S.*?)\\h*$"
/* A longer "number" is text, not a section: the id made of it, with its
 * prefix, must stay within FAQ_MAX_ID_BYTES. */
#define SECTION_NUMBER_MAX 32
#define SECTION_LEVELS_MAX 8
/* The numbers a document may skip from one section to the next (the sed
 * FAQ goes from 4.3 to 4.10), and how far back, in numbered lines, the
 * section before one is looked for. */
#define SECTION_GAP_MAX 16
#define SECTION_LOOKBACK 256
/* A question running over more lines than this without ending (at its
 * "?" or ":", or at a blank line) is its first line: the rest is answer. */
#define QUESTION_LINES_MAX 6
/* The lines of prose that tell the answers' margin; with fewer, every line
 * of text does. */
#define MARGIN_PROSE_MIN 10
/* The message, in the document's language, over the list of a question's
 * parts (docs/messages.md), and the bytes it may take; the document's
 * language is the one whose stop words are most of those in this much of
 * its text. */
#define PARTS_LEAD_KEY "import_parts"
#define PARTS_LEAD_MAX 256
#define LANGUAGE_SAMPLE_BYTES 4096

typedef import_line line;

/* Starts with a space, a tab or a no-break space. */
static int indented(line l)
{
    return l.n && (l.s[0] == ' ' || l.s[0] == '\t' ||
                   (l.n > 1 && (unsigned char)l.s[0] == 0xC2 && (unsigned char)l.s[1] == 0xA0));
}

typedef struct numbered {
    size_t line;
    const char *num, *title;
    size_t num_n, title_n;
    unsigned part[SECTION_LEVELS_MAX], levels;
    int aligned;    /* spaces before the number */
    int asks;       /* the title ends with its question mark */
    int has_text;   /* a line of text follows before the next numbered line */
} numbered;

/* Does s[0..n) end a question: with "?" (or ":", with colon), maybe inside
 * quotes or brackets? */
static int ends_question(const char *s, size_t n, int colon)
{
    while (n && strchr(" \t\r", s[n - 1]))
        n--;
    for (;;) {
        if (n && strchr("\"')]", s[n - 1]))
            n--;
        else if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 || memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0))
            n -= 3;   /* a closing quotation mark */
        else if (n >= 2 && memcmp(s + n - 2, "\xC2\xBB", 2) == 0)
            n -= 2;
        else
            break;
    }
    return n && (s[n - 1] == '?' || (colon && s[n - 1] == ':'));
}

/* Is l a numbered line? Into *c when it is. */
static int read_numbered(pcre2_code *re, pcre2_match_data *md, line l, numbered *c)
{
    if (pcre2_match(re, (PCRE2_SPTR)l.s, l.n, 0, PCRE2_NO_UTF_CHECK, md, NULL) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    memset(c, 0, sizeof *c);
    c->aligned = (int)(ov[3] - ov[2]);
    c->num = l.s + ov[4];
    c->num_n = ov[5] - ov[4];
    c->title = l.s + ov[6];
    c->title_n = ov[7] - ov[6];
    if (c->num_n > SECTION_NUMBER_MAX)
        return 0;
    unsigned v = 0;
    for (size_t i = 0; i <= c->num_n; i++) {
        char ch = i < c->num_n ? c->num[i] : '.';
        if (ch == '.') {
            if (c->levels == SECTION_LEVELS_MAX)
                return 0;
            c->part[c->levels++] = v;
            v = 0;
        } else if (ch >= '0' && ch <= '9' && v < 1000000) {
            v = v * 10 + (unsigned)(ch - '0');
        } else {
            return 0;   /* a digit of another script, or a number too long */
        }
    }
    /* only a number of one level is aligned, and no deeper than "  9." */
    if (c->aligned && (c->levels > 1 || (size_t)c->aligned + c->num_n > 3))
        return 0;
    c->asks = c->title[c->title_n - 1] == '?';
    return 1;
}

/* May section b follow section a? With one_level, b's number is a's plus one;
 * else b goes deeper under a (2.1 -> 2.1.1) or on at some level (2.1 -> 2.2,
 * 2.1 -> 3, 2.1 -> 3.1), starting each level under it anew (at 0 or 1). */
static int follows(const numbered *a, const numbered *b, int one_level)
{
    if (one_level)
        return a->levels == 1 && b->levels == 1 && b->part[0] == a->part[0] + 1;
    unsigned k = 0;
    while (k < a->levels && k < b->levels && a->part[k] == b->part[k])
        k++;
    if (k == b->levels)
        return 0;   /* the same number, or one above a's */
    if (k < a->levels && (b->part[k] < a->part[k] || b->part[k] - a->part[k] > SECTION_GAP_MAX))
        return 0;
    if (k == a->levels && b->part[k] > (a->has_text ? 1 : SECTION_GAP_MAX))
        return 0;   /* but a bare title leads to its subsections, whatever their numbers (6.0.5 under 6.0) */
    for (unsigned j = k + 1; j < b->levels; j++)
        if (b->part[j] > 1)
            return 0;
    return 1;
}

/* Does c count in this reading: numbers of one level only (one_level), or
 * deeper ones and the questions of one level at the margin? */
static int counts(const numbered *c, int one_level)
{
    return one_level ? c->levels == 1 : !c->aligned && (c->levels > 1 || c->asks);
}

/* The run of c[0..nc) in which each follows the one before that weighs
 * most (a question with text under it weighs most, a bare title least):
 * member[k] set for its members. Returns their number, or -1 when memory
 * runs out. */
static long best_run(const numbered *c, size_t nc, int one_level, unsigned char *member)
{
    size_t *score = malloc((nc + 1) * sizeof *score), *prev = malloc((nc + 1) * sizeof *prev);
    if (!score || !prev) {
        free(score);
        free(prev);
        return -1;
    }
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < nc; k++) {
        member[k] = 0;
        score[k] = 0;
        prev[k] = SIZE_MAX;
        if (!counts(&c[k], one_level))
            continue;
        size_t from = k > SECTION_LOOKBACK ? k - SECTION_LOOKBACK : 0;
        for (size_t p = from; p < k; p++)
            if (score[p] > (prev[k] == SIZE_MAX ? 0 : score[prev[k]]) && follows(&c[p], &c[k], one_level))
                prev[k] = p;
        score[k] = (prev[k] == SIZE_MAX ? 0 : score[prev[k]]) + 1 + 2 * (size_t)c[k].has_text +
                   (size_t)c[k].asks;
        if (best == SIZE_MAX || score[k] >= score[best])
            best = k;   /* on a tie, the later run: the text after a table of contents */
    }
    long n = 0;
    for (size_t k = best; k != SIZE_MAX; k = prev[k], n++)
        member[k] = 1;
    free(score);
    free(prev);
    return n;
}

/* The sections of the document: member[k] set for those of c[0..nc). */
static int choose_sections(const numbered *c, size_t nc, unsigned char *member)
{
    long n = best_run(c, nc, 0, member);
    if (n < 0)
        return -1;
    size_t deep = 0;
    for (size_t k = 0; k < nc; k++)
        deep += member[k] && c[k].levels > 1;
    if (deep >= 2)
        return 0;
    /* no deeper numbers: the questions may be numbered 1., 2., ... */
    unsigned char *flat = malloc(nc ? nc : 1);
    long f = flat ? best_run(c, nc, 1, flat) : -1;
    if (f >= 3 && f > n)
        memcpy(member, flat, nc);
    free(flat);
    return f < 0 ? -1 : 0;
}

enum { MARK_NONE, MARK_SECTION, MARK_PART };

/* The column most lines of prose sit at after the first section (of any
 * text, when few read as prose: a short message quoted in a short FAQ may
 * be the most of it): the answers' margin. */
static size_t answer_margin(const line *lines, size_t n, const unsigned char *mark, size_t first)
{
    size_t count[65] = {0}, prose[65] = {0}, n_prose = 0;
    for (size_t j = first; j < n; j++)
        if (!mark[j] && !import_line_blank(lines[j]) && !import_line_rule(lines[j])) {
            size_t ind = import_line_indent(lines[j]);
            count[ind < 64 ? ind : 64]++;
            if (import_line_prose(lines[j])) {
                prose[ind < 64 ? ind : 64]++;
                n_prose++;
            }
        }
    const size_t *by = n_prose >= MARGIN_PROSE_MIN ? prose : count;
    size_t best = 0;
    for (size_t k = 1; k < 65; k++)
        if (by[k] > by[best])
            best = k;
    return best;
}

/* A document being read: its lines, its numbered lines, which of them are
 * sections, each line's mark, the answers' margin and how a question ends. */
typedef struct reading {
    const line *lines;
    size_t n;
    const numbered *c;
    size_t nc;
    const unsigned char *member, *mark;
    size_t margin;
    size_t first;               /* the first section: the numbered lines before are a preamble's */
    int blank_after_question;   /* the document's habit: a blank line between question and answer */
    struct parts_lead *lead;    /* over the list of a question's parts */
} reading;

/* The lead over the list of a question's parts, found when first needed. */
typedef struct parts_lead {
    const char *text;           /* the document from its first section on */
    size_t len;
    int found;
    const char *s;              /* NULL: none */
    char buf[PARTS_LEAD_MAX];
} parts_lead;

static const char *lead_text(parts_lead *l);

/* The last line before the blank one that follows the line i (the next
 * section at line next), or SIZE_MAX when none comes soon. */
static size_t last_before_blank(const reading *r, size_t i, size_t next)
{
    for (size_t j = i + 1; j < next && !r->mark[j] && j - i <= QUESTION_LINES_MAX + 1; j++)
        if (import_line_blank(r->lines[j]) || import_line_rule(r->lines[j]))
            return j - 1;
    return SIZE_MAX;
}

/* The last line of the question c, which starts at line i (the next
 * section at line next). */
static size_t question_end(const reading *r, const numbered *c, size_t next)
{
    const line *lines = r->lines;
    size_t i = c->line, last = i;
    /* where a blank line parts questions from answers, a question that ends
     * with its question mark there goes on past one inside it */
    size_t before_blank = r->blank_after_question ? last_before_blank(r, i, next) : SIZE_MAX;
    if (before_blank != SIZE_MAX && before_blank > i &&
        ends_question(lines[before_blank].s, lines[before_blank].n, 0))
        return before_blank;
    int answers_indented = r->margin > 0;
    for (size_t j = i + 1;; j++) {
        if (j >= next || r->mark[j])
            break;   /* nothing would be left for the answer */
        if (import_line_blank(lines[j]) || import_line_rule(lines[j]))
            return last;   /* a question ends at the blank line */
        if (j - i > QUESTION_LINES_MAX)
            break;
        /* where answers are indented, a line at the margin goes on with the
         * question; else the question ends at its "?" or ":" */
        int margin_line = answers_indented && !indented(lines[j]);
        if (!margin_line &&
            (last == i ? ends_question(c->title, c->title_n, 1) : ends_question(lines[last].s, lines[last].n, 1)))
            return last;
        last = j;
    }
    /* it did not end: the answer follows right under its first line */
    last = i;
    while (answers_indented && last + 1 < next && !r->mark[last + 1] && !import_line_blank(lines[last + 1]) &&
           !indented(lines[last + 1]))
        last++;
    return last;
}

/* The section after c[k], or nc. */
static size_t next_section(const reading *r, size_t k)
{
    size_t s = k + 1;
    while (s < r->nc && !r->member[s])
        s++;
    return s;
}

/* Section c[k]'s question and answer into q and a, emptied first. */
static void read_section(const reading *r, size_t k, import_text *q, import_text *a)
{
    const line *lines = r->lines;
    const numbered *c = &r->c[k];
    size_t i = c->line, s = next_section(r, k), next = s < r->nc ? r->c[s].line : r->n;
    int answers_indented = r->margin > 0;
    size_t q_last = question_end(r, c, next);
    /* the answer: the indented lines (and blank ones) that follow; or,
     * when answers are not indented or the first line of this one is not,
     * every line up to the next section or part title */
    size_t a_first = q_last + 1, j = a_first;
    while (j < next && import_line_blank(lines[j]))
        j++;
    int flat = !answers_indented || j >= next || !indented(lines[j]);
    size_t a_last = a_first;
    if (flat) {
        while (a_last < next && r->mark[a_last] != MARK_PART)
            a_last++;
    } else {
        while (a_last < next && (import_line_blank(lines[a_last]) || indented(lines[a_last])))
            a_last++;
    }
    size_t base = r->margin;
    for (j = a_first; j < a_last; j++)
        if (!import_line_blank(lines[j]) && import_line_indent(lines[j]) < base)
            base = import_line_indent(lines[j]);
    q->n = a->n = 0;
    import_text_put(q, c->title, c->title_n);
    for (j = i + 1; j <= q_last; j++) {
        import_text_put(q, " ", 1);
        import_line_put_trimmed(q, lines[j]);
    }
    import_plain_answer(lines + a_first, a_last - a_first, base, a);
}

/* Is d numbered under p (2.1.3 under 2.1)? */
static int under(const numbered *p, const numbered *d)
{
    if (d->levels <= p->levels)
        return 0;
    for (unsigned k = 0; k < p->levels; k++)
        if (d->part[k] != p->part[k])
            return 0;
    return 1;
}

/* Does c[k] head the section after it: numbered under it (2.1 under 2),
 * or going on from its number 0 at that level (1.0 "General Concepts" over
 * 1.1)? */
static int heads_next(const reading *r, size_t k)
{
    size_t s = next_section(r, k);
    if (s >= r->nc)
        return 0;
    const numbered *p = &r->c[k], *d = &r->c[s];
    return under(p, d) || (p->part[p->levels - 1] == 0 && d->levels == p->levels &&
                           memcmp(p->part, d->part, (p->levels - 1) * sizeof *p->part) == 0);
}

/* The answer, into a, of the question c[k] that has no text of its own but
 * is answered in parts, its subsections, none a question: the reading's
 * lead (when it has one) over a list of the parts, each its number and
 * title, nested as they are numbered. The parts stay entries of their own:
 * their text is theirs alone, so that one question does not find the same
 * text in two entries. A title over questions is a chapter's: a stays
 * empty. q2 and a2 are scratch. */
static void gather_parts(const reading *r, size_t k, import_text *a, import_text *q2, import_text *a2)
{
    a->n = 0;
    size_t listed = 0;
    for (size_t s = next_section(r, k); s < r->nc && under(&r->c[k], &r->c[s]); s = next_section(r, s)) {
        read_section(r, s, q2, a2);
        if (ends_question(q2->s, q2->n, 0)) {
            a->n = 0;
            return;
        }
        const char *lead = listed++ ? NULL : lead_text(r->lead);
        if (lead) {
            import_text_put(a, lead, strlen(lead));
            import_text_put(a, "\n\n", 2);
        } else if (a->n) {
            import_text_put(a, "\n", 1);
        }
        for (unsigned d = r->c[k].levels + 1; d < r->c[s].levels; d++)
            import_text_put(a, "  ", 2);
        import_text_put(a, "- **", 4);
        import_text_put(a, r->c[s].num, r->c[s].num_n);
        import_text_put(a, "** ", 3);
        import_text_put(a, q2->s, q2->n);
        if (q2->oom || a2->oom)
            a->oom = 1;
    }
}

/* One step of a way to a part: " › " and the title; a title that goes on
 * from the one before ("- on Unix") follows it after a space. */
static void put_step(import_text *way, const import_text *title)
{
    int goes_on = title->n > 2 && memcmp(title->s, "- ", 2) == 0;
    if (way->n)
        import_text_put(way, goes_on ? " " : " \xE2\x80\xBA ", goes_on ? 1 : 5);
    import_text_put(way, title->s, title->n);
}

/* Section c[k], a part of the gathered question c[g], says what it is a
 * part of, as a document's headings over it do: its answer opens with the
 * way to it, "Question? › Part › Its title", over the text that a had. */
static void put_context(const reading *r, size_t g, size_t k, import_text *a, import_text *q2, import_text *a2)
{
    import_text way = {0};
    for (size_t s = g; s < k; s = next_section(r, s)) {
        if (s != g && !under(&r->c[s], &r->c[k]))
            continue;
        read_section(r, s, q2, a2);
        put_step(&way, q2);
    }
    read_section(r, k, q2, a2);
    put_step(&way, q2);
    import_text_put(&way, "\n\n", 2);
    import_text_put(&way, a->s, a->n);
    a->n = 0;
    import_text_put(a, way.s, way.n);
    if (way.oom || q2->oom || a2->oom)
        a->oom = 1;
    free(way.s);
}

/* A chapter's number: "7." or "7.0", a title not asking. */
static int chapter_line(const numbered *c)
{
    return !c->asks && (c->levels == 1 || (c->levels == 2 && c->part[1] == 0));
}

/* The chapter title over section c[k] ("Basics of the Debian package
 * management system" over 7.1), as its number: the nearest title of the
 * chapter above it in the text, a part title between sections or a
 * section with no text of its own, or else the table of contents' line
 * for it (Debian's FAQ gives its chapters' titles there only, in the text
 * "Chapter 7. ...", a word of each language). nc when there is none, or
 * when c[k] is a chapter's own line. A numbered list in an answer is no
 * title: only marked lines and the preamble's are read. */
static size_t chapter_of(const reading *r, size_t k)
{
    const numbered *c = r->c;
    if (chapter_line(&c[k]))
        return r->nc;
    size_t found = r->nc;
    for (size_t j = 0; j < k; j++) {
        if (c[j].part[0] != c[k].part[0] || !chapter_line(&c[j]))
            continue;
        if (r->mark[c[j].line] == MARK_PART || (r->member[j] && !c[j].has_text) || j < r->first)
            found = j;
    }
    return found;
}

/* Section c[k] into doc, unless it is a title with no text under it; q, a,
 * q2 and a2 are scratch. *gathered: the question whose parts are being
 * read, or nc. 0, or -1 when memory runs out. */
static int read_entry(const reading *r, size_t k, size_t *gathered, import_text *q, import_text *a,
                      import_text *q2, import_text *a2, import_doc *doc)
{
    if (*gathered < r->nc && !under(&r->c[*gathered], &r->c[k]))
        *gathered = r->nc;
    read_section(r, k, q, a);
    if (!a->n && q->n && ends_question(q->s, q->n, 0)) {
        gather_parts(r, k, a, q2, a2);
        if (a->n)
            *gathered = k;
    } else if (a->n && *gathered < r->nc) {
        put_context(r, *gathered, k, a, q2, a2);
    }
    if (q->oom || a->oom)
        return -1;
    if (!a->n) {
        /* a title over sections is a chapter's; one over nothing is a
         * question whose answer is missing (the document cut short?) */
        if (heads_next(r, k))
            return 0;
        size_t shown = utf8_cut(q->s, q->n, 80);
        return import_doc_note(doc, (unsigned)r->c[k].line + 1, 1, "\"%.*s\" has no answer: left out", (int)shown,
                               q->s);
    }
    import_entry *e = import_doc_add(doc);
    if (!e)
        return -1;
    e->question = strndup(q->s, q->n);
    e->answer = strndup(a->s, a->n);
    e->id = strndup(r->c[k].num, r->c[k].num_n);
    size_t ch = chapter_of(r, k);
    if (ch < r->nc && !(e->part = strndup(r->c[ch].title, r->c[ch].title_n)))
        return -1;
    return e->question && e->answer && e->id ? 0 : -1;
}

/* The text's lines, without their line ends, or NULL when memory runs out. */
static line *split_lines(const char *text, size_t len, size_t *n)
{
    size_t cap = 1024;
    line *lines = malloc(cap * sizeof *lines);
    *n = 0;
    for (const char *p = text, *end = text + len; lines && p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (*n == cap) {
            line *nl = realloc(lines, (cap *= 2) * sizeof *nl);
            if (!nl) {
                free(lines);
                return NULL;
            }
            lines = nl;
        }
        size_t n_bytes = (size_t)((eol ? eol : end) - p);
        if (n_bytes && p[n_bytes - 1] == '\r')
            n_bytes--;   /* Windows line ends: a title's "?" ends it */
        lines[(*n)++] = (line){p, n_bytes};
        p = eol ? eol + 1 : end;
    }
    return lines;
}

/* The numbered lines of lines[0..n) into *out (*nc of them). */
static int find_numbered(const line *lines, size_t n, numbered **out, size_t *nc)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)SECTION_PATTERN, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   &code, &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    size_t cap = 0;
    numbered *c = NULL;
    int rc = md ? 0 : -1;
    *nc = 0;
    for (size_t j = 0; rc == 0 && j < n; j++) {
        numbered one;
        if (!read_numbered(re, md, lines[j], &one))
            continue;
        if (*nc == cap) {
            numbered *nw = realloc(c, (cap = cap ? cap * 2 : 64) * sizeof *nw);
            if (!nw) {
                rc = -1;
                break;
            }
            c = nw;
        }
        one.line = j;
        c[(*nc)++] = one;
    }
    for (size_t k = 0; rc == 0 && k < *nc; k++) {
        size_t j = c[k].line + 1;
        while (j < n && import_line_blank(lines[j]))
            j++;
        c[k].has_text = j < n && !(k + 1 < *nc && c[k + 1].line == j);
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    *out = c;
    return rc;
}

/* Marks the sections' lines, and the part titles between them ("2. Basic
 * use" over 2.1): a number of one level, no question, at the margin, that
 * the next section's number goes on under. */
static void mark_lines(const numbered *c, size_t nc, const unsigned char *member, unsigned char *mark)
{
    const numbered *prev = NULL;
    for (size_t k = 0; k < nc; k++) {
        if (member[k]) {
            mark[c[k].line] = MARK_SECTION;
            prev = &c[k];
            continue;
        }
        if (c[k].levels != 1 || c[k].asks || c[k].aligned)
            continue;
        size_t s = k + 1;
        while (s < nc && !member[s])
            s++;
        if (s < nc && c[s].levels > 1 && c[s].part[0] == c[k].part[0] &&
            (!prev || prev->part[0] < c[k].part[0]))
            mark[c[k].line] = MARK_PART;
    }
}

/* Does the document part its questions from their answers with a blank
 * line? So most one-line questions (those ending with "?") are followed. */
static int blank_after_question(const line *lines, size_t n, const numbered *c, size_t nc,
                                const unsigned char *member)
{
    size_t blank = 0, text = 0;
    for (size_t k = 0; k < nc; k++)
        if (member[k] && c[k].asks && c[k].line + 1 < n) {
            if (import_line_blank(lines[c[k].line + 1]))
                blank++;
            else
                text++;
        }
    return blank > text;
}

/* A question with its own text numbered as the section before or after
 * it: the number given twice, which the sequence would have read as text.
 * Its index in c and the section's in *section, or nc. */
static size_t number_twice(const numbered *c, size_t nc, const unsigned char *member, size_t *section)
{
    for (size_t k = 0; k < nc; k++) {
        if (member[k] || !c[k].has_text || !c[k].asks)
            continue;
        size_t near[2] = {k, k + 1};
        while (near[0] > 0 && !member[near[0] - 1])
            near[0]--;
        while (near[1] < nc && !member[near[1]])
            near[1]++;
        near[0] = near[0] > 0 ? near[0] - 1 : nc;
        for (int d = 0; d < 2; d++)
            if (near[d] < nc && c[near[d]].num_n == c[k].num_n && memcmp(c[near[d]].num, c[k].num, c[k].num_n) == 0) {
                *section = near[d];
                return k;
            }
    }
    return nc;
}

/* Message key of the pack of language lang into out (cap bytes): 0, or -1
 * when the pack or the key is missing or the text is longer. */
static int pack_message(const char *lang, const char *key, char *out, size_t cap)
{
    const char *m = lang_pack_file(lang, "messages.txt");
    size_t k = strlen(key);
    for (const char *p = m; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (n > k + 3 && memcmp(p, key, k) == 0 && memcmp(p + k, " = ", 3) == 0 && n - k - 3 < cap) {
            memcpy(out, p + k + 3, n - k - 3);
            out[n - k - 3] = '\0';
            return 0;
        }
        p = eol ? eol + 1 : p + n;
    }
    return -1;
}

static int count_stop_word(void *ctx, const token *t)
{
    *(size_t *)ctx += (size_t)t->is_stop;
    return 0;
}

/* The lead in the document's language: of the languages of faqbot's packs,
 * the one with the most stop words in the first lines of text (English on
 * a tie); NULL when no pack has the message. */
static const char *lead_text(parts_lead *l)
{
    if (l->found)
        return l->s;
    l->found = 1;
    size_t n = l->len;
    if (n > LANGUAGE_SAMPLE_BYTES) {
        n = LANGUAGE_SAMPLE_BYTES;
        while (n > 0 && l->text[n - 1] != '\n')
            n--;   /* whole lines: no character cut in two */
    }
    const char *lang = "en", *code;
    size_t most = 0;
    for (size_t i = 0; (code = lang_pack_code(i)) != NULL; i++) {
        analyzer *a = analyzer_new(code, lang_pack_file(code, "stopwords.txt"));
        size_t hits = 0;
        if (a) {
            analyzer_keep_stopwords(a, 1);
            analyzer_skip_stemming(a, 1);
            analyzer_run(a, l->text, n, count_stop_word, &hits);
            analyzer_free(a);
        }
        if (hits > most || (hits == most && strcmp(code, "en") == 0)) {
            most = hits;
            lang = code;
        }
    }
    if (pack_message(lang, PARTS_LEAD_KEY, l->buf, sizeof l->buf) == 0 ||
        pack_message("en", PARTS_LEAD_KEY, l->buf, sizeof l->buf) == 0)
        l->s = l->buf;
    return l->s;
}

int import_numbered(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
    size_t n, nc = 0;
    numbered *c = NULL;
    unsigned char *member = NULL, *mark = NULL;
    import_text q = {0}, a = {0}, q2 = {0}, a2 = {0};
    int rc = -1;
    line *lines = split_lines(text, len, &n);
    if (!lines || find_numbered(lines, n, &c, &nc) != 0)
        goto oom;
    member = malloc(nc ? nc : 1);
    mark = calloc(n ? n : 1, 1);
    if (!member || !mark || choose_sections(c, nc, member) != 0)
        goto oom;
    mark_lines(c, nc, member, mark);
    /* set by number_twice() when it finds a twice; zeroed for gcc -O1 with
     * -fsanitize=thread, which cannot see that and fails the build */
    size_t was = 0, twice = number_twice(c, nc, member, &was);
    if (twice < nc) {
        const numbered *one = &c[was < twice ? was : twice], *two = &c[was < twice ? twice : was];
        snprintf(err, errlen, "line %zu: the number %.*s is given to two questions (\"%.*s\" and \"%.*s\")",
                 two->line + 1, (int)two->num_n, two->num, (int)utf8_cut(one->title, one->title_n, 80),
                 one->title, (int)utf8_cut(two->title, two->title_n, 80), two->title);
        goto out;
    }
    size_t first = 0;
    while (first < nc && !member[first])
        first++;
    parts_lead lead = {0};
    reading r = {lines, n, c, nc, member, mark, 0, first, 0, &lead};
    if (first < nc) {
        r.margin = answer_margin(lines, n, mark, c[first].line);
        lead.text = lines[c[first].line].s;
        lead.len = len - (size_t)(lead.text - text);
    }
    r.blank_after_question = blank_after_question(lines, n, c, nc, member);
    size_t gathered = nc;
    for (size_t k = first; k < nc; k = next_section(&r, k))
        if (read_entry(&r, k, &gathered, &q, &a, &q2, &a2, doc) != 0)
            goto oom;
    rc = import_doc_found(doc, "numbered questions (lines like \"1.2. Question\" or \"3. ¿Pregunta?\", "
                               "each followed by its answer)", err, errlen);
    goto out;
oom:
    snprintf(err, errlen, "out of memory");
out:
    free(q.s);
    free(a.s);
    free(q2.s);
    free(a2.s);
    free(lines);
    free(c);
    free(member);
    free(mark);
    return rc;
}
