#!/bin/sh
# dormitory.sh FAQBOT OUTDIR [extra eval args...]: a Turkish university dormitory (written.sh).
exec sh "$(dirname "$0")/written.sh" dormitory "$@"
