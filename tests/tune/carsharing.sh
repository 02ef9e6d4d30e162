#!/bin/sh
# carsharing.sh FAQBOT OUTDIR [extra eval args...]: a car-sharing service in German and French (written.sh).
exec sh "$(dirname "$0")/written.sh" carsharing "$@"
