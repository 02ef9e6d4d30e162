/* slots.c: slot expansion (see slots.h). */
#include "slots.h"

#include <string.h>

#include "decompound.h"
#include "fold.h"
#include "index_internal.h"
#include "index_postings.h"
#include "known_synonyms.h"
#include "lemma.h"
#include "qmemo.h"
#include "typo.h"
#include "utf8.h"

int slots_guessed(const slot *sl)
{
    if (!sl->n_alts)
        return 0;
    int kind = sl->alts[0].kind;
    return kind == ALT_TYPO || kind == ALT_VARIANT || kind == ALT_THESAURUS || kind == ALT_COGNATE;
}

int slots_has_word(const slot *sl)
{
    return sl->n_alts && sl->alts[0].kind == ALT_EXACT;
}

static void add_alt_ranked(slot *sl, uint32_t term, float w, int kind, uint32_t word,
                           float rank_share)
{
    for (int i = 0; i < sl->n_alts; i++)
        if (sl->alts[i].term == term) {
            if (w > sl->alts[i].weight) {
                sl->alts[i].weight = w;
                sl->alts[i].rank_share = rank_share;
            }
            return;
        }
    if (sl->n_alts < QUERY_MAX_ALTS)
        sl->alts[sl->n_alts++] = (alt_term){term, w, (uint8_t)kind, word, rank_share};
}

static void add_alt(slot *sl, uint32_t term, float w, int kind, uint32_t word)
{
    add_alt_ranked(sl, term, w, kind, word, 1);
}

/* The share of weight w an alternative term scores with so that it weighs
 * (weight x idf) no more than share times the word the question says (the
 * slot's exact term, weight 1): 1 where it does not, and where the slot
 * has no term of the word itself to weigh against. With share w itself,
 * the term scores with the idf of the commoner of the two: they are one
 * word in two places, as a set of translations is (Pirkola), so that an
 * entry saying the word another way never outweighs one saying it as
 * asked, nor does the term's bound in the walk exceed the word's share. */
static float below_word(const search_ctx *c, const slot *sl, uint32_t term, float w, float share)
{
    if (!slots_has_word(sl) || w <= 0)
        return 1;
    double ratio = (double)share / w * (c->ix->terms[sl->alts[0].term].idf / c->ix->terms[term].idf);
    return ratio < 1 ? (float)ratio : 1;
}

/* The members of every group of stem (language L) as alternatives of
 * weight w. */
static void add_synonyms(const search_ctx *c, slot *sl, uint32_t L, const char *stem, size_t n,
                         float w)
{
    const syn_entry *se;
    size_t n_groups = search_model_synonyms(c->m, L, stem, n, &se);
    for (size_t gi = 0; gi < n_groups; gi++) {
        const uint32_t *terms = search_model_synonym_terms(c->m, &se[gi]);
        for (uint32_t k = 0; k < se[gi].count && k < (uint32_t)c->p->max_synonyms; k++)
            add_alt_ranked(sl, terms[k], w, ALT_SYNONYM, IX_NONE,
                           c->p->use_synonyms_below_word ? below_word(c, sl, terms[k], w, w) : 1);
    }
}

typedef struct member_lemma {
    const search_ctx *c;
    uint32_t lang;
    const qtok *t;              /* the question's word */
    const syn_entry *groups;    /* its stem's groups */
    size_t n_groups;
    int member;                 /* the lemma is a member of one of them */
} member_lemma;

/* Is term (an index term number) one of the groups' members? */
static int in_groups(const member_lemma *x, uint32_t term)
{
    for (size_t g = 0; g < x->n_groups; g++) {
        const uint32_t *terms = search_model_synonym_terms(x->c->m, &x->groups[g]);
        for (uint32_t k = 0; k < x->groups[g].count; k++)
            if (terms[k] == term)
                return 1;
    }
    return 0;
}

static int on_lemma_word(void *ctx, const token *tok)
{
    member_lemma *x = ctx;
    if (tok->is_stop || tok->is_synonym)
        return 0;
    int same_stem = tok->term_len == x->t->term_len &&
                    memcmp(tok->term, x->t->term, tok->term_len) == 0;
    x->member = search_model_synonym_word(x->c->m, x->lang, tok->word, tok->word_len) &&
                (same_stem ||
                 in_groups(x, ix_find_term(x->c->ix, x->lang, tok->term, tok->term_len)));
    return 1;
}

static int is_member_lemma(void *ctx, const char *lemma, size_t len)
{
    member_lemma *x = ctx;
    x->member = 0;
    if (utf8_valid(lemma, len))
        (void)analyzer_run(x->c->an[x->lang], lemma, len, on_lemma_word, x);
    return x->member;
}

/* Is a member of the groups t's beginning: the member with an ending
 * ("países", "país"; "Reservierungen", "Reservierung")? */
static int member_begins(member_lemma *x)
{
    const qtok *t = x->t;
    for (size_t n = t->term_len; n < t->word_len; n++) {
        if (utf8_continues((unsigned char)t->word[n]) ||
            !search_model_synonym_word(x->c->m, x->lang, t->word, n))
            continue;
        x->member = 0;
        (void)analyzer_run(x->c->an[x->lang], t->word, n, on_lemma_word, x);
        if (x->member)
            return 1;
    }
    return 0;
}

/* Do the synonym groups of t's stem speak of t? A group lists words, and
 * a stem may be two words' (German "Buch", a book, and "buchen", to book):
 * a word of the stem takes the groups where it is a member as written, a
 * member with an ending, or a form of a member (one of the dictionary's
 * lemmas of it is one: "buche", "buchen"). A word the dictionary does
 * not read (a slip, a name, no dictionary) is told by its stem, as
 * before; a word it reads as none of them is another word of the stem.
 * With use_synonym_lemmas 2, only a word typed with an accent is asked:
 * one without may be a member's typed so. */
static int synonyms_speak_of(const search_ctx *c, uint32_t L, const qtok *t)
{
    member_lemma x = {c, L, t, NULL, 0, 0};
    if (t->is_synonym || !c->text ||
        !(x.n_groups = search_model_synonyms(c->m, L, t->term, t->term_len, &x.groups)) ||
        search_model_synonym_word(c->m, L, t->word, t->word_len) || member_begins(&x))
        return 1;
    if (c->p->use_synonym_lemmas == 2) {
        char lower[QUERY_WORD_BYTES], plain[QUERY_WORD_BYTES];
        const char *raw = c->text + t->raw_off;
        long n = fold_case(raw, t->raw_len, lower, sizeof lower);
        long m = fold_text(raw, t->raw_len, plain, sizeof plain);
        if (n < 0 || m < 0 || (n == m && memcmp(lower, plain, (size_t)n) == 0))
            return 1;
    }
    return lexicon_lemma_any(query_lexicon(c, L), c->text + t->raw_off, t->raw_len,
                             is_member_lemma, &x) != 0;
}

typedef struct xlate_lemma {
    const search_ctx *c;
    uint32_t lang;
    uint32_t x;                 /* the lemma's translations, IX_NONE for none */
    int failed;                 /* memory ran out */
} xlate_lemma;

static int on_xlate_lemma_word(void *ctx, const token *tok)
{
    xlate_lemma *x = ctx;
    if (tok->is_stop || tok->is_synonym)
        return 0;
    x->x = ix_find_xlate(x->c->ix, x->lang, tok->term, tok->term_len);
    return 1;
}

/* Has this lemma of a question's word translations (its one word's term)? */
static int lemma_xlate(void *ctx, const char *lemma, size_t len)
{
    xlate_lemma *x = ctx;
    x->x = IX_NONE;
    if (utf8_valid(lemma, len) &&
        analyzer_run(x->c->an[x->lang], lemma, len, on_xlate_lemma_word, x) < 0)
        x->failed = 1;
    return x->failed || x->x != IX_NONE;
}

/* The word's translations into the other languages of the FAQ (the
 * index's tables, translate.h), for entries only those languages have
 * (topk.c passes over a group that has an entry in L). A word's
 * translations into one language are one set, as in a structured query
 * (Pirkola): each scores with the set's idf, the smallest of its terms',
 * so that a word with many translations, a common one among them, weighs
 * no more than a word with one. Taken in turns, a language's first
 * translation before any language's second. */
static void add_translations(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    const faq_index *ix = c->ix;
    /* no row from L: neither the word nor any lemma of it (the dictionary's
     * reading, the costliest step of a new word) has a translation */
    if (!search_model_translates(c->m, L))
        return;
    uint32_t x = ix_find_xlate(ix, L, t->term, t->term_len);
    /* a dictionary lists a word by its lemma, a question says a form of it
     * ("kostet", "cuesta", "costa" of "kosten", "costar", "costare") whose
     * stem is not the lemma's: the translations of the first lemma the
     * language's dictionary reads in the word that has some, though the
     * word be a lemma of its own too ("cuesta", a slope) */
    if (x == IX_NONE && c->p->use_lemma && c->text) {
        xlate_lemma xl = {c, L, IX_NONE, 0};
        (void)lexicon_lemma_any(query_lexicon(c, L), c->text + t->raw_off, t->raw_len,
                                lemma_xlate, &xl);
        if (xl.failed && c->failed)
            *c->failed = 1;
        x = xl.x;
    }
    if (x == IX_NONE)
        return;
    const ix_xlate *X = &ix->xlates[x];
    const uint32_t *to = ix->xlterms + X->first;
    double set_idf[FAQ_MAX_LANGS];
    for (uint32_t l = 0; l < ix->n_langs; l++)
        set_idf[l] = -1;
    for (uint32_t k = 0; k < X->count; k++) {
        const ix_term *T = &ix->terms[to[k]];
        if (set_idf[T->lang] < 0 || T->idf < set_idf[T->lang])
            set_idf[T->lang] = T->idf;
    }
    for (int rank = 0; rank < c->p->max_translations; rank++) {
        uint32_t seen[FAQ_MAX_LANGS] = {0};
        int took = 0;
        for (uint32_t k = 0; k < X->count && sl->n_alts < QUERY_MAX_ALTS; k++) {
            const ix_term *T = &ix->terms[to[k]];
            if (seen[T->lang]++ != (uint32_t)rank || T->idf <= 0 ||
                !search_model_serves(c->m, L, to[k]))
                continue;
            add_alt(sl, to[k], c->p->w_translation * (float)(set_idf[T->lang] / T->idf),
                    ALT_TRANSLATION, IX_NONE);
            took = 1;
        }
        if (!took)
            break;
    }
}

/* A word of another language of the corpus: "precursores" in an English
 * question. */
static void add_foreign(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    const faq_index *ix = c->ix;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        if (l == L)
            continue;
        uint32_t fw = ix_find_word(ix, l, t->word, t->word_len);
        if (fw != IX_NONE)
            add_alt(sl, ix->words[fw].term, c->p->w_foreign, ALT_FOREIGN, fw);
    }
}

/* A word the dictionaries do not translate, spelt nearly the same in
 * another language of the FAQ ("iniciativa", "initiative"): Latin's words
 * in the Romance languages and English. The nearest of each language's
 * words within the typo budget, for entries only other languages have. */
static void add_cognates(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    const faq_index *ix = c->ix;
    size_t chars = utf8_length(t->word, t->word_len);
    if (chars < (size_t)c->p->cognate_min_chars)
        return;
    int budget = typo_budget(chars);
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        if (l == L || !ix->langs[l].n_faq)
            continue;
        typo_vocab v;
        search_model_vocab(c->m, l, SEARCH_VOCAB_WORDS, &v);
        typo_match m[2];
        int n = typo_search(&v, t->word, t->word_len, budget, m, 2);
        for (int k = 0; k < n && m[k].dist == m[0].dist; k++)
            if (search_model_serves(c->m, L, ix->words[m[k].word].term))
                add_alt(sl, ix->words[m[k].word].term, c->p->w_cognate, ALT_COGNATE, m[k].word);
    }
}

/* Do a and b differ at their end only: is the shorter the longer's
 * beginning, or all of it but a last letter the longer has not there? The
 * forms of one word differ so ("doer", "doem"; "urgente", "urgência"); two
 * words that differ inside are two words ("reset", "rest"; "quit",
 * "quiet"), however near. */
static int apart_at_end(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen, same = 0;
    while (same < n && a[same] == b[same])
        same++;
    same = utf8_cut(a, n, same);   /* a letter split is no letter in common */
    const char *shorter = alen < blen ? a : b;
    size_t left = utf8_length(shorter + same, n - same);
    if (left != 1)
        return left == 0;
    size_t ea = utf8_last_start(a, alen), eb = utf8_last_start(b, blen);   /* the last letters' starts */
    return alen - ea != blen - eb || memcmp(a + ea, b + eb, alen - ea) != 0;
}

/* May the word t, which the language's dictionary knows (in_dict), be the
 * index text at off, len (a typo's word or a variant's stem)? Its other
 * forms come from the dictionary's lemma; what is left is its ending. */
static int may_correct(const search_ctx *c, int in_dict, const char *word, size_t word_len,
                       ix_str s)
{
    return !in_dict || !c->p->use_dict_word_ends ||
           apart_at_end(word, word_len, c->ix->strings + s.off, s.len);
}

/* Is the FAQ's word w another word of the language than the question's,
 * which the language's dictionary knows (in_dict)? A word the dictionary
 * knows is meant as written: one edit from another word it knows is
 * another meaning ("shot", "shop"; "apple", "apply"), no slip. Its other
 * forms are the lemma's, found before typos are looked for. The FAQ's
 * verdict was asked when the index was built: no lookup here. */
static int another_word(const search_ctx *c, int in_dict, uint32_t w)
{
    return in_dict && c->ix->words[w].dict == IX_WORD_DICT_KNOWN;
}

/* The nearest words of language L, the most frequent first. Returns how
 * many were taken. */
static int add_typos(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, float share,
                     int in_dict)
{
    const faq_index *ix = c->ix;
    const search_params *p = c->p;
    int budget = typo_budget(utf8_length(t->word, t->word_len));
    typo_vocab v;
    search_model_vocab(c->m, L, SEARCH_VOCAB_WORDS, &v);
    typo_match m[8];
    int n = typo_search(&v, t->word, t->word_len, budget, m, 8);
    int best_d = n ? m[0].dist : 0;
    /* among the nearest, the most frequent words first */
    uint32_t picked[SEARCH_TYPO_PICKS_MAX];
    int np = 0;
    for (int round = 0; round < p->typo_picks && np < p->typo_picks; round++) {
        int bi = -1;
        for (int k = 0; k < n; k++) {
            if (m[k].dist != best_d ||
                !may_correct(c, in_dict, t->word, t->word_len, ix->words[m[k].word].text) ||
                (p->typo_dict_to_dict <= 0 && another_word(c, in_dict, m[k].word)))
                continue;
            int used = 0;
            for (int j = 0; j < np; j++)
                used |= picked[j] == m[k].word;
            if (!used && (bi < 0 || ix->words[m[k].word].df > ix->words[m[bi].word].df))
                bi = k;
        }
        if (bi < 0)
            break;
        picked[np++] = m[bi].word;
        float w = another_word(c, in_dict, m[bi].word) ? share * p->typo_dict_to_dict : share;
        add_alt(sl, ix->words[m[bi].word].term, w * (best_d == 1 ? p->w_typo1 : p->w_typo2),
                ALT_TYPO, m[bi].word);
    }
    return np;
}

/* No word is near: a stem one edit from the word's own is often another
 * form of it that the stemmer splits off (Spanish "convierte" -> conviert,
 * "convertirse" -> convert; Portuguese -ão / -ões). */
static void add_variants(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, int in_dict)
{
    const faq_index *ix = c->ix;
    typo_vocab v;
    search_model_vocab(c->m, L, SEARCH_VOCAB_TERMS, &v);
    typo_match m[4];
    int n = typo_search(&v, t->term, t->term_len, 1, m, 4);
    for (int k = 0; k < n && sl->n_alts < c->p->variant_max_alts; k++) {
        char first = ix->strings[ix->terms[m[k].word].text.off];
        if (first != LEMMA_MARK && first != PART_HEAD_MARK && first != PART_MODIFIER_MARK &&
            first != PART_LISTED_HEAD_MARK &&
            may_correct(c, in_dict, t->term, t->term_len, ix->terms[m[k].word].text))
            add_alt(sl, m[k].word, c->p->w_variant, ALT_VARIANT, IX_NONE);   /* a text's stem */
    }
}

/* Stems of one family that Snowball leaves apart share a long beginning
 * and differ in a suffix: German "adoptier" / "adoption", English
 * "registr" / "regist", Spanish "inscrib" / "inscripcion". A stem of the
 * FAQ that shares at least sibling_min_chars code points with the word's,
 * the shorter of the two at most sibling_max_rest past them, is taken; the
 * longest shared beginning first, then the most common stem. */
#define SIBLING_SCAN 256
static void add_siblings(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    const faq_index *ix = c->ix;
    const search_params *p = c->p;
    size_t own = utf8_length(t->term, t->term_len);
    if (own < (size_t)p->sibling_min_chars || p->sibling_min_chars < 1)
        return;
    size_t head = 0;   /* bytes of the first sibling_min_chars code points */
    for (int i = 0; i < p->sibling_min_chars; i++)
        head += utf8_seq_at(t->term, t->term_len, head);
    typo_vocab v;
    search_model_vocab(c->m, L, SEARCH_VOCAB_TERMS, &v);
    uint32_t lo = typo_vocab_lower_bound(&v, t->term, head);
    uint32_t best[4];
    size_t best_common[4];
    int nb = 0, cap = p->variant_max_alts < 4 ? p->variant_max_alts : 4;
    uint32_t end = v.first + v.count;
    for (uint32_t k = lo, seen = 0; k < end && seen < SIBLING_SCAN; k++, seen++) {
        const ix_term *T = &ix->terms[k];
        const char *s = ix->strings + T->text.off;
        if (T->text.len < head || memcmp(s, t->term, head) != 0)
            break;
        if (!T->df || (T->text.len == t->term_len && memcmp(s, t->term, t->term_len) == 0))
            continue;
        size_t at = head, common = (size_t)p->sibling_min_chars;
        while (at < T->text.len && at < t->term_len) {
            size_t step = utf8_seq_at(t->term, t->term_len, at);
            if (!step || step != utf8_seq_at(s, T->text.len, at) ||
                memcmp(s + at, t->term + at, step) != 0)
                break;
            at += step;
            common++;
        }
        size_t theirs = utf8_length(s, T->text.len);
        size_t shorter = theirs < own ? theirs : own;
        if (shorter - common > (size_t)p->sibling_max_rest)
            continue;
        int at_rank = nb;   /* longer shared beginnings first, then the commoner stem */
        while (at_rank > 0 && (best_common[at_rank - 1] < common ||
                               (best_common[at_rank - 1] == common &&
                                ix->terms[best[at_rank - 1]].df < T->df)))
            at_rank--;
        if (at_rank >= cap)
            continue;
        if (nb < cap)
            nb++;
        for (int j = nb - 1; j > at_rank; j--) {
            best[j] = best[j - 1];
            best_common[j] = best_common[j - 1];
        }
        best[at_rank] = k;
        best_common[at_rank] = common;
    }
    for (int j = 0; j < nb; j++)
        add_alt(sl, best[j], p->w_sibling, ALT_VARIANT, IX_NONE);
}

/* The accented letters a plain one may stand for, each two bytes of
 * UTF-8: what a visitor leaves out when typing fast or on a keyboard
 * without them. */
static const char *accented_forms(char c)
{
    switch (c) {
    case 'a': return "áàâã";
    case 'e': return "éèê";
    case 'i': return "íìî";
    case 'o': return "óòôõ";
    case 'u': return "úùûü";
    case 'c': return "ç";
    case 'n': return "ñ";
    default: return NULL;
    }
}

/* Snowball's accented suffixes lie in a word's last letters ("-áis",
 * "-ción", "-ções", "-ité"), and two accents at most
 * ("-ção"). */
#define ACCENT_TAIL 4
#define ACCENT_MAX 2

typedef struct accent_ctx {
    const search_ctx *c;
    slot *sl;
    uint32_t lang;
    analyzer *an;
    char word[QUERY_WORD_BYTES + 2 * ACCENT_MAX];
    size_t len;
    size_t at[ACCENT_TAIL];     /* byte offsets of the tail's plain letters */
    char forms[ACCENT_TAIL][9]; /* the accented letters each may stand for, tried */
    int n_at;
} accent_ctx;

/* The word as it stands in x->word, stemmed: a term of the FAQ? */
static void try_accented(accent_ctx *x)
{
    size_t n;
    const char *stem = analyzer_stem(x->an, x->word, x->len, &n);
    uint32_t term = stem && n ? ix_find_term(x->c->ix, x->lang, stem, n) : IX_NONE;
    if (term != IX_NONE) {
        add_alt(x->sl, term, x->c->p->w_accent, ALT_VARIANT, IX_NONE);
        return;
    }
    if (!stem || !n)
        return;
    const search_ctx *c = x->c;
    const search_params *p = c->p;
    /* typed without its accent and without a letter the keyboard lacks
     * ("allegacio" for "al·legació"): the FAQ's stems that read so without
     * that letter (add_bare()) */
    uint32_t found[QUERY_MAX_ALTS];
    size_t k = p->use_bare_letters ? search_model_bare(c->m, x->lang, SEARCH_VOCAB_TERMS, stem, n,
                                                       found, QUERY_MAX_ALTS)
                                   : 0;
    for (size_t i = 0; i < k; i++)
        add_alt(x->sl, found[i], p->w_accent, ALT_VARIANT, IX_NONE);
    if (k || !p->use_synonyms || !p->use_accented_synonyms)
        return;
    /* a synonym group's member typed without its accent ("informacio"):
     * its groups, as the word typed whole would take them; the stem
     * copied, as the lookups below leave the analyzer alone but the stem
     * is the analyzer's */
    char st[QUERY_WORD_BYTES + 2 * ACCENT_MAX];
    if (n > sizeof st)
        return;
    memcpy(st, stem, n);
    const syn_entry *se;
    if (search_model_synonyms(c->m, x->lang, st, n, &se))
        add_synonyms(c, x->sl, x->lang, st, n, p->w_synonym);
}

/* Each way of giving accents to left more of the tail's letters from the
 * k-th on, given of them already: each made the word a byte longer before
 * the letters after it. */
static void restore_accents(accent_ctx *x, int k, int given, int left)
{
    if (!left) {
        try_accented(x);
        return;
    }
    for (int i = k; i < x->n_at; i++) {
        size_t at = x->at[i] + (size_t)given;
        const char *forms = x->forms[i];
        char plain = x->word[at];
        memmove(x->word + at + 2, x->word + at + 1, x->len - at - 1);
        x->len++;
        for (const char *f = forms; *f; f += 2) {
            memcpy(x->word + at, f, 2);
            restore_accents(x, i + 1, given + 1, left - 1);
        }
        x->len--;
        memmove(x->word + at + 1, x->word + at + 2, x->len - at - 1);
        x->word[at] = plain;
    }
}

/* The accented letters plain may stand for, into forms, that stem apart:
 * of those the stemmer does not name, the first alone, since any other
 * gives the same stem once folded (analyzer_stem_names()), met after it in
 * restore_accents()'s order, so the FAQ's terms found and their order are
 * the same. The count. */
static int forms_stemmed_apart(const analyzer *an, char plain, char *forms)
{
    const char *all = accented_forms(plain);
    int n = 0, unnamed = 0;
    for (const char *f = all ? all : ""; *f; f += 2) {
        int named = analyzer_stem_names(an, f, 2);
        if (!named && unnamed++)
            continue;
        memcpy(forms + 2 * n++, f, 2);
    }
    forms[2 * n] = '\0';
    return n;
}

/* A word the FAQ lacks typed without its accents: Snowball sees an
 * accented suffix only with its accent ("cortáis" is "cort",
 * "cortais" itself), so a form no entry spells stems apart from the
 * entries' forms. The word with one accent, then two, on its last
 * letters, stemmed: those stems the FAQ holds. */
static void add_accented(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    accent_ctx x = {.c = c, .sl = sl, .lang = L, .an = c->an[L], .len = t->word_len};
    if (!x.an || t->word_len + 2 * ACCENT_MAX > sizeof x.word)
        return;
    memcpy(x.word, t->word, t->word_len);
    size_t cps[ACCENT_TAIL];
    int n_cps = 0;
    for (size_t i = t->word_len; i > 0 && n_cps < ACCENT_TAIL;)
        if (!utf8_continues((unsigned char)t->word[--i]))
            cps[n_cps++] = i;
    for (int i = n_cps - 1; i >= 0; i--)
        if (forms_stemmed_apart(x.an, t->word[cps[i]], x.forms[x.n_at]))
            x.at[x.n_at++] = cps[i];
    for (int k = 1; k <= ACCENT_MAX && !sl->n_alts; k++)
        restore_accents(&x, 0, 0, k);
}

/* A word the FAQ lacks typed without a letter the keyboard lacks ("ror"
 * for "rør", "kjope" for "kjøpe"): the FAQ's words, else its stems, that
 * read so without it (search_model_bare()). The same word, as an accent
 * typed without is. */
static void add_bare(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    uint32_t found[QUERY_MAX_ALTS];
    size_t n = search_model_bare(c->m, L, SEARCH_VOCAB_WORDS, t->word, t->word_len, found,
                                 QUERY_MAX_ALTS);
    for (size_t k = 0; k < n; k++)
        add_alt(sl, c->ix->words[found[k]].term, c->p->w_accent, ALT_VARIANT, IX_NONE);
    if (n)
        return;
    n = search_model_bare(c->m, L, SEARCH_VOCAB_TERMS, t->term, t->term_len, found, QUERY_MAX_ALTS);
    for (size_t k = 0; k < n; k++)
        add_alt(sl, found[k], c->p->w_accent, ALT_VARIANT, IX_NONE);
}

/* Hebrew writes "the", "and", "in", "to", "from", "that" and "as" onto the
 * next word, one letter each, and the fallback's cut keeps them. */
static const char *const hebrew_prefixes[] = {"ה", "ו", "ב", "ל", "מ", "ש", "כ"};

static int hebrew_prefix(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof hebrew_prefixes / sizeof *hebrew_prefixes; i++)
        if (n > 2 && memcmp(w, hebrew_prefixes[i], 2) == 0)
            return 1;
    return 0;
}

/* The FAQ's stem of Hebrew word w (n bytes), or IX_NONE */
static uint32_t hebrew_term(const search_ctx *c, uint32_t L, const char *w, size_t n)
{
    size_t k;
    const char *stem = analyzer_stem(c->an[L], w, n, &k);
    return stem && k ? ix_find_term(c->ix, L, stem, k) : IX_NONE;
}

/* A Hebrew word the FAQ lacks: the word without the letters written onto
 * it, one by one while two letters remain ("והכרטיס": "הכרטיס",
 * "כרטיס"...), else the word or one of those with one of them onto it
 * ("ספרים", "בסיסמה": "הספרים", "הסיסמה"), the first the FAQ holds. Its
 * own stems only: each letter is a root letter too. */
static void add_hebrew_prefixes(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    if (strcmp(faq_index_lang_code(c->ix, L), "he") != 0 || t->word_len > QUERY_WORD_BYTES)
        return;
    size_t skip[4] = {0}, n_forms = 1;
    while (n_forms < 4) {
        size_t at = skip[n_forms - 1];
        if (!hebrew_prefix(t->word + at, t->word_len - at) ||
            utf8_length(t->word + at + 2, t->word_len - at - 2) < 2)
            break;
        skip[n_forms++] = at + 2;
    }
    uint32_t term = IX_NONE;
    for (size_t f = 1; f < n_forms && term == IX_NONE; f++)
        term = hebrew_term(c, L, t->word + skip[f], t->word_len - skip[f]);
    char with[QUERY_WORD_BYTES + 2];
    for (size_t f = 0; f < n_forms && term == IX_NONE; f++) {
        size_t n = t->word_len - skip[f];
        memcpy(with + 2, t->word + skip[f], n);
        for (size_t i = 0; i < sizeof hebrew_prefixes / sizeof *hebrew_prefixes && term == IX_NONE;
             i++) {
            memcpy(with, hebrew_prefixes[i], 2);
            term = hebrew_term(c, L, with, n + 2);
        }
    }
    if (term != IX_NONE)
        add_alt(sl, term, c->p->w_accent, ALT_VARIANT, IX_NONE);
}

/* A word the FAQ lacks typed in Latin letters about a FAQ written in
 * Cyrillic or Greek ones ("vrachu" for "врачу"): its words or stems of the
 * same Latin key (search_model_translit()), the word loosely spelled. */
static void add_translit(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    uint32_t found[QUERY_MAX_ALTS];
    int which;
    size_t k = search_model_translit(c->m, L, t->word, t->word_len,
                                     (size_t)c->p->translit_min_chars, translit_skeleton_min(c->p),
                                     &which, found, QUERY_MAX_ALTS);
    for (size_t i = 0; i < k; i++)
        add_alt(sl, which == SEARCH_VOCAB_WORDS ? c->ix->words[found[i]].term : found[i],
                c->p->w_translit, ALT_VARIANT, IX_NONE);
}

/* Nothing near in the FAQ, but a synonyms group for a stem an edit away:
 * another form of the verb ("attend", "attendre"). */
static void add_synonym_variants(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    typo_vocab v;
    search_model_vocab(c->m, L, SEARCH_VOCAB_MEMBERS, &v);
    typo_match m[2];
    int nm = typo_search(&v, t->term, t->term_len, 1, m, 2);
    for (int j = 0; j < nm; j++) {
        size_t n;
        const char *stem = search_model_member_term(c->m, m[j].word, &n);
        add_synonyms(c, sl, L, stem, n, c->p->w_synonym * c->p->w_variant);
    }
}

typedef struct term_ctx {
    const faq_index *ix;
    uint32_t lang;
} term_ctx;

/* A lemma's form scores below the word asked where it is rarer (with
 * use_lemma_below_word); it covers the question as the word does. */
static void add_lemma_term(const search_ctx *c, slot *sl, uint32_t term)
{
    float w = c->p->w_lemma;
    add_alt_ranked(sl, term, w, ALT_LEMMA, IX_NONE,
                   c->p->use_lemma_below_word ? below_word(c, sl, term, w, w) : 1);
}

/* The entries that say the word in another form of its lemma: those
 * holding the lemma's own term ("morir": "mor"), and those where the
 * index posted the lemma's mark beside another form ("muere": "~mor").
 * Where the lemma has the word's own term, or the dictionary gives none,
 * the word is its own lemma ("morir": only "~mor"). The lemma is the
 * index's for a word the FAQ holds (w), else the dictionary's. */
static void add_lemma(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, uint32_t w)
{
    const faq_index *ix = c->ix;
    char key[QUERY_WORD_BYTES + 1];
    key[0] = LEMMA_MARK;
    long n = 0;
    if (w != IX_NONE && ix->words[w].lemma != IX_NONE) {
        const ix_term *T = &ix->terms[ix->words[w].lemma];
        n = T->text.len - 1;
        if (n < QUERY_WORD_BYTES)
            memcpy(key + 1, ix->strings + T->text.off + 1, (size_t)n);
        else
            n = 0;
    } else if (w == IX_NONE && c->text) {
        n = lemma_term(query_lexicon(c, L), c->an[L], c->text + t->raw_off, t->raw_len, t->term,
                       t->term_len, key + 1, sizeof key - 1);
        if (n < 0) {
            *c->failed = 1;
            return;
        }
    }
    if (n > 0) {
        uint32_t plain = ix_find_term(ix, L, key + 1, (size_t)n);
        if (plain != IX_NONE)
            add_lemma_term(c, sl, plain);
    } else {
        n = (long)t->term_len;
        memcpy(key + 1, t->term, t->term_len);
    }
    uint32_t marked = ix_find_term(ix, L, key, (size_t)n + 1);
    if (marked != IX_NONE)
        add_lemma_term(c, sl, marked);
}

static int has_word(void *ctx, const char *w, size_t n)
{
    const term_ctx *x = ctx;
    return ix_find_word(x->ix, x->lang, w, n) != IX_NONE;
}

/* A compound the FAQ lacks whose two parts it holds ("spiegelserver"):
 * either part stands in for it, below the word itself. A word the
 * language's dictionary holds on its own ("entreprise") is no compound. */
static void add_parts(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    if (!c->text || lexicon_is_simple(query_lexicon(c, L), c->text + t->raw_off, t->raw_len))
        return;
    term_ctx x = {c->ix, L};
    decompound_split sp;
    if (!decompound(t->word, t->word_len, has_word, &x, &sp))
        return;
    uint32_t w1 = ix_find_word(c->ix, L, t->word, sp.head_len);
    uint32_t w2 = ix_find_word(c->ix, L, t->word + sp.tail_off, t->word_len - sp.tail_off);
    if (w1 != IX_NONE)
        add_alt(sl, c->ix->words[w1].term, c->p->w_part, ALT_PART, w1);
    if (w2 != IX_NONE)
        add_alt(sl, c->ix->words[w2].term, c->p->w_part, ALT_PART, w2);
}

/* The marks of a part's term (decompound.h), in the order of their weights. */
static const char part_marks[3] = {PART_HEAD_MARK, PART_MODIFIER_MARK, PART_LISTED_HEAD_MARK};

/* The FAQ's compounds that hold the word as a part, by the parts' terms
 * the index posted beside them (decompound.h): its head ("Platte" in
 * "Festplatte"), which names what the compound is, and its other parts,
 * which only narrow the head down, and the heads of a compound the
 * dictionary lists as a word ("Kreissäge" in "Tischkreissäge"), each below
 * the word itself. A part's term is rarer than the word: the two are one
 * word in two places, and score with the idf of the commoner (as a set of
 * translations, Pirkola), so that an entry's compound never outweighs
 * another's word itself. */
static void add_part_terms(const search_ctx *c, slot *sl, uint32_t L, const qtok *t)
{
    float weights[3] = {c->p->w_part_head, c->p->w_part_modifier, c->p->w_part_listed_head};
    char key[QUERY_WORD_BYTES + 1];
    if (t->term_len >= QUERY_WORD_BYTES)
        return;
    memcpy(key + 1, t->term, t->term_len);
    for (size_t k = 0; k < sizeof part_marks; k++) {
        key[0] = part_marks[k];
        uint32_t term = weights[k] > 0 ? ix_find_term(c->ix, L, key, t->term_len + 1) : IX_NONE;
        if (term == IX_NONE)
            continue;
        float w = weights[k] * below_word(c, sl, term, weights[k], weights[k]);
        if (w > 0)
            add_alt(sl, term, w, ALT_PART, IX_NONE);
    }
}

typedef struct part_stem {
    char term[QUERY_WORD_BYTES];
    size_t len;
} part_stem;

static int on_part_stem(void *ctx, const token *tk)
{
    part_stem *p = ctx;
    if (tk->is_stop || tk->is_synonym)
        return 0;
    p->len = tk->term_len < sizeof p->term ? tk->term_len : 0;
    memcpy(p->term, tk->term, p->len);
    return 1;
}

/* The terms of a split's parts (x: what the FAQ holds of each) into kin,
 * each part by its own term, else by its lemma's ("sjuk" of the FAQ's
 * "sjukt"), else by a member of its synonym group in the language pack
 * ("anmälan" of "anmäla"): 1 when every part is held so and one of them
 * only by kin, else 0. Every part, for a single part held so would answer
 * any compound that starts with it ("sjukhusparkering"); not for the
 * dictionary's split of words (every), where a lemma's stem meets another
 * word's ("Steuer" and "steuern"). */
static int parts_by_kin(const search_ctx *c, uint32_t L, const char *lower,
                        const decompound_part *parts, size_t np, const known_terms *x,
                        uint32_t *kin)
{
    int used = 0;
    for (size_t i = 0; i < np; i++) {
        kin[i] = x[i].term != IX_NONE ? x[i].term : x[i].marked;
        if (x[i].term != IX_NONE)
            continue;
        used = 1;
        if (kin[i] != IX_NONE)
            continue;
        part_stem ps = {.len = 0};
        analyzer_run(c->an[L], lower + parts[i].off, parts[i].len, on_part_stem, &ps);
        const syn_entry *se;
        size_t ng = ps.len ? search_model_synonyms(c->m, L, ps.term, ps.len, &se) : 0;
        if (ng && se[0].count)
            kin[i] = search_model_synonym_terms(c->m, &se[0])[0];
        if (kin[i] == IX_NONE)
            return 0;
    }
    return used;
}

/* The term a part of the dictionary's split stands for when the FAQ holds
 * it in a form every_part_form allows, else IX_NONE: as a word; with 1 the
 * head (the last part, the compound's topic) also by its stem, said in the
 * FAQ as another word of that stem; with 2 every part by its stem. A
 * modifier by its stem alone is another topic's word as often ("steuern"
 * for the tax), and the dictionary reads a verb's stem before a head
 * ("Melde-") as a word of its own, so it cannot tell the two apart. */
static uint32_t every_part_term(const search_ctx *c, const known_terms *x, int head)
{
    int form = c->p->every_part_form;
    if (x->word != IX_NONE || form >= 2 || (form == 1 && head))
        return x->term;
    return IX_NONE;
}

/* A dictionary's split of a question's compound, as runs_held() asks
 * of a run of its parts whether the FAQ holds it (every_part_term()). */
typedef struct run_ctx {
    const search_ctx *c;
    uint32_t L;
    const decompound_links *links;
    const char *lower;
    const decompound_part *parts;
    size_t np;
    known_terms x[DECOMPOUND_MAX_PARTS][DECOMPOUND_MAX_PARTS];   /* [first][last] */
    size_t len[DECOMPOUND_MAX_PARTS][DECOMPOUND_MAX_PARTS];      /* ... the bytes held */
} run_ctx;

static decompound_part run_span(const decompound_part *parts, size_t first, size_t last)
{
    return (decompound_part){parts[first].off, parts[last].off + parts[last].len - parts[first].off};
}

/* The term a part (w, n bytes, lower case) of a question's compound
 * stands under as a part of the FAQ's own compounds (decompound.h's
 * marks: "<anwohner" of its "Anwohnerparken"), where the FAQ lacks it as
 * a word: IX_NONE when none. */
static uint32_t compound_part_term(const search_ctx *c, uint32_t L, const char *w, size_t n)
{
    part_stem ps = {.len = 0};
    analyzer_run(c->an[L], w, n, on_part_stem, &ps);
    if (!ps.len || ps.len + 1 >= QUERY_WORD_BYTES)
        return IX_NONE;
    char key[QUERY_WORD_BYTES + 1];
    memcpy(key + 1, ps.term, ps.len);
    for (size_t k = 0; k < sizeof part_marks; k++) {
        key[0] = part_marks[k];
        uint32_t term = ix_find_term(c->ix, L, key, ps.len + 1);
        if (term != IX_NONE)
            return term;
    }
    return IX_NONE;
}

/* ... the run as it stands, else, before the head, without the linking
 * element it ends in ("Antrags" as "Antrag"); with every_part_in_compounds
 * also as a part of the FAQ's own compounds, where the FAQ says the word
 * only inside them ("Anwohner" of its "Anwohnerparken"): a word its
 * compounds are made of is one of its topic's, unlike a stem it holds as
 * another word ("steuern" for "Steuer") */
static int run_held(void *ctx, size_t first, size_t last)
{
    run_ctx *r = ctx;
    decompound_part span = run_span(r->parts, first, last);
    known_terms *x = &r->x[first][last];
    int head = last + 1 == r->np;
    size_t unlinked = head || !r->c->p->every_part_unlinked
                          ? span.len
                          : decompound_unlinked(r->lower + span.off, span.len, r->links);
    for (int k = 0; k < 2; k++) {
        size_t len = k ? unlinked : span.len;
        if (k && len == span.len)
            break;
        known_synonyms_terms(r->c->ix, r->c->an[r->L], r->L, r->lower + span.off, len, 1, x);
        r->len[first][last] = len;
        if ((x->term = every_part_term(r->c, x, head)) != IX_NONE ||
            (r->c->p->every_part_in_compounds &&
             (x->term = compound_part_term(r->c, r->L, r->lower + span.off, len)) != IX_NONE))
            return 1;
    }
    return 0;
}

/* The dictionary's parts (np) regrouped into runs the FAQ holds each of
 * (decompound_group()): a dictionary reads a word it holds only as a
 * compound down to its parts ("Wohn|sitz|bescheinigung"), where the FAQ
 * says the word ("Wohnsitz"). The runs' terms into x and, when spans is
 * not NULL, the text held of each (without a linking element dropped)
 * into spans; returns how many runs, 0 when no grouping holds. */
static size_t runs_held(const search_ctx *c, uint32_t L, const decompound_links *links,
                        const char *lower, const decompound_part *parts, size_t np,
                        known_terms *x, decompound_part *spans)
{
    run_ctx r = {c, L, links, lower, parts, np, {{{0}}}, {{0}}};
    size_t last_of[DECOMPOUND_MAX_PARTS];
    size_t n = decompound_group(np, c->p->every_part_group == 2, run_held, &r, last_of);
    for (size_t i = 0, first = 0; i < n; first = last_of[i++] + 1) {
        x[i] = r.x[first][last_of[i]];
        if (spans)
            spans[i] = (decompound_part){parts[first].off, r.len[first][last_of[i]]};
    }
    return n;
}

/* The question's compound the FAQ lacks, its parts the FAQ holds standing
 * in for it. Without every, the compound is split where the dictionary's
 * analysis names its head (lexicon_flagged_compound_parts():
 * "Elektroauto"). With every, it is split by the language's dictionary as
 * the index splits the FAQ's words (lexicon_compound_parts():
 * "Versandkosten"), and the split stands only where the FAQ holds each of
 * its parts as a word, as Lucene's dictionary decompounder splits by a
 * list of words: a part the FAQ lacks says the question is of another
 * topic ("Steuererklärung" of a FAQ holding "Erklärung"), and a stem alone
 * is another word's ("steuern" is not the tax). */
static void add_question_parts(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, int every)
{
    const decompound_links *links = search_model_links(c->m, L);
    if (!c->text || !links->on)
        return;
    lexicon *lx = query_lexicon(c, L);
    char lower[QUERY_WORD_BYTES];
    long n = lx ? fold_case(c->text + t->raw_off, t->raw_len, lower, sizeof lower) : -1;
    if (n <= 0)
        return;
    decompound_part parts[DECOMPOUND_MAX_PARTS];
    size_t np = every ? lexicon_compound_parts(lx, links, lower, (size_t)n, parts,
                                               DECOMPOUND_MAX_PARTS)
                      : lexicon_flagged_compound_parts(lx, links, lower, (size_t)n, parts,
                                                       DECOMPOUND_MAX_PARTS);
    if (np && analyzer_names_word(c->an[L], lower + parts[np - 1].off, parts[np - 1].len) != 1)
        return;   /* a stop word for a head: a misreading, as at index time */
    uint32_t own = slots_has_word(sl) ? sl->alts[0].term : IX_NONE;
    known_terms x[DECOMPOUND_MAX_PARTS];
    int grouped = every && c->p->every_part_group;
    if (grouped && !(np = runs_held(c, L, links, lower, parts, np, x, NULL)))
        return;
    for (size_t i = 0; i < np && !grouped; i++) {
        known_synonyms_terms(c->ix, c->an[L], L, lower + parts[i].off, parts[i].len, 1, &x[i]);
        if (every && (x[i].term = every_part_term(c, &x[i], i + 1 == np)) ==
                         IX_NONE)
            return;
    }
    uint32_t kin[DECOMPOUND_MAX_PARTS];
    int by_kin = !every && c->p->use_part_kin && parts_by_kin(c, L, lower, parts, np, x, kin);
    for (size_t i = 0; i < np; i++) {
        float w = i + 1 == np ? c->p->w_qpart_head : c->p->w_qpart_modifier;
        uint32_t term = by_kin ? kin[i] : x[i].term;
        if (term != IX_NONE && term != own && w > 0)
            add_alt(sl, term, w, ALT_PART, x[i].word);
    }
}

typedef struct thes_ctx {
    const search_ctx *c;
    slot *sl;
    uint32_t lang;
    float weight;
    int known;                  /* the FAQ holds the word itself */
} thes_ctx;

/* What synonym w's first word is in the index, its stem made or not (its
 * word is the same either way), from the thread's memory once read. */
static void synonym_terms(void *ctx, const char *w, size_t n, int stem, known_terms *out)
{
    const thes_ctx *x = ctx;
    qmemo *m = x->c->memo;
    qmemo_syn f;
    if (m && qmemo_syn_get(m, x->lang, w, n, &f) && (f.stemmed || !stem)) {
        *out = (known_terms){f.word, f.term, f.marked};
        return;
    }
    known_synonyms_terms(x->c->ix, x->c->an[x->lang], x->lang, w, n, stem, out);
    if (m)
        qmemo_syn_put(m, x->lang, w, n, &(qmemo_syn){out->word, out->term, out->marked, stem});
}

static void take_synonym(void *ctx, uint32_t term)
{
    const thes_ctx *x = ctx;
    float share = x->c->p->thesaurus_word_share;
    add_alt_ranked(x->sl, term, x->weight, ALT_THESAURUS, IX_NONE,
                   x->known && share > 0 ? below_word(x->c, x->sl, term, x->weight, share) : 1);
}

_Static_assert(KNOWN_SYNONYMS_LEMMA_CAP == QUERY_WORD_BYTES,
               "a kept lemma had the room of a search's");

/* A word the FAQ holds, typed as the index keeps it (word w): the synonyms
 * the build found for it, when it kept them for this thesaurus and these
 * rules, up to limit. Returns 0 when it did not: look them up. */
static int take_kept(const search_ctx *c, thes_ctx *x, const thesaurus *th, uint32_t L,
                     const qtok *t, int limit)
{
    /* a lookup takes the first synonym that passes even at a limit of 0 */
    if (limit < 1)
        return 0;
    uint32_t w = ix_find_word(c->ix, L, t->word, t->word_len);
    if (w == IX_NONE || t->raw_len != t->word_len ||
        memcmp(c->text + t->raw_off, t->word, t->word_len) != 0)
        return 0;
    search_known_list kept;
    spelling sp;
    if (!search_model_known_synonyms(c->m, L, th, known_synonyms_rules_of(c->p), w, &kept) ||
        (kept.count < (uint32_t)limit && !kept.whole) ||
        (kept.by_lemma && !search_model_spelling(c->m, L, t->word, t->word_len, &sp)))
        return 0;
    for (uint32_t i = 0; i < kept.count && i < (uint32_t)limit; i++)
        take_synonym(x, search_known_term(&kept, i));
    return 1;
}

/* A word the FAQ lacks, said with one of its words: the synonyms the
 * language's thesaurus gives for it (or for its lemma) that the FAQ holds. */
static void add_thesaurus(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, float weight)
{
    if (!c->text)
        return;
    thesaurus *th = query_thesaurus(c, L);
    if (!th)
        return;
    const char *raw = c->text + t->raw_off;
    int known = sl->n_alts > 0;
    /* a known word's synonyms each walk a long list: fewer of them */
    int limit = known ? c->p->max_thesaurus_known : c->p->max_synonyms;
    thes_ctx x = {c, sl, L, weight, known};
    if (known && take_kept(c, &x, th, L, t, limit))
        return;
    known_synonyms_ask a = {th,    raw,          t->raw_len,  known, limit, known_synonyms_rules_of(c->p),
                            synonym_terms, take_synonym, &x,         0};
    if (known_synonyms_each(&a) <= 0 && !a.taken) {
        char lemma[QUERY_WORD_BYTES];
        size_t n = query_lemma(c, L, raw, t->raw_len, lemma, sizeof lemma);
        a.word = lemma;
        a.len = n;
        if (n)
            known_synonyms_each(&a);
    }
}

/* A word the FAQ does not hold as it is: another language's, a typo's, a
 * variant's. Returns 1 if typos were taken. */
static int expand_unknown(const search_ctx *c, slot *sl, uint32_t L, const qtok *t, int typos,
                          int in_dict)
{
    const search_params *p = c->p;
    int corrected = 0;
    if (p->use_accents && !t->is_qword)
        add_accented(c, sl, L, t);
    if (!sl->n_alts && p->use_bare_letters && !t->is_qword)
        add_bare(c, sl, L, t);
    if (!sl->n_alts && p->use_translit && !t->is_qword)
        add_translit(c, sl, L, t);
    if (!sl->n_alts && p->use_hebrew_prefixes && !t->is_qword)
        add_hebrew_prefixes(c, sl, L, t);
    if (p->use_foreign)
        add_foreign(c, sl, L, t);
    if (!sl->n_alts && p->use_lemma)
        add_lemma(c, sl, L, t, IX_NONE);
    if (!sl->n_alts && p->use_decompound)
        add_parts(c, sl, L, t);
    if (!sl->n_alts && p->use_flagged_parts && !t->is_qword)
        add_question_parts(c, sl, L, t, 0);
    if (!sl->n_alts && p->use_every_part && !t->is_qword)
        add_question_parts(c, sl, L, t, 1);
    if (!sl->n_alts && p->use_thesaurus && !t->is_qword)
        add_thesaurus(c, sl, L, t, p->w_thesaurus);
    float share = in_dict ? p->typo_dict_share : 1;
    if (!sl->n_alts && typos && p->use_typos && share > 0)
        corrected = add_typos(c, sl, L, t, share, in_dict) > 0;
    int long_stem = utf8_length(t->term, t->term_len) >= (size_t)p->variant_min_chars;
    if (!sl->n_alts && typos && long_stem && p->use_variants)
        add_variants(c, sl, L, t, in_dict);
    if (!sl->n_alts && !t->is_qword && long_stem && p->use_synonym_variants &&
        search_model_vocab(c->m, L, SEARCH_VOCAB_MEMBERS, &(typo_vocab){0}))
        add_synonym_variants(c, sl, L, t);
    if (!sl->n_alts && p->use_siblings && !t->is_qword)
        add_siblings(c, sl, L, t);
    if (!sl->n_alts && p->use_cognates && !t->is_qword)
        add_cognates(c, sl, L, t);
    return corrected;
}

/* A word of the asker's situation ("my son", "at home") the FAQ lacks:
 * every visitor has one and no FAQ need name it, so it weighs as a common
 * word and is no other topic. */
static int situation_gap(const search_ctx *c, const slot *sl, const qtok *t)
{
    return !sl->n_alts && t->is_situation && c->p->use_situation_words;
}

/* At most this many pairs of a question joined: a question has few. */
#define SLOTS_MAX_JOINED 4

/* Is the text between two words (the question's, or an entry's) a space
 * or a hyphen, as a word typed apart is split ("wi fi", "wi-fi")? A line's
 * end is not: an entry's alternate phrasings are one a line. */
static int typed_apart(const char *text, size_t from, size_t to)
{
    if (to == from + 1 && text[from] == '-')
        return 1;
    for (size_t i = from; i < to; i++)
        if (text[i] != ' ' && text[i] != '\t')
            return 0;
    return to > from;
}

/* *out as the question's token t spelt as word w (n bytes) of term
 * (term_len bytes, shorter than out's), a word of its own. */
static void spelt_as(const qtok *t, const char *w, size_t n, const char *term, size_t term_len,
                     qtok *out)
{
    *out = *t;
    memcpy(out->word, w, n);
    out->word[n] = '\0';
    out->word_len = n;
    out->word_cp = typo_cp_count(w, n);
    memcpy(out->term, term, term_len);
    out->term[term_len] = '\0';
    out->term_len = term_len;
    out->is_stop = out->is_situation = out->is_time = 0;
    out->is_joined = 1;
}

/* *out as the question's token t written as the FAQ writes it: its word
 * w (n bytes), index word word's term, the question's text of t. */
static void respelt(const search_ctx *c, const qtok *t, const char *w, size_t n, uint32_t word,
                    qtok *out)
{
    const ix_term *T = &c->ix->terms[c->ix->words[word].term];
    size_t tn = T->text.len < sizeof out->term ? T->text.len : sizeof out->term - 1;
    spelt_as(t, w, n, c->ix->strings + T->text.off, tn, out);
}

/* Is term one of a part the index posted beside the FAQ's compounds
 * (decompound.h's marks)? */
static int is_part_term(const search_ctx *c, uint32_t term)
{
    if (term == IX_NONE)
        return 0;
    const ix_str *s = &c->ix->terms[term].text;
    return s->len && memchr(part_marks, c->ix->strings[s->off], sizeof part_marks);
}

/* *out as the question's token t's run w (n bytes, lower case), a word
 * the FAQ holds only inside its compounds: its own text and stem. 0 when
 * it is too long or has no stem. */
static int as_part(const search_ctx *c, uint32_t L, const qtok *t, const char *w, size_t n,
                   qtok *out)
{
    part_stem ps = {.len = 0};
    analyzer_run(c->an[L], w, n, on_part_stem, &ps);
    if (!ps.len || n >= sizeof out->word || ps.len >= sizeof out->term)
        return 0;
    spelt_as(t, w, n, ps.term, ps.len, out);
    return 1;
}

/* A compound of the question the FAQ lacks whose dictionary parts
 * regroup into words it holds, each as a word or as a part of its own
 * compounds (runs_held(): "Wohnsitzbescheinigung" of a FAQ saying
 * "Wohnsitz" and "Bescheinigung"), into out as those words, each a word
 * of the question, as the FAQ writes them apart: how many, at most room
 * (0: none). In one slot the parts would stand in for each other, and an
 * entry holding one would score as one holding both. */
static int split_compound(const search_ctx *c, uint32_t L, const qtok *t, qtok *out, int room)
{
    const decompound_links *links = search_model_links(c->m, L);
    if (!c->text || !links->on || !c->p->use_every_part || !c->p->every_part_group ||
        t->is_stop || t->is_qword || t->is_synonym ||
        ix_find_word(c->ix, L, t->word, t->word_len) != IX_NONE ||
        ix_find_term(c->ix, L, t->term, t->term_len) != IX_NONE)
        return 0;
    /* the dictionary loaded only for a word the FAQ lacks */
    lexicon *lx = query_lexicon(c, L);
    if (!lx)
        return 0;
    char lower[QUERY_WORD_BYTES];
    long n = fold_case(c->text + t->raw_off, t->raw_len, lower, sizeof lower);
    if (n != (long)t->raw_len)
        return 0;   /* folded to another length: no run's place in the text */
    decompound_part parts[DECOMPOUND_MAX_PARTS];
    size_t np = n > 0 ? lexicon_compound_parts(lx, links, lower, (size_t)n, parts,
                                               DECOMPOUND_MAX_PARTS)
                      : 0;
    if (!np || analyzer_names_word(c->an[L], lower + parts[np - 1].off, parts[np - 1].len) != 1)
        return 0;
    known_terms x[DECOMPOUND_MAX_PARTS];
    decompound_part spans[DECOMPOUND_MAX_PARTS];
    size_t runs = runs_held(c, L, links, lower, parts, np, x, spans);
    if (!runs || runs > (size_t)room)
        return 0;
    for (size_t i = 0; i < runs; i++)
        if (x[i].word == IX_NONE && !is_part_term(c, x[i].term))
            return 0;   /* held by its stem alone: the slot's part, not a word */
    for (size_t i = 0; i < runs; i++) {
        if (x[i].word == IX_NONE) {
            /* held as a part of the FAQ's compounds: the question's own
             * text of the run, which the slot's part terms then find */
            if (!as_part(c, L, t, lower + spans[i].off, spans[i].len, &out[i]))
                return 0;
        } else {
            const ix_str *w = &c->ix->words[x[i].word].text;
            if (w->len >= sizeof out->word)
                return 0;
            respelt(c, t, c->ix->strings + w->off, w->len, x[i].word, &out[i]);
        }
        /* the question's text of the run, for what reads it (its lemma,
         * its own parts), not the whole compound's */
        out[i].raw_off = t->raw_off + spans[i].off;
        out[i].raw_len = spans[i].len;
    }
    return (int)runs;
}

/* Two adjacent words of the question that the FAQ writes as one ("wi fi",
 * "e mail" for its "wifi", "email"), into *out as that word: where the
 * FAQ holds the joined word and lacks one of the two, so that a question
 * of two words it holds ("web site" beside its "web" and "site") keeps
 * them. A stop word joins nothing: the FAQ indexes none, so lacking it
 * says nothing, and a word and a stop word make another word too often
 * ("quién es" the FAQ's "quiénes", "my hash" a code's "myhash"). Returns
 * 1 when joined. */
static int joined_pair(const search_ctx *c, uint32_t L, const qtok *a, const qtok *b, qtok *out)
{
    if (!c->text || a->is_qword || b->is_qword || a->is_stop || b->is_stop ||
        a->phrase != b->phrase || a->word_len + b->word_len >= sizeof out->word ||
        !typed_apart(c->text, a->raw_off + a->raw_len, b->raw_off))
        return 0;
    if (ix_find_word(c->ix, L, a->word, a->word_len) != IX_NONE &&
        ix_find_word(c->ix, L, b->word, b->word_len) != IX_NONE)
        return 0;
    char w[QUERY_WORD_BYTES];
    memcpy(w, a->word, a->word_len);
    memcpy(w + a->word_len, b->word, b->word_len);
    size_t n = a->word_len + b->word_len;
    uint32_t word = ix_find_word(c->ix, L, w, n);
    if (word == IX_NONE)
        return 0;
    respelt(c, a, w, n, word, out);
    out->raw_len = b->raw_off + b->raw_len - a->raw_off;
    return 1;
}

/* The shortest part of a word typed as one that the FAQ writes as two
 * ("wi" of "Wi-Fi"). */
#define APART_MIN_PART 2

/* At most this many entries holding a split's parts are read for the two
 * standing together: the parts of a word typed as one are seldom common
 * words both, and a question's unknown word costs no more than this. */
#define APART_MAX_ENTRIES 64

/* What written_together() looks for in an entry's texts. */
typedef struct together {
    const char *text;           /* the text walked */
    const char *part[2];
    size_t len[2];
    size_t end;                 /* where the token before ends in text */
    unsigned pos;               /* its position */
    int after_head;             /* it was the first part */
} together;

static int together_token(void *ctx, const token *t)
{
    together *x = ctx;
    if (t->is_synonym)
        return 0;
    if (x->after_head && t->pos == x->pos + 1 && t->word_len == x->len[1] &&
        memcmp(t->word, x->part[1], x->len[1]) == 0 && typed_apart(x->text, x->end, t->offset))
        return 1;
    x->after_head = t->word_len == x->len[0] && memcmp(t->word, x->part[0], x->len[0]) == 0;
    x->pos = t->pos;
    x->end = t->offset + t->raw_len;
    return 0;
}

/* Does entry e write the two parts next to each other, in that order, a
 * space or a hyphen between them ("Wi-Fi", "web shop"), in its question
 * or an alternate phrasing? Not in its answer: there the pair is the
 * FAQ's prose, and a question's word read as it ranks that entry above
 * the one asked for (lsof's "prebuilt" its "pre-built" of another entry's
 * answer, perl's "lookbehind" of a JavaScript question its "look-behind"). */
static int entry_writes_together(const search_ctx *c, uint32_t e, together *x)
{
    faq_entry fe;
    faq_index_entry(c->ix, e, &fe);
    const faq_str text[ENTRY_STREAM_ANSWER] = {fe.question, fe.alts};
    for (int k = 0; k < ENTRY_STREAM_ANSWER; k++) {
        x->text = text[k].s;
        x->after_head = 0;
        if (query_entry_run(c, e, k, 1, 0, together_token, x) == 1)
            return 1;
    }
    return 0;
}

/* Does the FAQ (language L) write part[0] and part[1] standing together?
 * w[k] is part k's index word, or IX_NONE for a stop word (which the
 * index posts nowhere): the entries read are those holding every part
 * that is an index word, by its term's postings. The evidence that a word
 * typed as one is the FAQ's two, rather than two of its words that meet
 * by chance in the letters ("sysadmin" as "sys" + "admin"). */
static int written_together(const search_ctx *c, uint32_t L, const char *const part[2],
                            const size_t len[2], const uint32_t w[2])
{
    const faq_index *ix = c->ix;
    postings_cursor cur[2];
    int n = 0;
    for (int k = 0; k < 2; k++)
        if (w[k] != IX_NONE)
            postings_open(&cur[n++], ix, ix->words[w[k]].term);
    together x = {.part = {part[0], part[1]}, .len = {len[0], len[1]}};
    int read = 0;
    uint32_t g = 0;
    while (read < APART_MAX_ENTRIES) {
        /* the next group holding every part */
        int k = 0, agreed = 0;
        while (agreed < n) {
            postings_seek(&cur[k], g);
            if (cur[k].group == POSTINGS_END)
                return 0;
            if (cur[k].group == g) {
                agreed++;
            } else {
                g = cur[k].group;
                agreed = 1;
            }
            k = (k + 1) % n;
        }
        uint32_t e = faq_index_group_entry(ix, g, L);
        if (e != IX_NONE) {
            if (entry_writes_together(c, e, &x))
                return 1;
            read++;
        }
        if (g == POSTINGS_END - 1)
            return 0;
        g++;
    }
    return 0;
}

typedef struct apart_ctx {
    const search_ctx *c;
    uint32_t lang;
} apart_ctx;

/* decompound_has_fn of a word typed as one: a word of the FAQ, or a stop
 * word of its language ("in" of "check in"). */
static int word_or_stop(void *ctx, const char *w, size_t n)
{
    const apart_ctx *x = ctx;
    return ix_find_word(x->c->ix, x->lang, w, n) != IX_NONE ||
           analyzer_is_stopword(x->c->an[x->lang], w, n);
}

/* A word of the question the FAQ lacks that it writes as two words
 * ("wifi" for its "Wi-Fi", "prebuilt" for "pre-built"), into out as the
 * parts it holds, each a word of the question as the join's are: how
 * many (0: none). A stop word for a part ("checkin" for "check in") only
 * where the language's dictionary lacks the word typed: one it has is a
 * word of its own that splits by chance ("island", "inform"). */
static int split_apart(const search_ctx *c, uint32_t L, const qtok *t, qtok *out)
{
    if (!c->text || t->is_stop || t->is_qword ||
        ix_find_word(c->ix, L, t->word, t->word_len) != IX_NONE ||
        ix_find_term(c->ix, L, t->term, t->term_len) != IX_NONE)
        return 0;
    apart_ctx x = {c, L};
    decompound_split sp;
    if (!decompound_apart(t->word, t->word_len, APART_MIN_PART, word_or_stop, &x, &sp))
        return 0;
    const char *part[2] = {t->word, t->word + sp.tail_off};
    size_t len[2] = {sp.head_len, t->word_len - sp.tail_off};
    uint32_t w[2];
    int n = 0;
    for (int k = 0; k < 2; k++)
        n += (w[k] = ix_find_word(c->ix, L, part[k], len[k])) != IX_NONE;
    if (!n || (n < 2 && query_knows(c, L, c->text + t->raw_off, t->raw_len)) ||
        !written_together(c, L, part, len, w))
        return 0;
    for (int k = 0, i = 0; k < 2; k++)
        if (w[k] != IX_NONE)
            respelt(c, t, part[k], len[k], w[k], &out[i++]);
    return n;
}

/* split_apart(), and for a question in a language the FAQ has no entry in
 * (English asked of a FAQ written only in Turkish) by each of the FAQ's
 * languages in turn: its words are those languages' as written ("wifi" for
 * the Turkish FAQ's "Wi-Fi"), the parts then found as theirs (add_foreign()). */
static int split_apart_asked(const search_ctx *c, uint32_t L, const qtok *t, qtok *out)
{
    const faq_index *ix = c->ix;
    int n = split_apart(c, L, t, out);
    int foreign = c->p->use_split_foreign && c->p->use_foreign && !ix->langs[L].n_faq;
    for (uint32_t l = 0; !n && foreign && l < ix->n_langs; l++)
        if (l != L && ix->langs[l].n_faq)
            n = split_apart(c, l, t, out);
    return n;
}

/* Slot sl's idf and its share of the question, for the confidence: every
 * content word counts (weight_floor), rarer ones more; a word the FAQ does
 * not know counts nearly as the rarest, since unknown words are what makes
 * a question off-topic; a question word counts little, since "when" or
 * "which" says nothing of whether the FAQ knows the topic. */
static void weigh(const search_ctx *c, slot *sl, uint32_t idf_lang, const qtok *t, double idf)
{
    const search_params *p = c->p;
    sl->idf = idf;
    double max_idf = search_model_max_idf(c->m, idf_lang);
    double norm = max_idf > 0 ? idf / max_idf : 0;
    double unknown = p->weight_floor + p->unknown_weight;
    /* ... but a word of three letters or fewer that the FAQ does not know
     * is as likely a slip ("qeu", "teh") or an abbreviation as a topic: it
     * counts as a common word */
    if (!sl->n_alts && utf8_length(t->word, t->word_len) <= (size_t)p->short_word_chars)
        unknown = p->weight_floor;
    /* ... and so does a word of the asker's situation ("my son") */
    if (situation_gap(c, sl, t))
        unknown = p->weight_floor;
    sl->weight = sl->n_alts ? p->weight_floor + norm : unknown;
    if (slots_guessed(sl))
        sl->weight = sl->weight * (1 - p->guess_share) + unknown * p->guess_share;
    sl->is_qword = t->is_qword;
    sl->is_phrase = t->is_synonym;
    if (t->is_qword) {
        /* "how", "cuándo": they tell the kind of question, not its topic;
         * they count little in the confidence, half in ranking */
        sl->weight *= p->qword_weight;
        for (int k = 0; k < sl->n_alts; k++)
            sl->alts[k].weight *= p->qword_rank;
    }
}

int slots_build(const search_ctx *c, uint32_t L, int typos)
{
    const faq_index *ix = c->ix;
    query *s = c->q;
    int corrected = 0;
    s->n_slots = 0;
    s->lang = L;
    /* the question's words in order, each followed by what a phrase
     * ending with it stands for */
    const qtok *order[FAQ_MAX_QUERY_TERMS * 3 + SLOTS_MAX_JOINED];
    qtok joined[SLOTS_MAX_JOINED];
    int n_order = 0, n_joined = 0;
    for (int i = 0, k = 0; i < s->n_toks; i++) {
        int apart = 0;
        if (c->p->use_joined_words && n_joined < SLOTS_MAX_JOINED && i + 1 < s->n_toks &&
            joined_pair(c, L, &s->toks[i], &s->toks[i + 1], &joined[n_joined])) {
            /* the two words are one slot, as the FAQ writes them */
            order[n_order++] = &joined[n_joined++];
            i++;
        } else if (c->p->use_split_words && n_joined + 2 <= SLOTS_MAX_JOINED &&
                   (apart = split_apart_asked(c, L, &s->toks[i], &joined[n_joined])) > 0) {
            /* ... and a word typed as one is two slots, as the FAQ's */
            for (int j = 0; j < apart; j++)
                order[n_order++] = &joined[n_joined++];
        } else if (c->p->use_compound_slots && n_joined + 2 <= SLOTS_MAX_JOINED &&
                   (apart = split_compound(c, L, &s->toks[i], &joined[n_joined],
                                           SLOTS_MAX_JOINED - n_joined)) > 0) {
            /* ... and so is a compound whose parts are the FAQ's words */
            for (int j = 0; j < apart; j++)
                order[n_order++] = &joined[n_joined++];
        } else {
            order[n_order++] = &s->toks[i];
        }
        for (; k < s->n_syn_toks && s->syn_after[k] <= i; k++)
            order[n_order++] = &s->syn_toks[k];
    }
    for (int i = 0; i < n_order && s->n_slots < FAQ_MAX_QUERY_TERMS; i++) {
        const qtok *t = order[i];
        if (t->is_stop)
            continue;
        slot *sl = &s->slots[s->n_slots];
        memset(sl, 0, offsetof(slot, alts));
        sl->n_alts = 0;
        sl->is_time = t->is_time;
        memcpy(sl->word, t->word, t->word_len + 1);
        sl->word_len = t->word_len;
        sl->raw_off = t->raw_off;
        sl->raw_len = t->raw_len;
        sl->pos = t->pos;
        sl->phrase = t->phrase;
        /* a word asked before makes the slot it made then */
        qmemo_token mt = {L,
                          (t->is_qword ? QMEMO_QWORD : 0u) | (t->is_synonym ? QMEMO_SYNONYM : 0u) |
                              (typos ? QMEMO_TYPOS : 0u),
                          c->text ? c->text + t->raw_off : NULL,
                          t->word,
                          t->term,
                          t->raw_len,
                          t->word_len,
                          t->term_len};
        int remembered;
        if (c->memo && c->text && qmemo_slot_get(c->memo, &mt, sl, &remembered)) {
            corrected |= remembered;
            if (!(t->is_synonym && !sl->n_alts))
                s->n_slots++;
            continue;
        }
        int was_corrected = corrected;
        corrected = 0;
        uint32_t w = t->is_synonym ? IX_NONE : ix_find_word(ix, L, t->word, t->word_len);
        uint32_t term =
            w != IX_NONE ? ix->words[w].term : ix_find_term(ix, L, t->term, t->term_len);
        if (term != IX_NONE)
            add_alt(sl, term, 1.0f, ALT_EXACT, IX_NONE);
        if (c->p->use_synonyms && (!c->p->use_synonym_lemmas || synonyms_speak_of(c, L, t)))
            add_synonyms(c, sl, L, t->term, t->term_len, c->p->w_synonym);
        if (c->p->use_parts && !t->is_synonym && !t->is_qword)
            add_part_terms(c, sl, L, t);
        /* a question word's forms are the pack's own list ("quais",
         * "qual"): its lemma would only meet another question's word */
        if (sl->n_alts && !t->is_synonym && !t->is_qword && c->p->use_lemma)
            add_lemma(c, sl, L, t, w);
        /* the language's general synonyms of a word the FAQ holds: the FAQ
         * may say the same in other words */
        if (sl->n_alts && !t->is_synonym && !t->is_qword && c->p->use_thesaurus_known)
            add_thesaurus(c, sl, L, t, c->p->w_thesaurus_known);
        int direct = sl->n_alts;
        if (c->p->use_translation && !t->is_synonym && !t->is_qword)
            add_translations(c, sl, L, t);
        /* a word the FAQ lacks that the language has is an ordinary word
         * of another topic; one it has not, a name, a code or a slip: the
         * decline model weighs the two apart */
        /* the word as typed, for the dictionary: a joined pair as one word */
        const char *raw = t->is_joined ? t->word : c->text ? c->text + t->raw_off : NULL;
        size_t raw_len = t->is_joined ? t->word_len : t->raw_len;
        int in_dict = !sl->n_alts && !t->is_synonym && c->p->use_dictionary && c->text &&
                      query_knows(c, L, raw, raw_len);
        if (!direct && !t->is_synonym)
            corrected |= expand_unknown(c, sl, L, t, typos, in_dict);
        /* ... though a form of a lemma the FAQ holds is a word it knows */
        if (sl->n_alts && sl->alts[0].kind == ALT_LEMMA)
            in_dict = 0;
        sl->unknown = in_dict ? 1 : sl->n_alts ? 0 : 2;
        /* ... but a word of the asker's situation is no other topic */
        if (situation_gap(c, sl, t))
            sl->unknown = 0;
        if (!sl->unknown && slots_has_word(sl) && !t->is_synonym && !t->is_qword &&
            c->p->use_dictionary && c->text && query_dict_lacks(c, L, raw, raw_len, t->word, t->word_len, w))
            sl->unknown = 3;
        sl->dict_head = (sl->unknown == 1 || sl->unknown == 2) && !t->is_synonym &&
                        ix_dict_head(ix, L, t->term, t->term_len);
        /* its weight in the question: the idf of what it stands for, or,
         * for a word the FAQ does not know, nearly the largest idf: an
         * unknown word is what makes a question off-topic */
        double idf = 0;
        uint32_t idf_lang = L;
        for (int k = 0; k < sl->n_alts; k++) {
            const alt_term *a = &sl->alts[k];
            /* a general synonym of a word the FAQ holds says nothing of
             * how rare the word is */
            if ((a->kind == ALT_THESAURUS || a->kind == ALT_PART) && slots_has_word(sl))
                continue;
            double v = ix->terms[a->term].idf;
            if (a->kind == ALT_TRANSLATION && c->p->w_translation > 0)
                v *= a->weight / c->p->w_translation;   /* its set's idf */
            if (a->kind == ALT_EXACT || v > idf) {
                idf = v;
                idf_lang = ix->terms[a->term].lang;
            }
        }
        int whole = !(c->failed && *c->failed);
        if (t->is_synonym && !sl->n_alts) {
            /* a phrase's synonym the FAQ does not hold adds nothing */
        } else {
            weigh(c, sl, idf_lang, t, idf);
            s->n_slots++;
        }
        if (c->memo && c->text && whole)
            qmemo_slot_put(c->memo, &mt, sl, corrected);
        corrected |= was_corrected;
    }
    query_term_masks(s, c->ix);
    return corrected;
}

int slots_mark_names(const search_ctx *c, const char *q)
{
    const faq_index *ix = c->ix;
    query *s = c->q;
    int n = 0;
    for (int i = 0; i < s->n_slots; i++) {
        slot *sl = &s->slots[i];
        sl->is_name = 0;
        if (!s->n_toks || sl->raw_off == s->toks[0].raw_off || sl->is_qword ||
            !starts_upper(q + sl->raw_off, sl->raw_len))
            continue;
        if (sl->n_alts) {
            /* a word of the FAQ: a name only where an answer lists it,
             * which the names feature tells ("Morocco", not "Fondo") */
            sl->is_name = 2;
            n++;
            continue;
        }
        int known = 0;
        for (uint32_t l = 0; l < ix->n_langs && !known; l++)
            known = search_model_smalltalk_word(c->m, l, sl->word, sl->word_len) ||
                    search_model_synonym_word(c->m, l, sl->word, sl->word_len);
        sl->is_name = !known;
        n += sl->is_name;
    }
    return n;
}
