/* limits.h: every hard limit of faqbot in one place, so the README can list them. */
#ifndef FAQ_LIMITS_H
#define FAQ_LIMITS_H

#define FAQ_MAX_QUESTION_CHARS   1000      /* longest question accepted, in code points */
#define FAQ_MAX_QUESTION_BYTES   4000      /* the same in bytes (UTF-8 is at most 4 a code point) */
#define FAQ_MAX_BODY_BYTES       8192      /* largest HTTP request body */
#define FAQ_DRAIN_BODY_BYTES     (1024 * 1024) /* a larger body is read and dropped, for its 413 */
#define FAQ_MAX_QUERY_TERMS      32        /* query terms kept for ranking; more are ignored */
#define FAQ_MAX_ALTERNATIVES     3         /* alternatives offered with an answer */
#define FAQ_MAX_LANGS            64        /* languages in one index */
#define FAQ_MAX_LANG_CODE        8         /* bytes of a language code, NUL included */
#define FAQ_MAX_PAGE_LANGS       4         /* a page's languages read for a tie (search.h) */
#define FAQ_REVIEW_MAX_QUESTIONS 100000    /* distinct questions faqbot review reads from its logs */
#define FAQ_MAX_TERM_BYTES       64        /* longer tokens are cut to this many bytes */
#define FAQ_MAX_FILE_BYTES       (64u << 20) /* largest corpus file read */
#define FAQ_MAX_ID_BYTES         128       /* longest entry id */
#define FAQ_MAX_TITLE_BYTES      200       /* longest FAQ title taken as the chat page's, NUL included */
#define FAQ_MAX_PACK_TALK_BYTES  256       /* longest question read as a lacked pack's small talk (pack_talk.h) */
#define FAQ_MAX_ENTRIES          (1u << 24) /* entries in one index */
#define FAQ_MAX_CORPUS_PROBLEMS  20        /* corpus problems reported (all are counted) */
#define FAQ_ANSWER_NOTICE_BYTES  (64u << 10) /* an answer longer is told: a heading left out? */
#define FAQ_REPL_HISTORY_LINES   1000      /* REPL lines kept between runs */
#define FAQ_MAX_DICT_BYTES       (256u << 20) /* largest bilingual dictionary file read, or text inflated */
#define FAQ_MAX_EXPLAIN_BYTES    (1u << 20) /* longest explanation of a ranking */

/* faqbot serve (src/serve.c) */
#define FAQ_HTTP_THREADS             4     /* worker threads by default (--threads) */
#define FAQ_HTTP_MAX_THREADS         256   /* most --threads accepts */
#define FAQ_HTTP_MAX_CONNECTIONS     4096  /* open connections in all (epoll: an idle one costs little) */
#define FAQ_HTTP_MAX_PER_IP          256   /* open connections from one address (trusted proxies: no limit) */
#define FAQ_HTTP_CONNECTION_TIMEOUT_S 10   /* a connection silent this long is closed */
#define FAQ_HTTP_REQUEST_DEADLINE_S  5     /* a whole request (headers and body) must arrive within this */
#define FAQ_HTTP_DEADLINE_POLL_MS    250   /* how often deadlines are looked at */
#define FAQ_HTTP_ADDR_BUCKETS        4096  /* hash buckets of the per-address counts */
#define FAQ_HTTP_MAX_ORIGINS         32    /* --allow-origin, --trust-proxy given at most */
#define FAQ_HTTP_CORS_MAX_AGE_S      600   /* how long a browser keeps a preflight answer */
/* libmicrohttpd's buffer per connection, zeroed whole after every request:
 * the longest question in a URL (12 KB escaped) and a browser's headers */
#define FAQ_HTTP_CONNECTION_MEMORY   (32 * 1024)
#define FAQ_HTTP_MAX_PATH_BYTES      512   /* longest static file path served */
#define FAQ_HTTP_MAX_PAGE_BYTES      (64 * 1024) /* largest web page whose {{key}}s are filled */
#define FAQ_HTTP_ANSWER_CACHE        4096  /* answers kept, each tied to its index */
#define FAQ_HTTP_REPLY_KEEP          16    /* answers' buffers kept for the next answers */
#define FAQ_HTTP_REPLY_KEEP_BYTES    65536 /* the largest buffer kept */
#define FAQ_HTTP_RELOAD_POLL_MS      200   /* how often the index file is looked at */
#define FAQ_QNA_MAX_TOP              50    /* most answers a generateAnswer call returns */
#define FAQ_QNA_FILTER_POOL          64    /* candidates strictFilters choose from */
#define FAQ_QNA_MAX_RECORDS          100   /* feedback records in one train or feedback call */

#endif
