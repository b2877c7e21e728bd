#!/bin/sh
set -e
# "We read it right away, why keep it?": the topic keeps 15 s of records, in segments of 5 s
# (segment.ms): retention deletes a whole segment once its newest record is 15 s old.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1 --config retention.ms=15000 --config segment.ms=5000
