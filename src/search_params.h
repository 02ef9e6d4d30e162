/* search_params.h: every tuned number of the ranking and of the decision
 * to answer, as a named field of one struct, with its default and its
 * reason in search_params.c's table; each expansion, rerank feature and
 * outcome rule has a switch (use_*) so that it can be turned off to see
 * what it is worth.
 *
 * A search_params is plain data: copy it, change fields, hand it to
 * searcher_set_params(). search_params_default() gives the defaults, the
 * values the searcher uses when told nothing else. */
#ifndef FAQ_SEARCH_PARAMS_H
#define FAQ_SEARCH_PARAMS_H

#include <stddef.h>

/* Structural bounds, not tuned: the sizes of the arrays the fields index. */
#define SEARCH_RERANK_MAX 12    /* most candidates kept for reranking */
#define SEARCH_TYPO_PICKS_MAX 3 /* most typo corrections tried for one word */

typedef struct search_params {
    /* language evidence (langev.c) */
    double lang_prev_head;      /* head start of the conversation's language */
    double lang_faq_head;       /* ... of a language with FAQ entries */
    double lang_hit;            /* a word a language knows */
    double lang_folded_hit;     /* ... only with a mark the question lacks, typed as
                                   another language's own word */
    double lang_close;          /* evidence this near the best is a close call */
    int lang_foreign_letters;   /* this many letters no index language writes: none of them */
    double lang_typo_hit;       /* an unknown word one edit from a word of the language */
    double lang_dict_hit;       /* an unknown word the language's dictionary knows */
    int use_lang_tie_near;      /* a tie: the language with words an edit away */
    int lang_ngram_min_words;   /* n-gram models asked from this many words on, numbers not counted */
    double lang_ngram_first;    /* their first guess ... */
    double lang_ngram_second;   /* ... and second */
    /* slot expansion (slots.c) */
    int max_synonyms;           /* synonyms a word takes from one group */
    float w_synonym;            /* weight of a synonym of the word */
    float w_foreign;            /* the word exists only in another language */
    float w_typo1;              /* a word one edit away */
    float w_typo2;              /* two edits away */
    float w_variant;            /* a stem one edit from the word's own */
    float w_accent;             /* the stem of the word read with its accents */
    float w_translit;           /* a Cyrillic or Greek word typed in Latin letters */
    int translit_min_chars;     /* the shortest stem key a Latin-letter word is read by */
    int variant_min_chars;      /* shorter stems have too many neighbours */
    float w_sibling;            /* a stem of the FAQ sharing a long beginning with the word's */
    int sibling_min_chars, sibling_max_rest;
    int variant_max_alts;       /* variants taken for one word */
    int typo_picks;             /* nearest words taken for a misspelt one */
    float typo_dict_share;      /* typo weights of a word the language's dictionary knows, times this */
    float typo_dict_to_dict;    /* typo weights of a dictionary word into another one, times this */
    double weight_floor;        /* a content word's least share of the question */
    double unknown_weight;      /* an unknown word's share above the floor */
    double guess_share;         /* a guessed word's weight: this share of an unknown word's */
    int short_word_chars;       /* unknown words this short weigh as common ones */
    double qword_weight;        /* a question word's share, times its weight */
    float qword_rank;           /* ... and its match in ranking, times this */
    /* retrieval (topk.c) */
    int rerank_depth;           /* candidates kept for reranking */
    float w_answer_only;        /* a match only in the answer covers this much */
    int use_shadow_drop;        /* a lemma with the word's postings, giving no more,
                                   is not walked (exact: a speed switch) */
    /* rerank features (rerank.c) */
    double proximity_bonus;     /* per adjacent pair in the entry's question, times idf */
    double focus_bonus;         /* the entry asks of the same thing ("qué países") */
    double question_fit;        /* times how well query and entry question match */
    int fit_unknown;            /* the decline's fit: the words the FAQ lacks count in what the question says */
    int name_list_min;          /* names an answer lists to count as a list */
    double name_bonus;          /* a list answers a question naming an unknown place */
    double name_common_idf;     /* a name of the question with idf below this is the FAQ's subject */
    int exact_min_words;        /* a run of words said word for word, at least ... */
    double exact_bonus;         /* ... raises an entry by up to this share ... */
    double exact_range;         /* ... when it scores this near the lead */
    /* outcome (outcome.c) */
    double threshold;           /* confidence below which the bot declines */
    double cover_floor;         /* coverage that answers on its own (decline_model.h) */
    /* the decline model's coefficients (decline_model.h, faqbot eval --fit) */
    double decline_bias;
    double decline_cover, decline_known_cover, decline_unknown_words, decline_unknown_other;
    int question_lemma;         /* question_field: a lemma (2: or part) match counts */
    double decline_question_field, decline_margin, decline_question_fit, decline_bm25_norm;
    double decline_faq_common, decline_domain_terms;
    double decline_evidence, decline_topic_name, decline_translated, decline_xl_unknown,
        decline_xl_dict, decline_small_vocab, decline_union_gain, decline_unknown_general;
    double small_vocab_terms;   /* the terms of a language at which small_vocab is 1/2 */
    double general_synonyms;    /* the thesaurus synonyms that make a word general */
    float w_lemma;              /* the dictionary's lemma of a word the FAQ lacks */
    float w_part;               /* a part of a compound the FAQ lacks */
    float w_part_head;          /* the FAQ's compound whose last part is the word */
    float w_part_modifier;      /* the FAQ's compound whose other part is the word */
    float w_part_listed_head;   /* the FAQ's dictionary-listed compound whose head is the word */
    float w_qpart_head;         /* the question's compound: its last part, a word of the FAQ */
    float w_qpart_modifier;     /* the question's compound: another part, a word of the FAQ */
    float w_thesaurus;          /* a synonym from the language's thesaurus */
    int thesaurus_mutual;       /* ... only when the thesaurus lists the word back */
    float w_translation;        /* a translation of the word, for an entry only another language has */
    int max_translations;       /* translations a word takes into one language */
    float w_cognate;            /* a word of another language spelt nearly the same */
    int cognate_min_chars;      /* ... for words this long at least */
    double clarify_ratio;       /* a runner-up this close in score is a tie */
    double clarify_cover;       /* ... when its coverage is this close too */
    double alt_ratio;           /* alternatives score at least this share of the best */
    int smalltalk_max_words;    /* longer questions are not small talk */
    int smalltalk_typo_chars;   /* small talk words this long may be misspelt */
    double smalltalk_key_share; /* among other words: its key words' least share of them */
    int smalltalk_extra_words;  /* ... or, a phrase of stop words, this many beside it */
    int smalltalk_within_edge;  /* ... the phrase opening or closing the question */
    int smalltalk_within_unknown; /* ... no word of the FAQ's beside it */
    /* switches: 1 on, 0 off (for ablation) */
    int use_synonyms, use_foreign, use_typos, use_variants, use_synonym_variants;
    int use_proximity, use_focus, use_question_fit, use_phrases, use_names, use_exact;
    int use_answer_pairs, use_smalltalk, use_smalltalk_within, use_clarify;
    int use_smalltalk_yield;    /* a small talk phrase cut short yields to a strong answer */
    int use_smalltalk_lone_key; /* one word, a longer phrase's key in a language only
                                   asked in, a FAQ language's word: no small talk */
    int use_smalltalk_own_word; /* a word of the question's language: no other's small-talk typo */
    int use_smalltalk_own_terms; /* a question's stem meets only its own language's small talk */
    int use_pack_talk;          /* a pack's small talk said whole, its language not in the index */
    int use_decline_model, use_union_gain, use_dictionary, use_lemma, use_decompound, use_thesaurus;
    int use_siblings;
    int use_translation, use_cognates, use_guess_evidence, use_accents;
    int use_bare_letters;       /* a word typed without a letter the keyboard lacks (fold.h) */
    int use_hebrew_prefixes;    /* a Hebrew word the FAQ lacks with or without ה ו ב ל מ ש כ */
    int use_accented_synonyms;  /* a synonym member typed without its accent */
    int use_translit;           /* a Cyrillic or Greek word typed in Latin letters (translit.h) */
    int use_translit_arabic;    /* ... and against Arabic words by their consonants */
    int translit_skeleton_min;  /* ... a stem's skeleton of this many bytes at least */
    int use_translit_stops;     /* ... a stop or question word so typed is one */
    int use_cut_lang_words;     /* langid: a word by its first letters, where no stemmer is */
    int translit_stops_latin;   /* ... unless a Latin-letter language of the index has the word */
    int use_parts;              /* the FAQ's compounds holding the word as a part */
    int use_flagged_parts;      /* a compound the FAQ lacks, split where the dictionary reads it */
    int use_part_kin;           /* a split's parts by lemma or pack synonym, when every part is held so */
    int use_every_part;         /* a compound the FAQ lacks, by its parts when it holds each as a word */
    int every_part_form;        /* ... a part held in another form: 0 word, 1 head by stem, 2 all by stem */
    int every_part_group;       /* ... the dictionary's parts regrouped into the FAQ's words: 0 off, 1 finest, 2 coarsest */
    int every_part_unlinked;    /* ... a run before the head also without its linking element */
    int every_part_in_compounds; /* ... a run also held as a part of the FAQ's compounds */
    int use_compound_slots;     /* ... a compound whose runs are the FAQ's words: a slot each */
    int use_joined_words;       /* words typed apart read as the FAQ's one */
    int use_split_words;        /* a word typed as one read as the FAQ's two */
    int use_split_foreign;      /* ... by the FAQ's languages, asked in one it has no entry in */
    int use_unlinked_langs;     /* a language with no entry nor dictionary is a candidate */
    int use_thesaurus_known;    /* thesaurus synonyms of a word the FAQ holds too */
    int max_thesaurus_known;    /* ... at most this many of them */
    float w_thesaurus_known;    /* ... at this weight */
    int thesaurus_as_written;   /* ... only those the FAQ holds as written, not by stem */
    float thesaurus_word_share; /* ... weighing at most this share of the word itself */
    int use_synonyms_below_word;    /* the FAQ's synonyms scored with the idf of the commoner */
    int use_lemma_below_word;       /* the lemma's other forms, the same */
    int use_synonym_lemmas;     /* a synonym group only for its members and their forms:
                                   1, 2 only for a word typed with an accent */
    int use_dict_word_ends;     /* a dictionary word is corrected at its end only */
    int use_situation_words;    /* a word of the asker's situation the FAQ lacks is left out */
    int use_time_words;         /* ... and a word of time, where the leader holds the rest */
    int time_rest_words;        /* how many other words the leader must hold for that */
    double time_rest_cover;     /* ... and what share of their weight */
    int use_qwords_only;        /* a question of question words alone ("how", "where") declines */
} search_params;

typedef enum { SEARCH_PARAM_INT, SEARCH_PARAM_FLOAT, SEARCH_PARAM_DOUBLE } search_param_type;

/* One row per field: its name, where it is, its default, the range it
 * accepts, and why it has that value. */
typedef struct search_param_field {
    const char *name;
    size_t offset;
    search_param_type type;
    double def, min, max;
    const char *reason;
} search_param_field;

extern const search_param_field search_param_fields[];
extern const size_t search_param_count;

void search_params_default(search_params *p);

/* The field called name, or NULL. */
const search_param_field *search_param_find(const char *name);

/* A field's value as a double. */
double search_param_get(const search_params *p, const search_param_field *f);

/* Set field name from text value ("0.5"). Returns 0, or -1 with the reason
 * in err (unknown name, not a number, out of range). */
int search_params_set(search_params *p, const char *name, const char *value, char *err,
                      size_t errlen);

/* "name=value" (spaces around either allowed) as search_params_set. */
int search_params_assign(search_params *p, const char *assignment, char *err, size_t errlen);

/* A file of "name = value" lines ('#' comments, blank lines skipped).
 * Returns 0, or -1 with file, line and reason in err. */
int search_params_load(search_params *p, const char *path, char *err, size_t errlen);

/* The skeleton_min search_model_translit() is given: 0 when Arabic is
 * not read by its skeleton */
static inline size_t translit_skeleton_min(const search_params *p)
{
    return p->use_translit_arabic ? (size_t)p->translit_skeleton_min : 0;
}

#endif
