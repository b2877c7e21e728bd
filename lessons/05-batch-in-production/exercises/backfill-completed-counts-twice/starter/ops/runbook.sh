#!/bin/sh
# On call, once the traffic has stopped: run minute 00:01, which nobody ran, and run again the minutes
# whose runs started before Logstash had uploaded their last seconds.
airflow backfill create --dag-id batch_view \
  --from-date 2026-01-01T00:00:00 --to-date 2026-01-01T00:03:00 \
  --reprocess-behavior completed                                    # at 270s, 30 s after the last request
