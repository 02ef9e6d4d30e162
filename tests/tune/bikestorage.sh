#!/bin/sh
# bikestorage.sh FAQBOT OUTDIR [extra eval args...]: a station's bicycle storage in Dutch (written.sh).
exec sh "$(dirname "$0")/written.sh" bikestorage "$@"
