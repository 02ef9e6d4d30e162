#!/bin/sh
# ferry.sh FAQBOT OUTDIR [extra eval args...]: a Greek ferry company (written.sh).
exec sh "$(dirname "$0")/written.sh" ferry "$@"
