#!/bin/sh
# sportscentre.sh FAQBOT OUTDIR [extra eval args...]: a town's sports centre in Spanish and English (written.sh).
exec sh "$(dirname "$0")/written.sh" sportscentre "$@"
